import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { releaseDeviceInput } from '$lib/schemas/exam-monitor.ts';
import { sittingInput } from '$lib/schemas/exams.ts';
import {
	auditEntry,
	certificate,
	examFocusEvent,
	passRecord,
	person
} from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import {
	answerEvery,
	at,
	attemptRow,
	candidateCtx,
	examSetup,
	publishedSitting,
	rightChoice
} from '../../testing/exams.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { ownAttempt, saveAnswers, startExamAttempt, submitExamAttempt } from './attempts.ts';
import {
	FOCUS_EVENTS_KEPT,
	attemptStatus,
	extendExamAttempt,
	recordFocusLoss,
	releaseExamDevice,
	voidExamAttempt
} from './integrity.ts';
import { proctoredSittings, sittingMonitor } from './monitor.ts';
import { createSitting, isOnRoster } from './sittings.ts';
import { attemptPaper, myExams } from './view.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

async function start(s: Setup, sittingId: number, minutes: number, userId = s.cadre.user.id) {
	const ctx = await candidateCtx(s.db, userId, minutes);
	const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
	return { ctx, id };
}

/** Answers every question of the attempt, right or wrong, then submits. */
async function sit(s: Setup, sittingId: number, minutes: number, right: boolean) {
	const a = await start(s, sittingId, minutes);
	await answerEvery(a.ctx, a.id, right);
	await submitExamAttempt(a.ctx, { attemptId: a.id });
	return a;
}

async function audits(s: Setup, action: string) {
	return s.db.select().from(auditEntry).where(eq(auditEntry.action, action));
}

const monitorAt = (s: Setup, minutes: number) => ctxFor(s.db, s.organiser.user.id, at(minutes));

describe('the live monitor', () => {
	it('shows each candidate not started, in progress (time left, answered, focus losses), submitted', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const other = await makeUser(s.db, s.a1.id);
		const a = await start(s, sittingId, 0);
		const row = await attemptRow(s.db, a.id);
		const q = row!.paper.sections[0]!.items[0]!;
		await saveAnswers(a.ctx, {
			attemptId: a.id,
			saves: [
				{ questionId: q.question.id, seq: 1, response: rightChoice(q.optionOrder), flagged: false }
			]
		});
		await recordFocusLoss(a.ctx, { attemptId: a.id, kind: 'hidden' });
		const m = await sittingMonitor(await monitorAt(s, 30), sittingId);
		const mine = m.rows.find((r) => r.id === s.cadre.person.id)!;
		expect(mine.status).toBe('in_progress');
		expect(mine.attempt).toMatchObject({ answered: 1, questions: 4, focusLosses: 1 });
		// 120 minutes, capped by the window closing at 11:00; 30 minutes in
		expect(mine.attempt!.msLeft).toBe(90 * 60_000);
		expect(m.rows.find((r) => r.id === other.person.id)).toMatchObject({
			status: 'not_started',
			attempt: null
		});
		expect(m.counts).toEqual({
			not_started: 1,
			in_progress: 1,
			submitted: 0,
			voided: 0,
			flagged: 1
		});

		await submitExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 40), { attemptId: a.id });
		const after = await sittingMonitor(await monitorAt(s, 41), sittingId);
		expect(after.counts).toEqual({
			not_started: 1,
			in_progress: 0,
			submitted: 1,
			voided: 0,
			flagged: 1
		});
	});

	it('is for the exam’s organisers and the sitting’s proctors only', async () => {
		const s = await examSetup();
		const proctor = await makeUser(s.db, s.b.id);
		const { sittingId: plain } = await publishedSitting(s);
		const { sittingId: watched } = await publishedSitting(s, {}, {});
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 0);
		await expect(sittingMonitor(cadre, plain)).rejects.toBeInstanceOf(ForbiddenError);
		const p = await ctxFor(s.db, proctor.user.id, at(0));
		await expect(sittingMonitor(p, plain)).rejects.toBeInstanceOf(ForbiddenError);
		// the organiser names the proctor on a new sitting
		const named = await createSitting(
			s.org,
			sittingInput.parse({
				examId: (await sittingMonitor(s.org, watched)).exam.id,
				name: '第二场',
				opensAt: '2026-03-02T09:00',
				closesAt: '2026-03-02T11:00',
				unitIds: [s.a1.id],
				proctors: proctor.user.username.toUpperCase()
			})
		);
		expect((await sittingMonitor(p, named)).sitting.id).toBe(named);
		await expect(sittingMonitor(s.org, 99_999)).rejects.toBeInstanceOf(NotFoundError);
		// the proctor finds it in their list (open now), the organiser who did not name themself does not
		expect(await proctoredSittings(p)).toEqual([
			expect.objectContaining({ id: named, name: '第二场', state: 'open' })
		]);
		expect(await proctoredSittings(s.org)).toEqual([]);
		// a week after it closed it leaves the list
		const later = (days: number) => ctxFor(s.db, proctor.user.id, at(days * 24 * 60));
		expect((await proctoredSittings(await later(1)))[0]?.state).toBe('closed');
		expect(await proctoredSittings(await later(8))).toEqual([]);
	});
});

