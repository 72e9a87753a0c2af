import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { RuleError } from '@xuefa/core';
import {
	creditExemptionInput,
	examInput,
	sittingInput,
	startAttemptInput
} from '$lib/schemas/exams.ts';
import type { Db } from '../../db/index.ts';
import { auditEntry, exam, sitting } from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../errors.ts';
import { mapError } from '../../http.ts';
import { testDatabase } from '../../testing/db.ts';
import { at, candidateCtx, examForm, examSetup, publishedSitting } from '../../testing/exams.ts';
import { ctxFor, makePracticeAnswers, makeQuestion, makeUser } from '../../testing/factories.ts';
import { readListExport } from '../../testing/xlsx.ts';
import { setPolicy } from '../study/testing.ts';
import { startExamAttempt } from './attempts.ts';
import { grantCreditExemption, revokeCreditExemption } from './eligibility.ts';
import { sittingResults } from './manage.ts';
import { resultsWorkbook } from './results-workbook.ts';
import { saveExam } from './mutate.ts';
import { createSitting } from './sittings.ts';
import { openSittings } from './home.ts';
import { myExams } from './view.ts';

/**
 * Unit A1's roster on a sitting requiring 4 credits of 2026: the cadre has 2 (100 answers this
 * year; the 60 of 2025 do not count), a colleague 5 (260 answers, whole credits only), a third
 * none.
 */
async function setup(requirement: Record<string, string> = { creditsRequired: '4' }, db?: Db) {
	const s = await examSetup(db ? { db } : {});
	const colleague = await makeUser(s.db, s.a1.id);
	const newcomer = await makeUser(s.db, s.a1.id);
	const q = await makeQuestion(s.db, s.bank.id);
	await makePracticeAnswers(s.db, s.cadre.person.id, q, '2026-02-01T10:00:00+08:00', 100);
	await makePracticeAnswers(s.db, s.cadre.person.id, q, '2025-12-31T23:00:00+08:00', 60);
	await makePracticeAnswers(s.db, colleague.person.id, q, '2026-01-05T10:00:00+08:00', 260);
	const { examId, sittingId } = await publishedSitting(
		s,
		{ kind: 'annual' },
		{},
		{ requireCredits: 'on', ...requirement }
	);
	return { ...s, colleague, newcomer, examId, sittingId };
}

const audits = (db: Db, action: string) =>
	db.select().from(auditEntry).where(eq(auditEntry.action, action));

describe('the credit requirement of an exam and its sittings', () => {
	it('defaults the number to the district setting and the year to the sitting’s opening year', async () => {
		const s = await examSetup();
		await setPolicy(s.db, 'credits.annualRequired', 30);
		const { examId, sittingId } = await publishedSitting(
			s,
			{ requireCredits: 'on' },
			{},
			{ requireCredits: 'on' }
		);
		const [e] = await s.db.select().from(exam).where(eq(exam.id, examId));
		expect(e).toMatchObject({ creditsRequired: 30, creditsYear: null });
		const [row] = await s.db.select().from(sitting).where(eq(sitting.id, sittingId));
		expect(row).toMatchObject({ creditsRequired: 30, creditsYear: 2026 });
	});

	it('takes the number and year typed, and nothing when the box is not ticked', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(
			s,
			{},
			{},
			{ requireCredits: 'on', creditsRequired: '12.5', creditsYear: '2025' }
		);
		const [row] = await s.db.select().from(sitting).where(eq(sitting.id, sittingId));
		expect(row).toMatchObject({ creditsRequired: 12.5, creditsYear: 2025 });
		const other = await publishedSitting(s, {}, {}, { creditsRequired: '12' });
		const [none] = await s.db.select().from(sitting).where(eq(sitting.id, other.sittingId));
		expect(none).toMatchObject({ creditsRequired: null, creditsYear: null });
	});

	it('lets a sitting differ from its exam: the exam requires credits, this sitting does not', async () => {
		const s = await examSetup();
		const { examId } = await publishedSitting(s, { requireCredits: 'on', creditsRequired: '8' });
		const makeUp = await createSitting(
			s.org,
			sittingInput.parse({
				examId,
				name: '补考场',
				opensAt: '2026-03-03T09:00',
				closesAt: '2026-03-03T11:00',
				unitIds: [s.a1.id]
			})
		);
		const [row] = await s.db.select().from(sitting).where(eq(sitting.id, makeUp));
		expect(row!.creditsRequired).toBeNull();
	});

	it('refuses a negative number or a year that is not one, field by field', () => {
		const base = examForm({ unitId: 1, bankIds: [1] });
		const bad = examInput.safeParse({
			...base,
			bankIds: ['1'],
			requireCredits: 'on',
			creditsRequired: '-1',
			creditsYear: '二〇二六'
		});
		expect(bad.success).toBe(false);
		const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
		expect(fields).toMatchObject({
			creditsRequired: 'err_exam_number_range',
			creditsYear: 'err_not_a_number'
		});
	});

	it('keeps the exam’s requirement when it is edited as a draft', async () => {
		const s = await examSetup();
		const examId = await saveExam(
			s.org,
			examForm({ unitId: s.a.id, bankIds: [s.bank.id], requireCredits: 'on', creditsRequired: '6' })
		);
		const [e] = await s.db.select().from(exam).where(eq(exam.id, examId));
		expect(e!.creditsRequired).toBe(6);
	});
});

