import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	auditEntry,
	certificate,
	examAnswer,
	examMark,
	passRecord
} from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../errors.ts';
import {
	at,
	attemptRow,
	candidateCtx,
	correctKeyToB,
	examSetup,
	publishedSitting,
	rightChoice
} from '../../testing/exams.ts';
import { ctxFor, makeQuestion, makeUser } from '../../testing/factories.ts';
import type { QuestionContent } from '../questions/store.ts';
import { saveAnswers, startExamAttempt, submitExamAttempt } from './attempts.ts';
import { gradingList, gradingQueue, markAnswer, markItems, markPage } from './grading.ts';
import { sittingAnalysis } from './analysis.ts';
import { scoreSheet } from './score-sheet.ts';
import { regradeSitting, releaseResults } from './release.ts';
import { sittingMonitor } from './monitor.ts';
import { attemptResult, myExams } from './view.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

const essay = (): QuestionContent =>
	({
		type: 'essay',
		stem: '简述行政处罚的听证程序。',
		explanation: '见《行政处罚法》第六十三条。',
		difficulty: 3,
		laws: [{ lawId: '行政处罚法', articleNo: 63 }],
		topic: '听证',
		tags: [],
		referenceAnswer: '当事人要求听证的，行政机关应当组织听证。',
		rubric: '答出“应当组织听证”得全分。'
	}) as QuestionContent;

/**
 * An exam of two single-choice questions (10 points each) and one essay (20 points); the cadre
 * answers both choices right and writes the essay, then submits.
 */
async function essayExam(review: Record<string, string> = {}) {
	const s = await examSetup({ questions: 2 });
	await makeQuestion(s.db, s.bank.id, essay());
	const grader = await makeUser(s.db, s.root.id, [['grader', s.root.id]]);
	const { examId, sittingId } = await publishedSitting(s, {
		count_single: '2',
		points_single: '10',
		count_essay: '1',
		points_essay: '20',
		reviewScore: 'after_submit',
		reviewAnswers: 'after_release',
		reviewExplanations: 'after_release',
		...review
	});
	const { attemptId, essayId } = await sitEssayExam(s, sittingId, s.cadre.user.id);
	const gradeCtx = await ctxFor(s.db, grader.user.id, at(90));
	return { s, examId, sittingId, attemptId, essayId, grader, gradeCtx };
}

/** The user sits the essay exam: both choices right, the essay written (or `essay`); submitted. */
async function sitEssayExam(
	s: Setup,
	sittingId: number,
	userId: number,
	essay = '应当组织听证。',
	minutes = 1
) {
	const ctx = await candidateCtx(s.db, userId, minutes);
	const attemptId = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
	const row = await attemptRow(s.db, attemptId);
	const items = row!.paper.sections.flatMap((x) => x.items);
	await saveAnswers(ctx, {
		attemptId,
		saves: items.map((item, i) => ({
			questionId: item.question.id,
			seq: i + 1,
			response:
				item.question.type === 'essay'
					? { type: 'essay' as const, text: essay }
					: rightChoice(item.optionOrder),
			flagged: false
		}))
	});
	await submitExamAttempt(ctx, { attemptId });
	const essayId = items.find((i) => i.question.type === 'essay')!.question.id;
	return { attemptId, essayId };
}

async function record(s: Setup, attemptId: number) {
	const [r] = await s.db.select().from(passRecord).where(eq(passRecord.attemptId, attemptId));
	return r!;
}

