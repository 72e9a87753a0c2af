import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Response, RuleError, ValidationError, checkVerificationCode } from '@xuefa/core';
import { openDatabase } from '../../db/index.ts';
import {
	certificate,
	exam,
	examAnswer,
	examAttempt,
	examFocusEvent,
	passRecord,
	person
} from '../../db/schema/index.ts';
import { sittingInput } from '$lib/schemas/exams.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { closeAfterTest, testDatabase } from '../../testing/db.ts';
import {
	answerEvery,
	at,
	attemptRow,
	candidateCtx,
	examForm,
	examSetup,
	publishedSitting
} from '../../testing/exams.ts';
import { ctxFor, makeUser, singleChoice } from '../../testing/factories.ts';
import { certificatePage, maskName, verifyCertificate } from './certificates.ts';
import { sittingResults } from './manage.ts';
import { readListExport } from '../../testing/xlsx.ts';
import { attemptsWorkbook, resultsWorkbook } from './results-workbook.ts';
import { createSitting } from './sittings.ts';
import { saveAnswers, startExamAttempt, submitExamAttempt } from './attempts.ts';
import { publishExam, saveExam } from './mutate.ts';
import { takeLease } from '../../jobs/lease.ts';
import { sweepOverdue } from './sweep.ts';
import { attemptStatus, recordFocusLoss } from './integrity.ts';
import { attemptPaper, attemptResult, myExams, sittingForCandidate } from './view.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

async function start(s: Setup, sittingId: number, minutes = 0) {
	const ctx = await candidateCtx(s.db, s.cadre.user.id, minutes);
	const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
	const row = await attemptRow(s.db, id);
	return { ctx, id, row: row! };
}

/** Answers every question right (`right`) or wrong, each with its own sequence number. */
async function answerAll(s: Setup, attemptId: number, minutes: number, right: boolean) {
	return answerEvery(await candidateCtx(s.db, s.cadre.user.id, minutes), attemptId, right);
}

describe('publishing an exam', () => {
	it('refuses a blueprint the ready questions cannot fill, with the core reasons, and changes nothing', async () => {
		const s = await examSetup();
		// 7 questions in the bank, but one is a draft: only 6 can be drawn
		const examId = await saveExam(
			s.org,
			examForm({ unitId: s.a.id, bankIds: [s.bank.id], count_single: '7', points_single: '10' })
		);
		const refused = await publishExam(s.org, { examId }).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).issues).toEqual([
			expect.objectContaining({
				code: 'paper.section.short',
				data: expect.objectContaining({ need: 7, have: 6 })
			})
		]);
		const [row] = await s.db.select().from(exam).where(eq(exam.id, examId));
		expect(row!.status).toBe('draft');
		expect(row!.publishedAt).toBeNull();
	});

	it('refuses to edit a published exam', async () => {
		const s = await examSetup();
		const { examId } = await publishedSitting(s);
		await expect(
			saveExam(s.org, examForm({ examId, unitId: s.a.id, bankIds: [s.bank.id], title: '改名' }))
		).rejects.toMatchObject({ code: 'err_exam_published' });
	});
});