describe('the roster’s eligibility', () => {
	it('shows each person’s credits against the requirement, why, and how many may not sit', async () => {
		const s = await setup();
		const r = await sittingResults(s.org, s.sittingId);
		expect(r.credits).toEqual({ required: 4, year: 2026 });
		const by = new Map(r.rows.map((row) => [row.id, row.credits]));
		expect(by.get(s.cadre.person.id)).toMatchObject({ earned: 2, required: 4, eligible: false });
		expect(by.get(s.cadre.person.id)!.text).toBe(
			'2026 年学法积分 2 分，要求 4 分，还差 2 分，暂不具备参考资格'
		);
		expect(by.get(s.colleague.person.id)).toMatchObject({ earned: 5, eligible: true });
		expect(by.get(s.newcomer.person.id)).toMatchObject({ earned: 0, eligible: false });
		expect(r.figures.ineligible).toBe(2);
	});

	it('costs the same number of statements for a roster of 3 or of 13 (no query per person)', async () => {
		const statements = async (extra: number) => {
			const { db, client } = await testDatabase();
			const s = await setup({ creditsRequired: '4' }, db);
			for (let i = 0; i < extra; i++) await makeUser(db, s.a1.id);
			const execute = vi.spyOn(client, 'execute');
			const r = await sittingResults(s.org, s.sittingId);
			expect(r.rows).toHaveLength(3 + extra);
			expect(r.figures.ineligible).toBe(2 + extra);
			const n = execute.mock.calls.length;
			execute.mockRestore();
			expect(n).toBeGreaterThan(0);
			return n;
		};
		expect(await statements(10)).toBe(await statements(0));
	});

	it('counts the credits of the year the sitting names, not the current one', async () => {
		const s = await setup({ creditsRequired: '1', creditsYear: '2025' });
		const r = await sittingResults(s.org, s.sittingId);
		const by = new Map(r.rows.map((row) => [row.id, row.credits]));
		expect(by.get(s.cadre.person.id)).toMatchObject({ earned: 1, eligible: true });
		expect(by.get(s.colleague.person.id)).toMatchObject({ earned: 0, eligible: false });
	});

	it('counts last year’s credits for a sitting opening in January that names no year, and says so', async () => {
		const s = await examSetup();
		const q = await makeQuestion(s.db, s.bank.id);
		// 2 credits in 2026 (100 answers); nobody has earned any in 2027's first days
		await makePracticeAnswers(s.db, s.cadre.person.id, q, '2026-06-01T10:00:00+08:00', 100);
		const { sittingId } = await publishedSitting(
			s,
			{ kind: 'annual' },
			{ opens: '2027-01-12T09:00', closes: '2027-01-12T11:00' },
			{ requireCredits: 'on', creditsRequired: '2' }
		);
		const [row] = await s.db.select().from(sitting).where(eq(sitting.id, sittingId));
		expect(row!.creditsYear).toBe(2026);
		const r = await sittingResults(s.org, sittingId);
		expect(r.credits).toEqual({ required: 2, year: 2026 });
		const mine = r.rows.find((x) => x.id === s.cadre.person.id)!.credits!;
		expect(mine).toMatchObject({ earned: 2, eligible: true });
		expect(mine.text).toContain('2026 年学法积分 2 分');
	});

	it('states the year it checked on a sitting stored without one (the opening year)', async () => {
		const s = await setup({ creditsRequired: '4' });
		await s.db.update(sitting).set({ creditsYear: null }).where(eq(sitting.id, s.sittingId));
		const r = await sittingResults(s.org, s.sittingId);
		expect(r.credits).toEqual({ required: 4, year: 2026 });
	});

	it('exports each person’s credits earned and required and their eligibility in words', async () => {
		const s = await setup();
		await grantCreditExemption(s.org, {
			sittingId: s.sittingId,
			personId: s.newcomer.person.id,
			reason: '援疆挂职'
		});
		const sheet = await readListExport(await resultsWorkbook(s.org, s.sittingId));
		expect(sheet.header.slice(-3)).toEqual(['已获学法积分', '要求学法积分', '参考资格']);
		const by = new Map(sheet.rows.map((row) => [row[0], row.slice(-3)]));
		expect(by.get(s.cadre.person.employeeNo)).toEqual(['2', '4', '不具备参考资格']);
		expect(by.get(s.colleague.person.employeeNo)).toEqual(['5', '4', '具备参考资格']);
		expect(by.get(s.newcomer.person.employeeNo)).toEqual(['0', '4', '已豁免（援疆挂职）']);
		// a sitting that requires no credits has no such columns
		const plain = await publishedSitting(s);
		const other = await readListExport(await resultsWorkbook(s.org, plain.sittingId));
		expect(other.header).not.toContain('参考资格');
		expect(other.header.at(-1)).toBe('是否合格');
	});

	it('shows nothing of credits on a sitting that requires none', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const r = await sittingResults(s.org, sittingId);
		expect(r.credits).toBeNull();
		expect(r.figures.ineligible).toBeNull();
		expect(r.rows.every((row) => row.credits === null)).toBe(true);
	});
});