describe('the grading queue', () => {
	it('lists the essay with the candidate answer, the reference answer and rubric, by question and by candidate', async () => {
		const { s, sittingId, attemptId, essayId, gradeCtx } = await essayExam();
		expect((await gradingList(gradeCtx)).map((x) => [x.sittingId, x.pending])).toEqual([
			[sittingId, 1]
		]);
		const queue = await gradingQueue(gradeCtx, sittingId);
		expect(queue.questions).toEqual([
			expect.objectContaining({ key: essayId, points: 20, answers: 1, marked: 0 })
		]);
		expect(queue.candidates).toEqual([
			expect.objectContaining({ attemptId, status: 'needs_grading', items: 1, marked: 0 })
		]);
		const byQuestion = await markItems(gradeCtx, sittingId, { key: essayId });
		const byCandidate = await markItems(gradeCtx, sittingId, { attemptId });
		expect(byCandidate).toEqual(byQuestion);
		expect(byQuestion).toEqual([
			expect.objectContaining({
				attemptId,
				key: essayId,
				points: 20,
				given: '应当组织听证。',
				mark: null,
				referenceHtml: expect.stringContaining('应当组织听证'),
				rubricHtml: expect.stringContaining('得全分')
			})
		]);
		// the pass record waits for the mark
		expect(await record(s, attemptId)).toMatchObject({ status: 'pending', passed: null });
	});

	it('offers no retake while the attempt is being marked, when a retake is only after a fail', async () => {
		const { s, sittingId } = await essayExam();
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 30);
		// the essay may yet pass it: nothing to start, and a start is refused in words
		const listed = await myExams(cadre);
		expect([...listed.open, ...listed.done].find((x) => x.id === sittingId)).toMatchObject({
			canStart: false
		});
		await expect(startExamAttempt(cadre, { sittingId, confirm: 'on' })).rejects.toMatchObject({
			code: 'attempt.result_pending',
			data: { number: 1 }
		});
	});

	it('is for graders and organisers of the exam unit only', async () => {
		const { s, sittingId } = await essayExam();
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 90);
		await expect(gradingQueue(cadre, sittingId)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(gradingList(cadre)).rejects.toBeInstanceOf(ForbiddenError);
		// a grader of another district's unit (unit B) does not reach unit A's exam
		const elsewhere = await makeUser(s.db, s.b.id, [['grader', s.b.id]]);
		const other = await ctxFor(s.db, elsewhere.user.id, at(90));
		await expect(gradingQueue(other, sittingId)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await gradingList(other)).toEqual([]);
		expect((await gradingQueue(s.org, sittingId)).candidates).toHaveLength(1);
	});
});

describe('a question answered by many candidates', () => {
	it('is marked a page at a time, the same answers in the same order as the whole list', async () => {
		const { s, sittingId, essayId, gradeCtx } = await essayExam();
		for (let i = 0; i < 4; i++) {
			const { user } = await makeUser(s.db, s.a1.id);
			await sitEssayExam(s, sittingId, user.id, `第${i}份答案`);
		}
		const whole = await markItems(gradeCtx, sittingId, { key: essayId });
		expect(whole).toHaveLength(5);
		const pages = [1, 2, 3].map((page) => markPage(gradeCtx, sittingId, { key: essayId }, page, 2));
		const [first, second, third] = await Promise.all(pages);
		expect(first).toMatchObject({ page: 1, pageSize: 2, total: 5 });
		expect([...first!.items, ...second!.items, ...third!.items]).toEqual(whole);
		expect(third!.items).toHaveLength(1);
		// a page past the last (an old link, after a regrade) is the last
		expect(await markPage(gradeCtx, sittingId, { key: essayId }, 9, 2)).toEqual(third);
	});
});