describe('rosters by rank and named proctors', () => {
	it('puts the active people of a rank within the exam’s unit on the roster, and no one else', async () => {
		const s = await examSetup();
		const { examId } = await publishedSitting(s);
		const chief = await makeUser(s.db, s.a1.id);
		await s.db.update(person).set({ rank: 'section' }).where(eq(person.id, chief.person.id));
		const elsewhere = await makeUser(s.db, s.b.id);
		await s.db.update(person).set({ rank: 'section' }).where(eq(person.id, elsewhere.person.id));
		const sittingId = await createSitting(
			s.org,
			sittingInput.parse({
				examId,
				name: '正科级场',
				opensAt: '2026-03-02T09:00',
				closesAt: '2026-03-02T11:00',
				ranks: ['section']
			})
		);
		expect(await isOnRoster(s.db, sittingId, chief.person.id)).toBe(true);
		// the same rank in a unit outside the exam's
		expect(await isOnRoster(s.db, sittingId, elsewhere.person.id)).toBe(false);
		// another rank in the exam's unit
		expect(await isOnRoster(s.db, sittingId, s.cadre.person.id)).toBe(false);
		expect(
			(await myExams(await candidateCtx(s.db, chief.user.id, 1))).open.map((x) => x.id)
		).toContain(sittingId);
	});

	it('refuses unknown proctors by name, and creates nothing', async () => {
		const s = await examSetup();
		const { examId } = await publishedSitting(s);
		const input = sittingInput.parse({
			examId,
			name: '第三场',
			opensAt: '2026-03-02T09:00',
			closesAt: '2026-03-02T11:00',
			unitIds: [s.a1.id],
			proctors: 'nobody-here'
		});
		const refused = await createSitting(s.org, input).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(InvalidInputError);
		expect(refused).toMatchObject({
			code: 'err_sitting_unknown_proctors',
			params: { list: ['nobody-here'] }
		});
		expect(await audits(s, 'sitting.created')).toHaveLength(1);
	});
});