describe('exemptions from the credit requirement', () => {
	it('an organiser of the sitting exempts a person with a reason: audited, shown, then revoked', async () => {
		const s = await setup();
		const org = await ctxFor(s.db, s.organiser.user.id, at(-30));
		await grantCreditExemption(org, {
			sittingId: s.sittingId,
			personId: s.cadre.person.id,
			reason: '援疆挂职，年内无法参加学法'
		});
		const [granted] = await audits(s.db, 'sitting.credit_exemption.granted');
		expect(granted).toMatchObject({
			actorUserId: s.organiser.user.id,
			at: at(-30),
			entityType: 'sitting',
			entityId: String(s.sittingId),
			after: { personId: s.cadre.person.id, reason: '援疆挂职，年内无法参加学法' }
		});
		let r = await sittingResults(org, s.sittingId);
		const row = r.rows.find((x) => x.id === s.cadre.person.id)!;
		expect(row.credits).toMatchObject({
			eligible: true,
			text: '已免除学法积分要求：援疆挂职，年内无法参加学法',
			exemption: { reason: '援疆挂职，年内无法参加学法', grantedAt: at(-30) }
		});
		expect(r.figures.ineligible).toBe(1);
		await expect(
			grantCreditExemption(org, {
				sittingId: s.sittingId,
				personId: s.cadre.person.id,
				reason: '再次'
			})
		).rejects.toBeInstanceOf(ConflictError);

		await revokeCreditExemption(org, { sittingId: s.sittingId, personId: s.cadre.person.id });
		const [revoked] = await audits(s.db, 'sitting.credit_exemption.revoked');
		expect(revoked).toMatchObject({
			actorUserId: s.organiser.user.id,
			before: { personId: s.cadre.person.id, reason: '援疆挂职，年内无法参加学法' }
		});
		r = await sittingResults(org, s.sittingId);
		expect(r.figures.ineligible).toBe(2);
		await expect(
			revokeCreditExemption(org, { sittingId: s.sittingId, personId: s.cadre.person.id })
		).rejects.toMatchObject({ code: 'err_credit_exemption_missing' });
	});

	it('needs a reason', () => {
		const parsed = creditExemptionInput.safeParse({ sittingId: '1', personId: '2', reason: '  ' });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]).toMatchObject({ path: ['reason'], message: 'err_required' });
	});

	it('is refused to an organiser of another unit, and writes nothing', async () => {
		const s = await setup();
		const street = await makeUser(s.db, s.b.id, [['organiser', s.b.id]]);
		const ctx = await ctxFor(s.db, street.user.id, at(-30));
		const input = { sittingId: s.sittingId, personId: s.cadre.person.id, reason: '理由' };
		await expect(grantCreditExemption(ctx, input)).rejects.toBeInstanceOf(ForbiddenError);
		await grantCreditExemption(s.org, input);
		await expect(
			revokeCreditExemption(ctx, { sittingId: s.sittingId, personId: s.cadre.person.id })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await audits(s.db, 'sitting.credit_exemption.granted')).toHaveLength(1);
		expect(await audits(s.db, 'sitting.credit_exemption.revoked')).toHaveLength(0);
	});

	it('is only for people on the roster, and only where credits are required', async () => {
		const s = await setup();
		await expect(
			grantCreditExemption(s.org, {
				sittingId: s.sittingId,
				personId: s.outsider.person.id,
				reason: '理由'
			})
		).rejects.toBeInstanceOf(InvalidInputError);
		const plain = await publishedSitting(s);
		await expect(
			grantCreditExemption(s.org, {
				sittingId: plain.sittingId,
				personId: s.cadre.person.id,
				reason: '理由'
			})
		).rejects.toMatchObject({ code: 'err_credit_exemption_not_required' });
		expect(await audits(s.db, 'sitting.credit_exemption.granted')).toHaveLength(0);
	});
});