describe('an essay left blank', () => {
	it('needs no grader: it scores 0, its attempt is graded, and it is shown but not offered for a mark', async () => {
		const s = await examSetup({ questions: 2 });
		await makeQuestion(s.db, s.bank.id, essay());
		const grader = await makeUser(s.db, s.root.id, [['grader', s.root.id]]);
		const { sittingId } = await publishedSitting(s, {
			count_single: '2',
			points_single: '10',
			count_essay: '1',
			points_essay: '20',
			onlyAfterFail: undefined
		});
		const blank = await sitEssayExam(s, sittingId, s.cadre.user.id, ' \n ', 1);
		const written = await sitEssayExam(s, sittingId, s.cadre.user.id, '应当组织听证。', 10);
		const gradeCtx = await ctxFor(s.db, grader.user.id, at(90));
		const queue = await gradingQueue(gradeCtx, sittingId);
		// each attempt of a retake numbered; only the written essay waits for a mark
		expect(queue.candidates).toEqual([
			expect.objectContaining({
				attemptId: blank.attemptId,
				number: 1,
				status: 'graded',
				items: 0,
				marked: 0
			}),
			expect.objectContaining({
				attemptId: written.attemptId,
				number: 2,
				status: 'needs_grading',
				items: 1,
				marked: 0
			})
		]);
		expect(queue.pending).toBe(1);
		expect(queue.questions).toEqual([expect.objectContaining({ answers: 1, marked: 0 })]);
		expect(await record(s, blank.attemptId)).toMatchObject({ status: 'graded', score: 20 });
		const items = await markItems(gradeCtx, sittingId, { key: blank.essayId });
		expect(items.map((i) => [i.number, i.answered])).toEqual([
			[1, false],
			[2, true]
		]);
		await expect(
			markAnswer(gradeCtx, {
				attemptId: blank.attemptId,
				key: blank.essayId,
				score: 5,
				comment: ''
			})
		).rejects.toMatchObject({ code: 'err_mark_unanswered' });
		// a blank essay marked before this rule (its points count) can still be corrected
		await s.db.insert(examMark).values({
			attemptId: blank.attemptId,
			key: blank.essayId,
			score: 5,
			comment: '',
			gradedBy: grader.user.id,
			gradedAt: at(80)
		});
		expect(
			await markAnswer(gradeCtx, {
				attemptId: blank.attemptId,
				key: blank.essayId,
				score: 0,
				comment: '未作答'
			})
		).toMatchObject({ score: 20 });
		await markAnswer(gradeCtx, {
			attemptId: written.attemptId,
			key: written.essayId,
			score: 12,
			comment: ''
		});
		expect((await gradingQueue(gradeCtx, sittingId)).candidates).toEqual([
			expect.objectContaining({ attemptId: blank.attemptId, status: 'graded' }),
			expect.objectContaining({ attemptId: written.attemptId, status: 'graded', marked: 1 })
		]);
	});

	it('counts as unanswered on the monitor and the result, stored as a cleared answer', async () => {
		const s = await examSetup({ questions: 2 });
		await makeQuestion(s.db, s.bank.id, essay());
		const { sittingId } = await publishedSitting(s, {
			count_single: '2',
			points_single: '10',
			count_essay: '1',
			points_essay: '20'
		});
		// saved without JavaScript, an emptied essay is kept as a blank response
		const { attemptId, essayId } = await sitEssayExam(s, sittingId, s.cadre.user.id, '  ');
		const counts = async () => {
			const monitor = await sittingMonitor(
				await ctxFor(s.db, s.organiser.user.id, at(90)),
				sittingId
			);
			const result = await attemptResult(await candidateCtx(s.db, s.cadre.user.id, 90), attemptId);
			return [
				monitor.rows.find((r) => r.id === s.cadre.person.id)!.attempt!.answered,
				result.answered
			];
		};
		expect(await counts()).toEqual([2, 2]);
		// kept as a cleared answer: the monitor counts answered questions in SQL
		const [blank] = await s.db
			.select({ response: examAnswer.response })
			.from(examAnswer)
			.where(and(eq(examAnswer.attemptId, attemptId), eq(examAnswer.questionId, essayId)));
		expect(blank).toEqual({ response: null });
	});
});