describe('starting an attempt', () => {
	it('draws only ready questions, keeps the deadline (capped by the window) in the database', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const { row } = await start(s, sittingId, 60);
		expect(row.questionIds).toHaveLength(4);
		expect(row.questionIds.map(Number).every((id) => s.ready.includes(id))).toBe(true);
		expect(row.questionIds).not.toContain(String(s.draft));
		// 120 minutes from 10:00 would be 12:00; the sitting closes at 11:00
		expect(row.deadline).toEqual(new Date('2026-03-02T11:00:00+08:00'));
		expect(row.startedAt).toEqual(at(60));
	});

	it('resumes the attempt in progress instead of starting a second one', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const first = await start(s, sittingId, 1);
		const again = await start(s, sittingId, 5);
		expect(again.id).toBe(first.id);
	});

	it('two starts at once in two sittings of the exam give one attempt, in this process or two', async () => {
		const { db, url } = await testDatabase();
		const s = await examSetup({ db });
		const { examId, sittingId } = await publishedSitting(s, { maxAttempts: '1' });
		// a make-up sitting of the same exam, open at the same time, with the cadre on its roster too
		const makeUp = await createSitting(
			s.org,
			sittingInput.parse({
				examId,
				name: '补考场',
				opensAt: '2026-03-02T09:00',
				closesAt: '2026-03-02T11:00',
				unitIds: [s.a1.id]
			})
		);
		const other = await openDatabase(url, { migrationsFolder: './drizzle' });
		closeAfterTest(() => other.client.close());
		const starts = await Promise.allSettled([
			startExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 1), { sittingId, confirm: 'on' }),
			startExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 1), {
				sittingId: makeUp,
				confirm: 'on'
			}),
			startExamAttempt(await candidateCtx(other.db, s.cadre.user.id, 1), {
				sittingId: makeUp,
				confirm: 'on'
			})
		]);
		const rows = await s.db
			.select()
			.from(examAttempt)
			.where(eq(examAttempt.personId, s.cadre.person.id));
		// one try allowed: a race between the sittings does not buy a second one
		expect(rows).toHaveLength(1);
		for (const r of starts)
			if (r.status === 'fulfilled') expect(r.value).toBe(rows[0]!.id);
			else expect(r.reason).toMatchObject({ code: 'attempt.open_exists' });
	});

	it('is only for the roster, and only while the window is open', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const outsider = await ctxFor(s.db, s.outsider.user.id, at(10));
		await expect(startExamAttempt(outsider, { sittingId, confirm: 'on' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		expect((await myExams(outsider)).open).toEqual([]);
		const early = await candidateCtx(s.db, s.cadre.user.id, -5);
		expect((await myExams(early)).upcoming.map((x) => x.id)).toEqual([sittingId]);
		await expect(startExamAttempt(early, { sittingId, confirm: 'on' })).rejects.toMatchObject({
			code: 'attempt.window_not_open'
		});
	});

	it("tells the page of a sitting not open yet that its candidate may start at the opening, by the server's clock", async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const early = await candidateCtx(s.db, s.cadre.user.id, -5);
		expect(await sittingForCandidate(early, sittingId)).toMatchObject({
			when: 'upcoming',
			canStart: false,
			canStartAtOpen: true,
			now: early.now.getTime()
		});
		const open = await candidateCtx(s.db, s.cadre.user.id, 5);
		expect(await sittingForCandidate(open, sittingId)).toMatchObject({
			when: 'open',
			canStart: true,
			canStartAtOpen: false
		});
	});
});

describe("another candidate's attempt", () => {
	it('is not found through any of the candidate’s ways in, and nothing of it changes', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const { id, row } = await start(s, sittingId, 1);
		// a colleague on the same roster, with an attempt of their own
		const colleague = await makeUser(s.db, s.a1.id);
		const ctx = await candidateCtx(s.db, colleague.user.id, 5);
		await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		const questionId = row.questionIds[0]!;
		const tries: [string, () => Promise<unknown>][] = [
			['page', () => attemptPaper(ctx, id)],
			['result', () => attemptResult(ctx, id)],
			['status', () => attemptStatus(ctx, id)],
			['focus', () => recordFocusLoss(ctx, { attemptId: id, kind: 'hidden' })],
			[
				'save',
				() =>
					saveAnswers(ctx, {
						attemptId: id,
						saves: [
							{ questionId, seq: 1, response: { type: 'single', choice: 'A' }, flagged: true }
						]
					})
			],
			['submit', () => submitExamAttempt(ctx, { attemptId: id })]
		];
		for (const [way, attempt] of tries)
			expect(await attempt().catch((e: unknown) => e), way).toBeInstanceOf(NotFoundError);
		const after = await attemptRow(s.db, id);
		expect(after!.state).toBe('in_progress');
		expect(await s.db.select().from(examAnswer).where(eq(examAnswer.attemptId, id))).toEqual([]);
		expect(
			await s.db.select().from(examFocusEvent).where(eq(examFocusEvent.attemptId, id))
		).toEqual([]);
	});
});