describe('focus losses', () => {
	it('are counted per attempt; the one that reaches the limit submits the attempt', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, { focusLimit: '3' });
		const a = await start(s, sittingId, 0);
		expect(await recordFocusLoss(a.ctx, { attemptId: a.id, kind: 'hidden' })).toMatchObject({
			kind: 'open',
			focusLosses: 1,
			focusLimit: 3
		});
		// the page warns now: one more submits
		expect(await recordFocusLoss(a.ctx, { attemptId: a.id, kind: 'blur' })).toMatchObject({
			kind: 'open',
			focusLosses: 2
		});
		expect(await recordFocusLoss(a.ctx, { attemptId: a.id, kind: 'hidden' })).toEqual({
			kind: 'closed',
			state: 'graded',
			focusLimitReached: true
		});
		const row = await attemptRow(s.db, a.id);
		expect(row!.state).toBe('graded');
		expect(row!.submittedAt).toEqual(at(0));
		const [audit] = await audits(s, 'exam.attempt.focus_limit_submitted');
		expect(audit).toMatchObject({ entityId: String(a.id), after: { focusLosses: 3, limit: 3 } });
		// a report after the end changes nothing
		expect(await recordFocusLoss(a.ctx, { attemptId: a.id, kind: 'blur' })).toMatchObject({
			kind: 'closed'
		});
		const m = await sittingMonitor(await monitorAt(s, 1), sittingId);
		expect(m.rows.find((r) => r.id === s.cadre.person.id)!.attempt!.focusLosses).toBe(3);
	});

	it('are listed on the monitor with their times and kinds, the latest twenty first', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const a = await start(s, sittingId, 0);
		for (let minute = 1; minute <= 25; minute++)
			await recordFocusLoss(await candidateCtx(s.db, s.cadre.user.id, minute), {
				attemptId: a.id,
				kind: minute % 2 ? 'hidden' : 'blur'
			});
		const m = await sittingMonitor(await monitorAt(s, 30), sittingId);
		const mine = m.rows.find((r) => r.id === s.cadre.person.id)!.attempt!;
		expect(mine.focusLosses).toBe(25);
		expect(mine.focusEvents).toHaveLength(20);
		expect(mine.focusEvents[0]).toEqual({ kind: 'hidden', at: at(25).getTime() });
		expect(mine.focusEvents[1]).toEqual({ kind: 'blur', at: at(24).getTime() });
		expect(mine.focusEvents.at(-1)).toEqual({ kind: 'blur', at: at(6).getTime() });
	});

	it('stop being recorded past a cap: a script posting losses in a loop cannot grow them without end', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const a = await start(s, sittingId, 0);
		await s.db.insert(examFocusEvent).values(
			Array.from({ length: FOCUS_EVENTS_KEPT - 1 }, () => ({
				attemptId: a.id,
				kind: 'blur' as const,
				at: at(1)
			}))
		);
		for (let i = 0; i < 3; i++) await recordFocusLoss(a.ctx, { attemptId: a.id, kind: 'hidden' });
		const [stored] = await s.db
			.select({ n: count() })
			.from(examFocusEvent)
			.where(eq(examFocusEvent.attemptId, a.id));
		expect(stored!.n).toBe(FOCUS_EVENTS_KEPT);
		expect(await attemptStatus(a.ctx, a.id)).toMatchObject({
			kind: 'open',
			focusLosses: FOCUS_EVENTS_KEPT
		});
	});

	it('without a limit never end the attempt; nobody else can report them', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const a = await start(s, sittingId, 0);
		for (let i = 0; i < 5; i++) await recordFocusLoss(a.ctx, { attemptId: a.id, kind: 'blur' });
		expect(await attemptStatus(a.ctx, a.id)).toMatchObject({
			kind: 'open',
			focusLosses: 5,
			focusLimit: null
		});
		const outsider = await ctxFor(s.db, s.outsider.user.id, at(1));
		await expect(
			recordFocusLoss(outsider, { attemptId: a.id, kind: 'blur' })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('extending a candidate’s time', () => {
	it('moves the deadline in the database (audited): the timer follows and saves are taken until then', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, { durationMinutes: '30' });
		const a = await start(s, sittingId, 0);
		const input = { sittingId, attemptId: a.id, minutes: 15, reason: '考生设备故障' };
		expect(await extendExamAttempt(await monitorAt(s, 20), input)).toMatchObject({
			kind: 'extended',
			deadline: at(45).getTime()
		});
		const row = await attemptRow(s.db, a.id);
		expect(row!.deadline).toEqual(at(45));
		// what the candidate's page polls
		expect(await attemptStatus(await candidateCtx(s.db, s.cadre.user.id, 31), a.id)).toMatchObject({
			kind: 'open',
			deadline: at(45).getTime()
		});
		const late = await candidateCtx(s.db, s.cadre.user.id, 40);
		const q = row!.questionIds[0]!;
		expect(
			await saveAnswers(late, {
				attemptId: a.id,
				saves: [{ questionId: q, seq: 1, response: null, flagged: true }]
			})
		).toMatchObject({ kind: 'saved', saved: [{ applied: true }] });
		const [audit] = await audits(s, 'exam.attempt.extended');
		expect(audit).toMatchObject({
			entityId: String(a.id),
			before: { deadline: at(30).toISOString() },
			after: { deadline: at(45).toISOString(), minutes: 15, reason: '考生设备故障' }
		});
	});

	it('refuses an attempt that has ended, one of another sitting, and a cadre', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, { durationMinutes: '30' });
		const { sittingId: other } = await publishedSitting(s);
		const a = await start(s, sittingId, 0);
		const input = { sittingId, attemptId: a.id, minutes: 10, reason: '断网' };
		await expect(
			extendExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 5), input)
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			extendExamAttempt(await monitorAt(s, 5), { ...input, sittingId: other })
		).rejects.toBeInstanceOf(NotFoundError);
		// past the deadline (not yet swept): too late to extend
		await expect(extendExamAttempt(await monitorAt(s, 31), input)).rejects.toMatchObject({
			code: 'err_attempt_not_running'
		});
		const row = await attemptRow(s.db, a.id);
		expect(row!.deadline).toEqual(at(30));
		expect(await audits(s, 'exam.attempt.extended')).toHaveLength(0);
	});
});