describe('marking', () => {
	it('grades the attempt, writes the pass record and the certificate, and audits the mark with its comment', async () => {
		const { s, sittingId, attemptId, essayId, gradeCtx } = await essayExam();
		expect(
			await markAnswer(gradeCtx, { attemptId, key: essayId, score: 15, comment: '要点基本答出' })
		).toEqual({ state: 'graded', score: 35 });
		expect(await record(s, attemptId)).toMatchObject({
			status: 'graded',
			score: 35,
			maxScore: 40,
			passed: true
		});
		const certs = await s.db.select().from(certificate).where(eq(certificate.attemptId, attemptId));
		expect(certs).toHaveLength(1);
		const [mark] = await s.db.select().from(examMark).where(eq(examMark.attemptId, attemptId));
		expect(mark).toMatchObject({ key: essayId, score: 15, comment: '要点基本答出' });
		const [audit] = await s.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'exam.mark.given'));
		expect(audit!.after).toMatchObject({ mark: 15, comment: '要点基本答出', score: 35 });
		expect((await markItems(gradeCtx, sittingId, { attemptId }))[0]!.mark).toEqual({
			score: 15,
			comment: '要点基本答出',
			at: at(90).getTime()
		});
	});

	it('refuses a mark above the points or for no hand-graded answer, and writes nothing', async () => {
		const { s, attemptId, essayId, gradeCtx } = await essayExam();
		await expect(
			markAnswer(gradeCtx, { attemptId, key: essayId, score: 21, comment: '' })
		).rejects.toMatchObject({ code: 'err_mark_over', params: { max: 20 } });
		await expect(
			markAnswer(gradeCtx, { attemptId, key: '999', score: 1, comment: '' })
		).rejects.toBeInstanceOf(InvalidInputError);
		expect(await s.db.select().from(examMark)).toEqual([]);
		expect(await record(s, attemptId)).toMatchObject({ status: 'pending' });
	});

	it('a changed mark regrades: the pass turns into a fail, the certificate is withdrawn, both audited', async () => {
		const { s, attemptId, essayId, gradeCtx } = await essayExam();
		await markAnswer(gradeCtx, { attemptId, key: essayId, score: 20, comment: '' });
		expect(await record(s, attemptId)).toMatchObject({ passed: true, score: 40 });
		await markAnswer(gradeCtx, { attemptId, key: essayId, score: 2, comment: '抄袭参考答案' });
		// 20 + 2 = 22 of 40 is 55 %, below the pass mark of 60 %
		expect(await record(s, attemptId)).toMatchObject({ score: 22, passed: false, band: 'fail' });
		const [cert] = await s.db
			.select()
			.from(certificate)
			.where(eq(certificate.attemptId, attemptId));
		expect(cert!.revokedOn).not.toBeNull();
		const changed = await s.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'exam.mark.changed'));
		expect(changed[0]!.before).toMatchObject({ mark: 20, score: 40 });
		expect(changed[0]!.after).toMatchObject({ mark: 2, score: 22, passed: false });
	});
});

describe('two graders on one answer', () => {
	it('the second, who opened the answer before the first saved, is shown the first mark instead of replacing it unseen', async () => {
		const { s, sittingId, attemptId, essayId, gradeCtx } = await essayExam();
		const other = await makeUser(s.db, s.root.id, [['grader', s.root.id]]);
		const otherCtx = await ctxFor(s.db, other.user.id, at(91));
		// both open the answer: no mark yet
		const [seen] = await markItems(otherCtx, sittingId, { attemptId });
		expect(seen!.mark).toBeNull();
		await markAnswer(gradeCtx, { attemptId, key: essayId, score: 18, comment: '', seen: null });
		await expect(
			markAnswer(otherCtx, { attemptId, key: essayId, score: 4, comment: '', seen: null })
		).rejects.toMatchObject({ code: 'err_mark_changed', params: { score: 18 } });
		expect(await record(s, attemptId)).toMatchObject({ score: 38, passed: true });
		// having seen it, the second grader may still change it: a regrade, audited as one
		const [now] = await markItems(otherCtx, sittingId, { attemptId });
		await markAnswer(otherCtx, {
			attemptId,
			key: essayId,
			score: 4,
			comment: '',
			seen: now!.mark!.at
		});
		expect(await record(s, attemptId)).toMatchObject({ score: 24, passed: true });
		const marks = await s.db.select().from(examMark).where(eq(examMark.attemptId, attemptId));
		expect(marks).toEqual([expect.objectContaining({ score: 4, gradedBy: other.user.id })]);
	});
});

