import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type GateLog, checkPromotion } from '@xuefa/core';
import { policyInput } from '$lib/schemas/hr-policy.ts';
import {
	appointment,
	auditEntry,
	gateCheck,
	person,
	promotionCase
} from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { ctxFor } from '../../testing/factories.ts';
import { at, candidateCtx, publishedSitting } from '../../testing/exams.ts';
import { cadreTakes, hrSetup } from '../../testing/hr.ts';
import { startExamAttempt } from '../exams/attempts.ts';
import { voidExamAttempt } from '../exams/integrity.ts';
import { scoreSheet } from '../exams/score-sheet.ts';
import { closeCase, recordAppointment } from './case-actions.ts';
import { listCases } from './cases.ts';
import { caseView } from './case-view.ts';
import { savePolicies } from './policy.ts';

type Setup = Awaited<ReturnType<typeof hrSetup>>;

/** The gate on the case page, in Chinese, as HR sees it on `date`. */
async function gateOn(s: Setup, date = '2026-03-10') {
	const view = await caseView(await s.hrAt(date), s.caseId);
	return { ...view.gate!, reasons: view.gate!.reasons.map((r) => r.text) };
}

/** The policy form as saved by default, with `overrides`. */
const policyForm = (overrides: Record<string, unknown> = {}) =>
	policyInput.parse({
		countFrom: 'public_notice',
		governmentExamRequired: 'on',
		governmentMaxRetakes: '1',
		congressMaxRetakes: '1',
		leadingPostsOnly: 'on',
		exemptions: ['legal_profession_qualification'],
		voidedAttempt: 'counts_as_fail',
		voidMonths: '',
		mustSwear: [
			'people_congress',
			'standing_committee',
			'government',
			'supervisory_commission',
			'court',
			'procuratorate'
		],
		days: '30',
		unit: 'calendar',
		...overrides
	});