describe('one device per candidate', () => {
	/** One save of the attempt's first question, from the browser with `deviceId`. */
	async function saveFrom(
		ctx: Awaited<ReturnType<typeof candidateCtx>>,
		id: number,
		deviceId: string,
		seq: number
	) {
		const row = await attemptRow(ctx.db, id);
		const q = row!.paper.sections[0]!.items[0]!;
		return saveAnswers(ctx, {
			attemptId: id,
			deviceId,
			saves: [
				{ questionId: q.question.id, seq, response: rightChoice(q.optionOrder), flagged: false }
			]
		});
	}

	it('keeps the attempt on the device that started it, until a proctor lets the candidate change (audited)', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, {}, {}, { oneDevice: 'on' });
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on', deviceId: 'phone' });
		expect((await saveFrom(ctx, id, 'phone', 1)).kind).toBe('saved');
		// another browser can neither resume, nor open, nor save the attempt
		const other = new ConflictError('err_attempt_other_device');
		await expect(
			startExamAttempt(ctx, { sittingId, confirm: 'on', deviceId: 'laptop' })
		).rejects.toEqual(other);
		await expect(ownAttempt(ctx, id, 'laptop')).rejects.toEqual(other);
		await expect(saveFrom(ctx, id, 'laptop', 2)).rejects.toEqual(other);

		// the phone breaks: the proctor's monitor shows the attempt tied to a device
		const proctor = await monitorAt(s, 10);
		const bound = async () =>
			(await sittingMonitor(proctor, sittingId)).rows.find((r) => r.id === s.cadre.person.id)!
				.attempt!.deviceBound;
		expect((await sittingMonitor(proctor, sittingId)).sitting.oneDevice).toBe(true);
		expect(await bound()).toBe(true);
		// and lets the candidate go on elsewhere, with a reason
		expect(releaseDeviceInput.safeParse({ sittingId, attemptId: id, reason: ' ' }).success).toBe(
			false
		);
		expect(
			await releaseExamDevice(proctor, { sittingId, attemptId: id, reason: '手机没电' })
		).toEqual({ kind: 'released', attemptId: id });
		const [entry] = await audits(s, 'exam.attempt.device_released');
		expect(entry).toMatchObject({ entityId: String(id) });
		expect(entry!.after).toMatchObject({ reason: '手机没电' });
		expect(await bound()).toBe(false);
		// nothing more to release until a device has taken it
		await expect(
			releaseExamDevice(proctor, { sittingId, attemptId: id, reason: '再次' })
		).rejects.toEqual(new ConflictError('err_attempt_device_not_bound'));

		// the laptop starts (resumes) and opens the attempt: it is the attempt's device now, with the
		// answers and the deadline as they were
		const later = await candidateCtx(s.db, s.cadre.user.id, 12);
		expect(await startExamAttempt(later, { sittingId, confirm: 'on', deviceId: 'laptop' })).toBe(
			id
		);
		const page = await attemptPaper(later, id, 'laptop');
		expect(page.open && page.items.length).toBeGreaterThan(0);
		const taken = await attemptRow(s.db, id);
		expect(taken!.deviceId).toBe('laptop');
		expect((await saveFrom(later, id, 'laptop', 2)).kind).toBe('saved');
		// and the old phone, back on, can no longer save
		await expect(saveFrom(later, id, 'phone', 3)).rejects.toEqual(other);
	});

	it('is refused where the sitting allows any device, for an attempt that has ended, and to a cadre', async () => {
		const s = await examSetup();
		const open = await publishedSitting(s);
		const a = await start(s, open.sittingId, 5);
		await expect(
			releaseExamDevice(await monitorAt(s, 10), {
				sittingId: open.sittingId,
				attemptId: a.id,
				reason: '换设备'
			})
		).rejects.toEqual(new ConflictError('err_attempt_device_not_bound'));

		const one = await publishedSitting(s, {}, {}, { name: '第二场', oneDevice: 'on' });
		const other = await makeUser(s.db, s.a1.id);
		const ctx = await candidateCtx(s.db, other.user.id, 5);
		const id = await startExamAttempt(ctx, {
			sittingId: one.sittingId,
			confirm: 'on',
			deviceId: 'pc'
		});
		// the candidate cannot release their own device
		await expect(
			releaseExamDevice(await ctxFor(s.db, other.user.id, at(10)), {
				sittingId: one.sittingId,
				attemptId: id,
				reason: '换设备'
			})
		).rejects.toBeInstanceOf(ForbiddenError);
		await submitExamAttempt(ctx, { attemptId: id, deviceId: 'pc' });
		await expect(
			releaseExamDevice(await monitorAt(s, 10), {
				sittingId: one.sittingId,
				attemptId: id,
				reason: '换设备'
			})
		).rejects.toEqual(new ConflictError('err_attempt_release_not_running'));
		expect(await audits(s, 'exam.attempt.device_released')).toEqual([]);
	});
});