describe('release and review', () => {
	it('until release the candidate sees "awaiting grading"; after, the score and the right answers', async () => {
		const { s, sittingId, attemptId, essayId, gradeCtx } = await essayExam();
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 95);
		const before = await attemptResult(cadre, attemptId);
		expect(before).toMatchObject({ state: 'needs_grading', awaiting: true, score: null });
		expect(before.review).toEqual([]);
		// nothing can be released while an essay waits
		await expect(releaseResults(gradeCtx, { sittingId })).rejects.toMatchObject({
			code: 'err_release_pending',
			params: { n: 1 }
		});
		await markAnswer(gradeCtx, { attemptId, key: essayId, score: 12, comment: '不够完整' });
		const marked = await attemptResult(cadre, attemptId);
		expect(marked).toMatchObject({
			state: 'graded',
			awaiting: true,
			score: null,
			review: [],
			answersLater: { afterRelease: true }
		});

		await releaseResults(gradeCtx, { sittingId });
		const released = await attemptResult(cadre, attemptId);
		expect(released.awaiting).toBe(false);
		expect(released.score).toMatchObject({ score: 32, maxScore: 40 });
		// released before the sitting closed: the right answers wait for the close (others may still
		// be answering), only the essay's mark is listed meanwhile
		expect(released.review).toEqual([expect.objectContaining({ score: 12, bodies: [] })]);
		expect(released.answersLater).toEqual({ at: new Date('2026-03-02T11:00:00+08:00').getTime() });
		const after = await attemptResult(await candidateCtx(s.db, s.cadre.user.id, 121), attemptId);
		expect(after.review).toHaveLength(3);
		const essayItem = after.review.find((i) => i.bodies[0]?.key.type === 'essay')!;
		expect(essayItem).toMatchObject({ score: 12, comments: ['不够完整'] });
		expect(essayItem.bodies[0]!.key).toMatchObject({ given: '应当组织听证。' });
		expect(essayItem.explanationHtml).toContain('第六十三条');
		const [entry] = await s.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'exam.results.released'));
		expect(entry).toBeDefined();
	});

	it('keeps the right answers back when the review options say never, even after release', async () => {
		const { s, sittingId, attemptId, essayId, gradeCtx } = await essayExam({
			reviewAnswers: 'never',
			reviewExplanations: 'never'
		});
		await markAnswer(gradeCtx, { attemptId, key: essayId, score: 20, comment: '' });
		await releaseResults(gradeCtx, { sittingId });
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 95);
		const r = await attemptResult(cadre, attemptId);
		expect(r.score).toMatchObject({ score: 40 });
		const text = JSON.stringify(r);
		expect(text).not.toContain('应当组织听证。</');
		expect(text).not.toContain('得全分');
		expect(text).not.toContain('第六十三条');
		// only the essay's mark is listed: a choice question's points would tell its key
		expect(r.review).toEqual([
			expect.objectContaining({ score: 20, status: 'correct', bodies: [], explanationHtml: '' })
		]);
	});

	it('only a grader or organiser releases', async () => {
		const { s, sittingId } = await essayExam();
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 90);
		await expect(releaseResults(cadre, { sittingId })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('regrading after a key correction', () => {
	it('re-runs automatic grading against the corrected key, keeps the marks, and updates the pass record', async () => {
		const { s, sittingId, attemptId, essayId, gradeCtx } = await essayExam();
		await markAnswer(gradeCtx, { attemptId, key: essayId, score: 10, comment: '' });
		expect(await record(s, attemptId)).toMatchObject({ score: 30 });
		// the organiser corrects the key of the first choice question: option b is the right one
		const row = await attemptRow(s.db, attemptId);
		const first = row!.paper.sections
			.flatMap((x) => x.items)
			.find((i) => i.question.type === 'single')!;
		await correctKeyToB(s.db, [Number(first.question.id)]);

		expect(await regradeSitting(gradeCtx, { sittingId })).toBe(1);
		// 10 + 10 = 20 of 40: a fail now, and the certificate of the pass is withdrawn
		expect(await record(s, attemptId)).toMatchObject({ score: 20, passed: false });
		const [cert] = await s.db
			.select()
			.from(certificate)
			.where(eq(certificate.attemptId, attemptId));
		expect(cert!.revokedOn).not.toBeNull();
		const after = await attemptRow(s.db, attemptId);
		expect(after!.manualScores).toEqual({ [essayId]: 10 });
		const [audit] = await s.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'exam.attempt.regraded'));
		expect(audit!.before).toMatchObject({ score: 30 });
		expect(audit!.after).toMatchObject({ score: 20 });
		// nothing changed the second time
		expect(await regradeSitting(gradeCtx, { sittingId })).toBe(0);
	});
});