describe('saving answers', () => {
	it('is idempotent, and a late or repeated save never overwrites a newer answer', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const { ctx, id, row } = await start(s, sittingId, 1);
		const q = row.questionIds[0]!;
		const save = (seq: number, choice: string) =>
			saveAnswers(ctx, {
				attemptId: id,
				saves: [{ questionId: q, seq, response: { type: 'single', choice }, flagged: false }]
			});
		expect(await save(2, 'B')).toEqual({
			kind: 'saved',
			saved: [{ questionId: q, seq: 2, applied: true }]
		});
		// the older save arrives after the newer one (an offline queue, a retried request): kept back,
		// and the sender learns that the server holds another answer, and at which number
		expect(await save(1, 'A')).toEqual({
			kind: 'saved',
			saved: [{ questionId: q, seq: 1, applied: false, held: 2 }]
		});
		// the same save again: kept back, but it is the answer stored, so nothing more to say
		expect(await save(2, 'B')).toEqual({
			kind: 'saved',
			saved: [{ questionId: q, seq: 2, applied: false }]
		});
		let view = await attemptPaper(ctx, id);
		expect(view.open && view.answers[q]).toEqual({
			response: { type: 'single', choice: 'B' },
			flagged: false,
			seq: 2
		});
		expect(await save(3, 'C')).toMatchObject({ saved: [{ applied: true }] });
		view = await attemptPaper(ctx, id);
		expect(view.open && view.answers[q]?.response).toEqual({ type: 'single', choice: 'C' });
		expect(view.open && view.lastSeq).toBe(3);
		// a second tab, opened before that save, numbers its own answer 3 as well: it is told the
		// server holds a different answer 3, rather than that its own was saved
		expect(await save(3, 'D')).toEqual({
			kind: 'saved',
			saved: [{ questionId: q, seq: 3, applied: false, held: 3 }]
		});
	});

	it('refuses a question that is not on the paper', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const { ctx, id } = await start(s, sittingId, 1);
		await expect(
			saveAnswers(ctx, {
				attemptId: id,
				saves: [{ questionId: String(s.draft), seq: 1, response: null, flagged: true }]
			})
		).rejects.toMatchObject({ fields: { saves: ['err_attempt_unknown_question'] } });
	});

	it('refuses an answer its question could not have been given, and saves nothing of the batch', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const { ctx, id, row } = await start(s, sittingId, 1);
		const [q, other] = row.questionIds as [string, string];
		const save = (response: Response) =>
			saveAnswers(ctx, {
				attemptId: id,
				saves: [
					// a fine answer to another question goes with it
					{ questionId: other, seq: 1, response: { type: 'single', choice: 'A' }, flagged: false },
					{ questionId: q, seq: 2, response, flagged: false }
				]
			});
		const misfit = { fields: { saves: ['err_attempt_answer_misfit'] } };
		// the questions are single-choice with options A to D
		await expect(save({ type: 'multiple', choices: ['A'] })).rejects.toMatchObject(misfit);
		await expect(save({ type: 'essay', text: '略' })).rejects.toMatchObject(misfit);
		await expect(save({ type: 'single', choice: 'Z' })).rejects.toMatchObject(misfit);
		const view = await attemptPaper(ctx, id);
		// nothing stored: the monitor does not count either question as answered
		expect(view.open && view.answers).toEqual({});
		expect(await save({ type: 'single', choice: 'D' })).toMatchObject({
			saved: [{ applied: true }, { applied: true }]
		});
	});

	it('after the deadline saves nothing, says time is up, and the attempt is submitted at its deadline', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, { durationMinutes: '30' });
		const { id, row } = await start(s, sittingId, 0);
		await answerAll(s, id, 10, true);
		const late = await candidateCtx(s.db, s.cadre.user.id, 31);
		const result = await saveAnswers(late, {
			attemptId: id,
			saves: [
				{
					questionId: row.questionIds[0]!,
					seq: 99,
					response: { type: 'single', choice: 'D' },
					flagged: false
				}
			]
		});
		expect(result).toEqual({ kind: 'closed', state: 'graded', timeUp: true });
		const after = await attemptRow(s.db, id);
		expect(after!.submittedAt).toEqual(at(30));
		expect(after!.autoSubmitted).toBe(true);
		// the answers saved in time count; the late one did not replace the first answer
		expect(after!.score).toBe(100);
	});
});