describe('voiding an attempt', () => {
	it('withdraws the pass and its certificate (audited); the attempt no longer counts as a pass', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const a = await sit(s, sittingId, 0, true);
		const [cert] = await s.db.select().from(certificate).where(eq(certificate.attemptId, a.id));
		expect(cert!.revokedOn).toBeNull();
		// a pass: no retake offered
		expect((await myExams(await candidateCtx(s.db, s.cadre.user.id, 20))).done[0]!.canStart).toBe(
			false
		);

		await voidExamAttempt(await monitorAt(s, 30), {
			sittingId,
			attemptId: a.id,
			reason: '考试中使用手机查阅资料'
		});
		const row = await attemptRow(s.db, a.id);
		expect(row).toMatchObject({ state: 'voided', voidReason: '考试中使用手机查阅资料' });
		expect(row!.voidedAt).toEqual(at(30));
		const [record] = await s.db.select().from(passRecord).where(eq(passRecord.attemptId, a.id));
		expect(record).toMatchObject({ status: 'voided', passed: false });
		const [revoked] = await s.db.select().from(certificate).where(eq(certificate.attemptId, a.id));
		expect(revoked).toMatchObject({
			revokedOn: '2026-03-02',
			revokeReason: '考试中使用手机查阅资料'
		});
		const [audit] = await audits(s, 'exam.attempt.voided');
		expect(audit).toMatchObject({
			entityId: String(a.id),
			before: { state: 'graded' },
			after: {
				reason: '考试中使用手机查阅资料',
				passRecordWithdrawn: true,
				certificateRevoked: cert!.verificationCode
			}
		});
		// the voided pass no longer stops the retake the rules allow (two attempts, only after a fail)
		const mine = await myExams(await candidateCtx(s.db, s.cadre.user.id, 31));
		expect(mine.done[0]!.canStart).toBe(true);
		const m = await sittingMonitor(await monitorAt(s, 31), sittingId);
		expect(m.rows.find((r) => r.id === s.cadre.person.id)).toMatchObject({
			status: 'voided',
			attempt: { voidReason: '考试中使用手机查阅资料' }
		});
		await expect(
			voidExamAttempt(await monitorAt(s, 32), { sittingId, attemptId: a.id, reason: '再次' })
		).rejects.toBeInstanceOf(ConflictError);
	});

	it('ends an attempt in progress at once', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const a = await start(s, sittingId, 0);
		await voidExamAttempt(await monitorAt(s, 10), { sittingId, attemptId: a.id, reason: '替考' });
		expect(
			await saveAnswers(await candidateCtx(s.db, s.cadre.user.id, 11), {
				attemptId: a.id,
				saves: [{ questionId: '1', seq: 1, response: null, flagged: false }]
			})
		).toMatchObject({ kind: 'closed', state: 'voided' });
		// voided before it was handed in: a voided record with no score, which the gate counts
		const [record] = await s.db
			.select()
			.from(passRecord)
			.where(and(eq(passRecord.attemptId, a.id)));
		expect(record).toMatchObject({
			status: 'voided',
			score: null,
			passed: false,
			kind: 'pre_appointment',
			takenOn: '2026-03-02'
		});
	});
});