describe('refusals', () => {
	it('does not mark an attempt still in progress', async () => {
		const s = await examSetup({ questions: 2 });
		await makeQuestion(s.db, s.bank.id, essay());
		const { sittingId } = await publishedSitting(s, {
			count_single: '2',
			points_single: '10',
			count_essay: '1',
			points_essay: '20'
		});
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 1);
		const attemptId = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		const row = await attemptRow(s.db, attemptId);
		const key = row!.questionIds.find((id) =>
			row!.paper.sections.some(
				(x) => x.type === 'essay' && x.items.some((i) => i.question.id === id)
			)
		)!;
		await expect(
			markAnswer(s.org, { attemptId, key, score: 1, comment: '' })
		).rejects.toBeInstanceOf(ConflictError);
	});
});

describe('results analysis', () => {
	it('gives the score distribution in percent and the core item analysis of the graded attempts', async () => {
		const { s, sittingId, attemptId, essayId, gradeCtx } = await essayExam();
		await markAnswer(gradeCtx, { attemptId, key: essayId, score: 10, comment: '' });
		const a = await sittingAnalysis(s.org, sittingId);
		// 10 + 10 + 10 of 40 is 75 %
		expect(a.distribution.n).toBe(1);
		expect(a.distribution.bins[7]).toEqual({ from: 70, to: 80, count: 1 });
		expect(a.distribution.mean).toBe(75);
		expect(a.items).toHaveLength(3);
		expect(a.items.find((i) => i.questionId === essayId)).toMatchObject({
			type: 'essay',
			n: 1,
			facility: 0.5,
			discrimination: null
		});
		await expect(sittingAnalysis(gradeCtx, sittingId)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('prints a score sheet per candidate with the section scores, for the organiser only', async () => {
		const { s, attemptId, essayId, gradeCtx } = await essayExam();
		await markAnswer(gradeCtx, { attemptId, key: essayId, score: 10, comment: '' });
		const sheet = await scoreSheet(s.org, attemptId);
		expect(sheet.sections).toEqual([
			{ type: 'single', count: 2, points: 20, score: 20 },
			{ type: 'essay', count: 1, points: 20, score: 10 }
		]);
		expect(sheet.result).toMatchObject({ score: 30, maxScore: 40, passed: true, band: 'pass' });
		await expect(scoreSheet(gradeCtx, attemptId)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('a grader who sat the exam', () => {
	it('cannot mark their own answers: their attempt is left out of their queue', async () => {
		const { s, sittingId, attemptId, essayId } = await essayExam();
		// a grader of the district who works in unit A1, on the roster, sits it too
		const both = await makeUser(s.db, s.a1.id, [['grader', s.root.id]]);
		const own = (await sitEssayExam(s, sittingId, both.user.id)).attemptId;
		const ctx = await ctxFor(s.db, both.user.id, at(90));
		const refused = await markAnswer(ctx, {
			attemptId: own,
			key: essayId,
			score: 20,
			comment: ''
		}).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ForbiddenError);
		expect(refused).toMatchObject({ code: 'err_grade_own_attempt' });
		expect(await s.db.select().from(examMark).where(eq(examMark.attemptId, own))).toEqual([]);
		// the queue, the answers to mark and the list hold only the colleague's attempt
		expect((await gradingList(ctx)).map((x) => [x.sittingId, x.pending])).toEqual([[sittingId, 1]]);
		const queue = await gradingQueue(ctx, sittingId);
		expect(queue.candidates.map((c) => c.attemptId)).toEqual([attemptId]);
		// … and says that their own waits for another grader (it holds back the release)
		expect(queue).toMatchObject({ pending: 1, ownAwaiting: 1 });
		expect(queue.questions).toEqual([expect.objectContaining({ key: essayId, answers: 1 })]);
		expect((await markItems(ctx, sittingId, { key: essayId })).map((i) => i.attemptId)).toEqual([
			attemptId
		]);
		expect(await markItems(ctx, sittingId, { attemptId: own })).toEqual([]);
		// the colleague's they mark as any grader
		expect(
			await markAnswer(ctx, { attemptId, key: essayId, score: 20, comment: '' })
		).toMatchObject({ state: 'graded' });
		// nothing left to them, and the release still waits for their own attempt
		expect(await gradingQueue(ctx, sittingId)).toMatchObject({ pending: 0, ownAwaiting: 1 });
		await expect(releaseResults(ctx, { sittingId })).rejects.toMatchObject({
			code: 'err_release_pending'
		});
	});
});