describe('the server submits at the deadline', () => {
	it('the sweep leaves an attempt alone before its deadline, then submits and grades it', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, { durationMinutes: '30' });
		const { id } = await start(s, sittingId, 0);
		await answerAll(s, id, 5, true);
		expect(await sweepOverdue(s.db, at(29))).toBe(0);
		expect((await s.db.select().from(examAttempt).where(eq(examAttempt.id, id)))[0]!.state).toBe(
			'in_progress'
		);
		// nobody is left on the page: the sweep alone submits it, at its deadline
		expect(await sweepOverdue(s.db, at(31))).toBe(1);
		const row = await attemptRow(s.db, id);
		expect(row).toMatchObject({ state: 'graded', autoSubmitted: true, score: 100 });
		expect(row!.submittedAt).toEqual(at(30));
	});

	it('after a restart: a new connection to the same file submits what was due meanwhile', async () => {
		const { db, url } = await testDatabase();
		const s = await examSetup({ db });
		const { sittingId } = await publishedSitting(s, { durationMinutes: '30' });
		const { id } = await start(s, sittingId, 0);
		await answerAll(s, id, 5, true);
		// the app stops with nobody left on the page; it starts again an hour later
		const restarted = await openDatabase(url, { migrationsFolder: './drizzle' });
		closeAfterTest(() => restarted.client.close());
		expect(await sweepOverdue(restarted.db, at(60))).toBe(1);
		const row = await attemptRow(restarted.db, id);
		expect(row).toMatchObject({ state: 'graded', autoSubmitted: true, score: 100 });
		expect(row!.submittedAt).toEqual(at(30));
		const [record] = await restarted.db
			.select()
			.from(passRecord)
			.where(eq(passRecord.attemptId, id));
		expect(record).toMatchObject({ status: 'graded', passed: true, band: 'excellent' });
		// a second sweep (another process) finds nothing left to do
		expect(await sweepOverdue(restarted.db, at(61))).toBe(0);
	});

	it('one process at a time holds the sweep lease', async () => {
		const s = await examSetup();
		expect(await takeLease(s.db, 'job', 'p1', at(0), 30_000)).toBe(true);
		expect(await takeLease(s.db, 'job', 'p2', at(0.2), 30_000)).toBe(false);
		expect(await takeLease(s.db, 'job', 'p1', at(0.3), 30_000)).toBe(true);
		expect(await takeLease(s.db, 'job', 'p2', at(2), 30_000)).toBe(true);
	});
});

describe('attempt limits and retakes', () => {
	it('pre-appointment: a fail allows one retake, a second fail ends it', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const first = await start(s, sittingId, 0);
		await answerAll(s, first.id, 5, false);
		await submitExamAttempt(first.ctx, { attemptId: first.id });
		// the result of the fail leads back to the sitting for the retake, while its window is open
		expect((await attemptResult(first.ctx, first.id)).retakeSittingId).toBe(sittingId);
		const late = await candidateCtx(s.db, s.cadre.user.id, 200);
		expect((await attemptResult(late, first.id)).retakeSittingId).toBeNull();
		const second = await start(s, sittingId, 10);
		expect(second.id).not.toBe(first.id);
		expect(second.row.number).toBe(2);
		await answerAll(s, second.id, 15, false);
		await submitExamAttempt(second.ctx, { attemptId: second.id });
		// none after the last one allowed
		expect((await attemptResult(second.ctx, second.id)).retakeSittingId).toBeNull();
		const third = await start(s, sittingId, 20).catch((e: unknown) => e);
		expect(third).toBeInstanceOf(RuleError);
		expect(third).toMatchObject({ code: 'attempt.limit_reached', data: { max: 2, used: 2 } });
	});

	it('no retake after a pass', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const first = await start(s, sittingId, 0);
		await answerAll(s, first.id, 5, true);
		await submitExamAttempt(first.ctx, { attemptId: first.id });
		expect((await attemptResult(first.ctx, first.id)).retakeSittingId).toBeNull();
		await expect(start(s, sittingId, 10)).rejects.toMatchObject({ code: 'attempt.already_passed' });
	});

	it('annual: three attempts whatever the result', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, {
			kind: 'annual',
			maxAttempts: '3',
			counts: 'highest',
			onlyAfterFail: ''
		});
		for (let i = 0; i < 3; i++) {
			const a = await start(s, sittingId, i * 10);
			await answerAll(s, a.id, i * 10 + 1, true);
			await submitExamAttempt(a.ctx, { attemptId: a.id });
		}
		await expect(start(s, sittingId, 40)).rejects.toMatchObject({ code: 'attempt.limit_reached' });
	});
});