describe('the promotion gate on a case', () => {
	it('says no with the reason while the candidate has no exam for the case', async () => {
		const s = await hrSetup();
		const gate = await gateOn(s);
		expect(gate.allowed).toBe(false);
		expect(gate.reasons[0]).toBe('须在公示（2026-02-20）后参加本次拟任的任前法律知识考试并合格');
		expect(gate.evidence).toEqual([]);
	});

	it('opens on a pass at the case’s sitting, with the evidence: sitting, score, date, attempt number', async () => {
		const s = await hrSetup();
		const attemptId = await cadreTakes(s, '2026-03-02', 85);
		const gate = await gateOn(s);
		expect(gate.allowed).toBe(true);
		expect(gate.reasons[0]).toBe('已通过任前法律知识考试（2026-03-02，85 分，第 1 次）');
		expect(gate.evidence).toEqual([
			expect.objectContaining({
				attemptId,
				sitting: '2026年第一期任前法律知识考试 · 第一场',
				takenOn: '2026-03-02',
				score: 85,
				outcome: 'pass',
				use: 'counted',
				attemptNo: 1
			})
		]);
	});

	it('allows one retake after a fail, and stays shut after a second fail', async () => {
		const retake = await hrSetup();
		await cadreTakes(retake, '2026-03-02', 40);
		expect((await gateOn(retake)).reasons[0]).toBe('考试不合格 1 次，还可补考 1 次');
		await cadreTakes(retake, '2026-03-05', 70);
		const passed = await gateOn(retake);
		expect(passed.allowed).toBe(true);
		expect(passed.reasons[0]).toContain('第 2 次');

		const twice = await hrSetup();
		await cadreTakes(twice, '2026-03-02', 40);
		await cadreTakes(twice, '2026-03-05', 55);
		await cadreTakes(twice, '2026-03-08', 90);
		const shut = await gateOn(twice);
		expect(shut.allowed).toBe(false);
		expect(shut.reasons).toEqual([
			'考试不合格 2 次（可补考 1 次），不得任职',
			'有 1 次合格成绩超出允许的考试次数，不予认定'
		]);
	});

	it('counts a voided attempt as the policy says: a fail by default, a bar on the case when set so', async () => {
		const s = await hrSetup();
		await cadreTakes(s, '2026-03-02', 'voided');
		const voided = await gateOn(s);
		expect(voided.allowed).toBe(false);
		expect(voided.reasons).toContain(
			'答卷 ' + voided.evidence[0]!.attemptId + ' 因违纪作废，按不合格处理'
		);
		await cadreTakes(s, '2026-03-05', 80);
		expect((await gateOn(s)).allowed).toBe(true);

		const admin = await ctxFor(s.db, s.admin.user.id);
		await savePolicies(admin, policyForm({ voidedAttempt: 'bars_case' }));
		const barred = await gateOn(s);
		expect(barred.allowed).toBe(false);
		expect(barred.reasons[0]).toContain('本次拟任不得任职');
	});

	it('counts an attempt voided while in progress (caught cheating mid-exam) as the policy says', async () => {
		const s = await hrSetup();
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 5);
		const attemptId = await startExamAttempt(cadre, { sittingId: s.sittingId, confirm: 'on' });
		await voidExamAttempt(await ctxFor(s.db, s.organiser.user.id, at(20)), {
			sittingId: s.sittingId,
			attemptId,
			reason: '替考'
		});
		const voided = await gateOn(s);
		expect(voided.allowed).toBe(false);
		expect(voided.evidence).toEqual([
			expect.objectContaining({ attemptId, takenOn: '2026-03-02', outcome: 'fail', use: 'counted' })
		]);
		expect(voided.reasons).toEqual([
			'考试不合格 1 次，还可补考 1 次',
			`答卷 ${attemptId} 因违纪作废，按不合格处理`
		]);

		const admin = await ctxFor(s.db, s.admin.user.id);
		await savePolicies(admin, policyForm({ voidedAttempt: 'bars_case' }));
		expect((await gateOn(s)).reasons[0]).toContain('本次拟任不得任职');
	});

	it('ignores a pass before the public notice (the default counting point), and counts it from nomination when set', async () => {
		const s = await hrSetup({ publicNoticeOn: '2026-03-03' });
		await cadreTakes(s, '2026-03-02', 95);
		const early = await gateOn(s);
		expect(early.allowed).toBe(false);
		expect(early.reasons).toContain('有 1 次合格成绩早于公示（2026-03-03），不予认定');
		expect(early.evidence[0]!.use).toBe('before_counting');

		const admin = await ctxFor(s.db, s.admin.user.id);
		await savePolicies(admin, policyForm({ countFrom: 'nomination' }));
		expect((await gateOn(s)).allowed).toBe(true);
	});

	it('is judged on every look at the case list, but logged only when its outcome changes', async () => {
		const s = await hrSetup();
		const checks = async () =>
			(await s.db.select().from(gateCheck).where(eq(gateCheck.caseId, s.caseId))).map(
				(c) => c.allowed
			);
		const before = await checks();
		const hr = await s.hrAt('2026-03-10');
		const shown = async () => (await listCases(hr)).find((c) => c.id === s.caseId)!;
		expect((await shown()).allowed).toBe(false);
		const first = await checks();
		await shown();
		await shown();
		expect(await checks()).toEqual(first);
		expect(first.length).toBeLessThanOrEqual(before.length + 1);
		// the cadre passes: the next look shows it, and that change is logged once and audited
		await cadreTakes(s, '2026-03-02', 85);
		expect((await shown()).allowed).toBe(true);
		await shown();
		expect(await checks()).toEqual([...first, true]);
		const audited = await s.db
			.select({ action: auditEntry.action })
			.from(auditEntry)
			.where(eq(auditEntry.entityType, 'promotion_case'));
		expect(audited.map((a) => a.action)).toContain('promotion_case.gate_opened');
	});

	it('does not count a pass at a sitting HR did not assign to this case', async () => {
		const s = await hrSetup();
		const other = await publishedSitting(s);
		await cadreTakes(s, '2026-03-02', 90, other.sittingId);
		const gate = await gateOn(s);
		expect(gate.allowed).toBe(false);
		expect(gate.evidence[0]!.use).toBe('other_case');
	});

	it('logs every check with what it read and decided, replayable by the core; a change of outcome is audited once', async () => {
		const s = await hrSetup();
		await gateOn(s);
		await gateOn(s);
		await cadreTakes(s, '2026-03-02', 85);
		await gateOn(s);
		const checks = await s.db
			.select()
			.from(gateCheck)
			.where(eq(gateCheck.caseId, s.caseId))
			.orderBy(gateCheck.id);
		expect(checks.map((c) => [c.purpose, c.allowed])).toEqual([
			['view', false],
			['view', false],
			['view', true]
		]);
		const log = checks[2]!.log as GateLog;
		const { case: c, records, policy, now } = log.inputs;
		const again = checkPromotion(c as never, records as never, policy as never, new Date(now));
		expect(JSON.parse(JSON.stringify(again.log.result))).toEqual(log.result);
		const audited = await s.db
			.select({ action: auditEntry.action })
			.from(auditEntry)
			.where(eq(auditEntry.entityType, 'promotion_case'));
		expect(audited.map((a) => a.action).filter((a) => a.startsWith('promotion_case.gate'))).toEqual(
			['promotion_case.gate_closed', 'promotion_case.gate_opened']
		);
	});

	it('is not shown to HR of another unit, who is answered as for a case that does not exist', async () => {
		const s = await hrSetup();
		const street = await ctxFor(s.db, s.streetHrUser.user.id);
		for (const caseId of [s.caseId, s.caseId + 100]) {
			await expect(caseView(street, caseId)).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				recordAppointment(street, { caseId, appointedOn: '2026-03-10', confirmed: 'yes' })
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				closeCase(street, { caseId, state: 'withdrawn', reason: '误建' })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		// someone who is not HR anywhere is refused alike for both
		const cadre = await ctxFor(s.db, s.cadre.user.id);
		for (const caseId of [s.caseId, s.caseId + 100])
			await expect(caseView(cadre, caseId)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('links evidence to score sheets that HR of the candidate’s unit may open, and no one else', async () => {
		const s = await hrSetup();
		const attemptId = await cadreTakes(s, '2026-03-02', 85);
		const sheet = await scoreSheet(await s.hrAt('2026-03-10'), attemptId);
		expect(sheet.person.name).toBe(s.cadre.person.name);
		expect(sheet.sitting).toMatchObject({ name: '第一场', managed: false });
		expect((await scoreSheet(s.org, attemptId)).sitting.managed).toBe(true);
		const street = await ctxFor(s.db, s.streetHrUser.user.id);
		await expect(scoreSheet(street, attemptId)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('recording the appointment', () => {
	it('is refused while the gate says no, with the reasons; only the check is written', async () => {
		const s = await hrSetup();
		await cadreTakes(s, '2026-03-02', 40);
		const hr = await s.hrAt('2026-03-10');
		const refused = await recordAppointment(hr, {
			caseId: s.caseId,
			appointedOn: '2026-03-10',
			confirmed: 'yes'
		}).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ConflictError);
		expect((refused as ConflictError).params.reasons).toBe('考试不合格 1 次，还可补考 1 次');
		expect(await s.db.select().from(appointment)).toEqual([]);
		const [c] = await s.db.select().from(promotionCase).where(eq(promotionCase.id, s.caseId));
		expect(c!.state).toBe('open');
		const [last] = await s.db.select().from(gateCheck).orderBy(desc(gateCheck.id)).limit(1);
		expect([last!.purpose, last!.allowed]).toEqual(['appointment', false]);
	});

	it('is refused when dated before the pass that opened the gate, or before the public notice (先考后提)', async () => {
		const s = await hrSetup();
		await cadreTakes(s, '2026-03-02', 85);
		const hr = await s.hrAt('2026-03-10');
		// HR enters the appointment after the fact, with a day before the exam
		const early = await recordAppointment(hr, {
			caseId: s.caseId,
			appointedOn: '2026-02-27',
			confirmed: 'yes'
		}).catch((e: unknown) => e);
		expect(early).toBeInstanceOf(InvalidInputError);
		expect((early as InvalidInputError).fields.appointedOn).toEqual([
			'任命日期 2026-02-27 早于任前法律知识考试合格的日期 2026-03-02：须先考后提'
		]);
		const beforeNotice = await recordAppointment(hr, {
			caseId: s.caseId,
			appointedOn: '2026-02-15',
			confirmed: 'yes'
		}).catch((e: unknown) => e);
		expect((beforeNotice as InvalidInputError).fields.appointedOn).toContain(
			'任命日期 2026-02-15 早于公示日期 2026-02-20'
		);
		expect(await s.db.select().from(appointment)).toEqual([]);
		const [c] = await s.db.select().from(promotionCase).where(eq(promotionCase.id, s.caseId));
		expect(c!.state).toBe('open');
		// the day of the pass will do
		await recordAppointment(hr, { caseId: s.caseId, appointedOn: '2026-03-02', confirmed: 'yes' });
		const [made] = await s.db.select().from(appointment);
		expect(made!.appointedOn).toBe('2026-03-02');
	});

	it('is recorded once the gate allows it, with the check that allowed it, and audited', async () => {
		const s = await hrSetup({ appointingBody: 'standing_committee' });
		await cadreTakes(s, '2026-03-02', 85);
		const hr = await s.hrAt('2026-03-10');
		const [before] = await s.db.select().from(person).where(eq(person.id, s.cadre.person.id));
		// it cannot be undone: with the gate open, a first tap only asks for the confirmation
		const asked = await recordAppointment(hr, {
			caseId: s.caseId,
			appointedOn: '2026-03-09'
		}).catch((e: unknown) => e);
		expect((asked as InvalidInputError).fields).toEqual({ confirmed: ['err_confirm_first'] });
		expect(await s.db.select().from(appointment)).toEqual([]);
		const id = await recordAppointment(hr, {
			caseId: s.caseId,
			appointedOn: '2026-03-09',
			confirmed: 'yes'
		});
		// the person now holds the post, by the case's route
		const [after] = await s.db.select().from(person).where(eq(person.id, s.cadre.person.id));
		expect(after).toMatchObject({ position: '法治督察科科长', appointmentRoute: 'congress' });
		expect(after!.updatedAt.getTime()).toBe(hr.now.getTime());
		expect(before!.position).not.toBe('法治督察科科长');
		const [a] = await s.db.select().from(appointment).where(eq(appointment.id, id));
		expect(a).toMatchObject({
			personId: s.cadre.person.id,
			post: '法治督察科科长',
			appointedOn: '2026-03-09'
		});
		const [check] = await s.db.select().from(gateCheck).where(eq(gateCheck.id, a!.gateCheckId!));
		expect([check!.purpose, check!.allowed]).toEqual(['appointment', true]);
		const [entry] = await s.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'promotion_case.appointed'));
		expect(entry!.after).toMatchObject({
			state: 'appointed',
			appointedOn: '2026-03-09',
			position: '法治督察科科长'
		});
		expect(entry!.before).toMatchObject({ state: 'open', position: before!.position });
		await expect(
			recordAppointment(hr, { caseId: s.caseId, appointedOn: '2026-03-09', confirmed: 'yes' })
		).rejects.toBeInstanceOf(ConflictError);
	});
});