describe('"My exams" and the retake rules', () => {
	it('offers 补考 only when the rules allow it', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const offered = async (minutes: number) =>
			(await myExams(await candidateCtx(s.db, s.cadre.user.id, minutes))).done
				.concat((await myExams(await candidateCtx(s.db, s.cadre.user.id, minutes))).open)
				.find((x) => x.id === sittingId)!.canStart;
		expect(await offered(0)).toBe(true);
		await sit(s, sittingId, 0, false);
		// a fail: one retake
		expect(await offered(10)).toBe(true);
		await sit(s, sittingId, 10, false);
		// two attempts used: none left
		expect(await offered(20)).toBe(false);
	});
});

describe('an organiser who sits the exam', () => {
	it('sees their own attempt on the monitor read-only, and can neither extend nor void it', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		// an organiser of the district working in unit A1 is on the roster too
		const both = await makeUser(s.db, s.a1.id, [['organiser', s.root.id]]);
		const own = await start(s, sittingId, 0, both.user.id);
		const other = await start(s, sittingId, 0);
		const ctx = await ctxFor(s.db, both.user.id, at(10));
		const extend = { sittingId, attemptId: own.id, minutes: 30, reason: '自己延时' };
		for (const refused of [
			await extendExamAttempt(ctx, extend).catch((e: unknown) => e),
			await voidExamAttempt(ctx, { sittingId, attemptId: own.id, reason: '自己作废' }).catch(
				(e: unknown) => e
			)
		]) {
			expect(refused).toBeInstanceOf(ForbiddenError);
			expect(refused).toMatchObject({ code: 'err_monitor_own_attempt' });
		}
		const row = await attemptRow(s.db, own.id);
		expect(row).toMatchObject({ state: 'in_progress', deadline: at(120) });
		expect(await audits(s, 'exam.attempt.extended')).toHaveLength(0);
		expect(await audits(s, 'exam.attempt.voided')).toHaveLength(0);
		// the room is counted whole; only the colleague's row offers the actions
		const m = await sittingMonitor(ctx, sittingId);
		expect(m.counts.in_progress).toBe(2);
		expect(m.rows.find((r) => r.id === both.person.id)).toMatchObject({ own: true });
		expect(m.rows.find((r) => r.id === s.cadre.person.id)).toMatchObject({ own: false });
		expect(
			await extendExamAttempt(ctx, { ...extend, attemptId: other.id, reason: '断网' })
		).toMatchObject({ kind: 'extended' });
	});
});