describe('grading, pass records and certificates', () => {
	it('a pass is graded at once, recorded, and earns a certificate with a valid code', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const a = await start(s, sittingId, 0);
		await answerAll(s, a.id, 5, true);
		expect(await submitExamAttempt(a.ctx, { attemptId: a.id })).toEqual({
			kind: 'submitted',
			attemptId: a.id
		});
		const result = await attemptResult(a.ctx, a.id);
		expect(result).toMatchObject({
			state: 'graded',
			answered: 4,
			score: { score: 100, maxScore: 100, passed: true, band: 'excellent' }
		});
		const [cert] = await s.db.select().from(certificate).where(eq(certificate.attemptId, a.id));
		expect(checkVerificationCode(cert!.verificationCode)).toEqual({
			ok: true,
			code: cert!.verificationCode
		});
		expect(cert).toMatchObject({
			validFrom: '2026-03-02',
			validUntil: '2029-03-01',
			kind: 'pre_appointment'
		});
		expect(result.certificateId).toBe(cert!.id);
	});

	it('multiple choice follows the exam policy (少选得一半分)', async () => {
		const s = await examSetup();
		const multi = await makeMultiple(s);
		const { sittingId } = await publishedSitting(s, {
			count_single: '',
			points_single: '',
			count_multiple: '1',
			points_multiple: '10'
		});
		const a = await start(s, sittingId, 0);
		const item = a.row.paper.sections[0]!.items[0]!;
		expect(item.question.id).toBe(String(multi));
		// choose one of the two right options, as shown
		const shown = item.optionOrder!.indexOf('a');
		await saveAnswers(a.ctx, {
			attemptId: a.id,
			saves: [
				{
					questionId: String(multi),
					seq: 1,
					response: { type: 'multiple', choices: ['ABCD'[shown]!] },
					flagged: false
				}
			]
		});
		await submitExamAttempt(a.ctx, { attemptId: a.id });
		expect((await attemptResult(a.ctx, a.id)).score).toMatchObject({ score: 5, maxScore: 10 });
	});
});

async function makeMultiple(s: Setup) {
	const { makeQuestion } = await import('../../testing/factories.ts');
	return makeQuestion(
		s.db,
		s.bank.id,
		singleChoice({
			type: 'multiple',
			stem: '下列哪些属于行政处罚？',
			options: [
				{ id: 'a', text: '警告', correct: true },
				{ id: 'b', text: '罚款', correct: true },
				{ id: 'c', text: '表扬', correct: false },
				{ id: 'd', text: '奖励', correct: false }
			]
		} as never)
	);
}

describe('what the candidate receives', () => {
	it('holds no answer key and no explanation, before or after submitting', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const a = await start(s, sittingId, 0);
		const received: unknown[] = [];
		received.push(await myExams(a.ctx));
		received.push(await attemptPaper(a.ctx, a.id));
		received.push(await answerAll(s, a.id, 5, true));
		received.push(await submitExamAttempt(a.ctx, { attemptId: a.id }));
		received.push(await attemptResult(a.ctx, a.id));
		const text = JSON.stringify(received);
		expect(text).toContain('依法行政');
		for (const secret of [
			'"correct"',
			'见《行政处罚法》第四十四条',
			'explanation',
			'optionOrder',
			'"seed"'
		])
			expect(text).not.toContain(secret);
	});
});