describe('starting a sitting that requires credits', () => {
	const startInput = (sittingId: number) =>
		startAttemptInput.parse({ sittingId: String(sittingId), confirm: 'on' });

	it('is refused to a cadre short of credits, in words, until they are exempted', async () => {
		const s = await setup();
		// before the window, its page does not count down to a start that would be refused
		const early = await candidateCtx(s.db, s.cadre.user.id, -5);
		expect((await myExams(early)).upcoming).toEqual([
			expect.objectContaining({ id: s.sittingId, canStart: false, canStartAtOpen: false })
		]);
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 5);
		const mine = await myExams(cadre);
		expect(mine.open).toEqual([
			expect.objectContaining({
				id: s.sittingId,
				canStart: false,
				credits: {
					eligible: false,
					text: '2026 年学法积分 2 分，要求 4 分，还差 2 分，暂不具备参考资格'
				}
			})
		]);
		expect(await openSittings(cadre)).toEqual([
			expect.objectContaining({ id: s.sittingId, eligible: false })
		]);
		const refused = await startExamAttempt(cadre, startInput(s.sittingId)).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(RuleError);
		expect(refused).toMatchObject({
			code: 'credits.short',
			data: { earned: 2, required: 4, shortfall: 2, year: 2026 }
		});
		// the form gets the sentence, not the code
		const failure = mapError(refused);
		expect(failure.data.message).toBe(
			'2026 年学法积分 2 分，要求 4 分，还差 2 分，暂不具备参考资格'
		);
		expect(failure.status).toBe(400);

		await grantCreditExemption(s.org, {
			sittingId: s.sittingId,
			personId: s.cadre.person.id,
			reason: '长期病假'
		});
		expect((await myExams(cadre)).open[0]).toMatchObject({
			canStart: true,
			credits: { eligible: true, text: '已免除学法积分要求：长期病假' }
		});
		expect(await startExamAttempt(cadre, startInput(s.sittingId))).toBeGreaterThan(0);
	});

	it('lets a cadre with enough credits start, and judges at the start: credits earned since count', async () => {
		const s = await setup();
		const colleague = await candidateCtx(s.db, s.colleague.user.id, 5);
		expect(await startExamAttempt(colleague, startInput(s.sittingId))).toBeGreaterThan(0);
		const newcomer = await candidateCtx(s.db, s.newcomer.user.id, 5);
		await expect(startExamAttempt(newcomer, startInput(s.sittingId))).rejects.toMatchObject({
			code: 'credits.short'
		});
		const q = await makeQuestion(s.db, s.bank.id);
		await makePracticeAnswers(s.db, s.newcomer.person.id, q, '2026-03-02T09:02:00+08:00', 200);
		expect(await startExamAttempt(newcomer, startInput(s.sittingId))).toBeGreaterThan(0);
	});

	it('does not hold back an attempt already in progress (the requirement is judged at its start)', async () => {
		const s = await setup({ creditsRequired: '2' });
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 5);
		const id = await startExamAttempt(cadre, startInput(s.sittingId));
		// the requirement is raised afterwards (a correction in the database)
		await s.db
			.update(sitting)
			.set({ creditsRequired: 10 })
			.where(and(eq(sitting.id, s.sittingId)));
		expect(await startExamAttempt(cadre, startInput(s.sittingId))).toBe(id);
	});
});