describe('sittings and results', () => {
	it('refuses a roster with employee numbers it does not know, naming them', async () => {
		const s = await examSetup();
		const { examId } = await publishedSitting(s);
		await expect(
			createSitting(
				s.org,
				sittingInput.parse({
					examId,
					name: '补考',
					opensAt: '2026-03-09T09:00',
					closesAt: '2026-03-09T11:00',
					employeeNos: `${s.cadre.person.employeeNo} NOPE1`
				})
			)
		).rejects.toMatchObject({ code: 'err_sitting_unknown_people', params: { list: ['NOPE1'] } });
	});

	it('lists everyone on the roster with their result, and exports the same as .xlsx', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const a = await start(s, sittingId, 0);
		await answerAll(s, a.id, 5, true);
		await submitExamAttempt(a.ctx, { attemptId: a.id });
		const results = await sittingResults(s.org, sittingId);
		expect(results.rows.map((r) => r.name)).toEqual([s.cadre.person.name]);
		expect(results.figures).toMatchObject({ roster: 1, graded: 1, passed: 1, passRate: 100 });
		const sheet = await readListExport(await resultsWorkbook(s.org, sittingId));
		expect(sheet.header.slice(0, 5)).toEqual(['工号', '姓名', '单位', '次数', '状态']);
		expect(sheet.rows[0]!.slice(0, 5)).toEqual([
			s.cadre.person.employeeNo,
			s.cadre.person.name,
			s.a1.name,
			'1',
			'已评分'
		]);
		expect(sheet.rows[0]![8]).toBe('100');
		// every attempt, with its state, times and score
		const attempts = await readListExport(await attemptsWorkbook(s.org, sittingId));
		expect(attempts.header).toEqual([
			'工号',
			'姓名',
			'单位',
			'次数',
			'状态',
			'开始时间',
			'交卷时间',
			'系统自动交卷',
			'成绩',
			'满分'
		]);
		expect(attempts.rows.map((r) => [r[1], r[3], r[4], r[8], r[9]])).toEqual([
			[s.cadre.person.name, '1', '已评分', '100', '100']
		]);
		expect(attempts.rows[0]![5]).toBe('2026-03-02 09:00');
		// an organiser of another unit sees nothing of it
		const other = await makeUser(s.db, s.b.id, [['organiser', s.b.id]]);
		await expect(
			sittingResults(await ctxFor(s.db, other.user.id, at(0)), sittingId)
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('certificates and /verify', () => {
	async function passed() {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const a = await start(s, sittingId, 0);
		await answerAll(s, a.id, 5, true);
		await submitExamAttempt(a.ctx, { attemptId: a.id });
		const [cert] = await s.db.select().from(certificate).where(eq(certificate.attemptId, a.id));
		return { s, a, cert: cert! };
	}
	const anon = (s: Setup, address = '10.0.0.9', minutes = 10) => ({
		db: s.db,
		now: at(minutes),
		address
	});

	it('shows exam, date, result, validity and a masked name — nothing else', async () => {
		const { s, cert } = await passed();
		await s.db.update(person).set({ name: '欧阳修远' }).where(eq(person.id, s.cadre.person.id));
		const typed = cert.verificationCode.toLowerCase().replace(/-/g, ' ');
		const result = await verifyCertificate(anon(s), { code: typed });
		expect(result).toEqual({
			kind: 'found',
			examTitle: '2026年第一期任前法律知识考试',
			examKind: 'pre_appointment',
			passedOn: '2026-03-02',
			band: 'excellent',
			validUntil: '2029-03-01',
			state: 'valid',
			reviewDue: null,
			holder: '欧**远'
		});
		expect(JSON.stringify(result)).not.toContain(s.cadre.person.employeeNo);
		expect(maskName('张三')).toBe('张*');
		expect(await verifyCertificate(anon(s), { code: 'ABC' })).toEqual({
			kind: 'invalid',
			reason: 'code.length'
		});
	});

	it('is rate limited per address, in the database', async () => {
		const { s, cert } = await passed();
		for (let i = 0; i < 20; i++) await verifyCertificate(anon(s), { code: cert.verificationCode });
		await expect(
			verifyCertificate(anon(s), { code: cert.verificationCode })
		).resolves.toMatchObject({ kind: 'found' });
		await expect(verifyCertificate(anon(s), { code: cert.verificationCode })).rejects.toMatchObject(
			{
				code: 'err_verify_rate_limited'
			}
		);
		// another address is not held up; the first is free again after the lock
		await expect(
			verifyCertificate(anon(s, '10.0.0.10'), { code: cert.verificationCode })
		).resolves.toMatchObject({ kind: 'found' });
		await expect(
			verifyCertificate(anon(s, '10.0.0.9', 25), { code: cert.verificationCode })
		).resolves.toMatchObject({ kind: 'found' });
	});

	it('the certificate page is its holder’s (and the organiser’s), nobody else’s', async () => {
		const { s, a, cert } = await passed();
		expect((await certificatePage(a.ctx, cert.id)).code).toBe(cert.verificationCode);
		expect((await certificatePage(s.org, cert.id)).holder).toBe(s.cadre.person.name);
		const other = await ctxFor(s.db, s.outsider.user.id, at(10));
		await expect(certificatePage(other, cert.id)).rejects.toBeInstanceOf(ForbiddenError);
	});
});
