/**
 * A district with a bank, an organiser, an exam and a sitting, for the exam service tests.
 */
import { and, eq } from 'drizzle-orm';
import { OPTION_LABELS } from '@xuefa/core';
import { type ExamInput, examInput, sittingInput } from '$lib/schemas/exams.ts';
import type { Ctx } from '../context.ts';
import type { Db, DbOrTx, ReadDb } from '../db/index.ts';
import {
	certificate,
	examAttempt,
	examPaper,
	question,
	questionVersion
} from '../db/schema/index.ts';
import {
	type AttemptWithPaper,
	attemptWithPaper,
	paperOfAttempt
} from '../services/exams/attempt-paper.ts';
import { saveAnswers, startExamAttempt, submitExamAttempt } from '../services/exams/attempts.ts';
import { publishExam, saveExam } from '../services/exams/mutate.ts';
import { createSitting } from '../services/exams/sittings.ts';
import { currentVersionJoin } from '../services/questions/store.ts';
import { testDb } from './db.ts';
import { ctxFor, district, makeBank, makeQuestion, makeUser, singleChoice } from './factories.ts';

export const T0 = new Date('2026-03-02T09:00:00+08:00');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** The exam form as an organiser fills it in (strings, as posted), with `overrides`. */
export function examForm(overrides: Record<string, unknown> = {}): ExamInput {
	return examInput.parse({
		title: '2026年第一期任前法律知识考试',
		kind: 'pre_appointment',
		paperKind: 'blueprint',
		count_single: '4',
		points_single: '25',
		shuffle: 'on',
		passMark: '60',
		bandExcellent: '90',
		bandGood: '80',
		durationMinutes: '120',
		maxAttempts: '2',
		counts: 'last',
		onlyAfterFail: 'on',
		multiple: 'partial_half',
		reviewScore: 'after_submit',
		reviewAnswers: 'after_close',
		reviewExplanations: 'never',
		...overrides
	});
}

/** Six ready single-choice questions (the right option written first) and one draft. */
export async function examSetup(opts: { questions?: number; db?: Db } = {}) {
	const db = opts.db ?? (await testDb());
	const d = await district(db);
	const bank = await makeBank(db, d.a.id, '任前考试题库');
	const ready: number[] = [];
	for (let i = 0; i < (opts.questions ?? 6); i++)
		ready.push(await makeQuestion(db, bank.id, singleChoice({ stem: `第${i + 1}题：依法行政？` })));
	const draft = await makeQuestion(db, bank.id, singleChoice({ stem: '草稿题' }), 'draft');
	const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const cadre = await makeUser(db, d.a1.id);
	const outsider = await makeUser(db, d.b.id);
	const org = await ctxFor(db, organiser.user.id, at(-60 * 24));
	return { db, ...d, bank, ready, draft, organiser, cadre, outsider, org };
}

/**
 * A published exam and a sitting open from T0 for two hours, with unit A1 on the roster;
 * `sittingOverrides` are the sitting form's further fields (its credit requirement).
 */
export async function publishedSitting(
	s: Awaited<ReturnType<typeof examSetup>>,
	overrides: Record<string, unknown> = {},
	window: { opens?: string; closes?: string } = {},
	sittingOverrides: Record<string, unknown> = {}
) {
	const examId = await saveExam(
		s.org,
		examForm({ unitId: s.a.id, bankIds: [s.bank.id], ...overrides })
	);
	await publishExam(s.org, { examId });
	const sittingId = await createSitting(
		s.org,
		sittingInput.parse({
			examId,
			name: '第一场',
			opensAt: window.opens ?? '2026-03-02T09:00',
			closesAt: window.closes ?? '2026-03-02T11:00',
			unitIds: [s.a1.id],
			...sittingOverrides
		})
	);
	return { examId, sittingId };
}

export async function candidateCtx(db: Db, userId: number, minutes: number) {
	return ctxFor(db, userId, at(minutes));
}

/** A single-choice response choosing the option written first (the right one), as shown. */
export function rightChoice(optionOrder: string[] | undefined): { type: 'single'; choice: string } {
	const i = optionOrder ? optionOrder.indexOf('a') : 0;
	return { type: 'single', choice: OPTION_LABELS[i]! };
}

/** Saves an answer to every (single-choice) question of an attempt, the shown label `choose` gives. */
async function answerEach(
	ctx: Ctx,
	attemptId: number,
	choose: (optionOrder: string[] | undefined) => string
) {
	const saves = (await attemptRow(ctx.db, attemptId)).paper.sections
		.flatMap((x) => x.items)
		.map((item, i) => ({
			questionId: item.question.id,
			seq: i + 1,
			response: { type: 'single' as const, choice: choose(item.optionOrder) },
			flagged: false
		}));
	return saveAnswers(ctx, { attemptId, saves });
}

/** Saves an answer to every (single-choice) question of an attempt: all right, or all wrong. */
export function answerEvery(ctx: Ctx, attemptId: number, right: boolean) {
	return answerEach(ctx, attemptId, (order) => {
		const good = rightChoice(order).choice;
		return right ? good : good === 'A' ? 'B' : 'A';
	});
}

/**
 * Chooses the option stored as `optionId` in every (single-choice) question of an attempt: `a` is
 * right and `b` wrong until {@link correctKeyTo} makes another the right one.
 */
export function answerOptionEvery(ctx: Ctx, attemptId: number, optionId: string) {
	return answerEach(ctx, attemptId, (order) => OPTION_LABELS[order ? order.indexOf(optionId) : 0]!);
}

/** The cadre passes a new enforcement exam, every answer right; its certificate. */
export async function passEnforcement(s: Awaited<ReturnType<typeof examSetup>>) {
	const { sittingId } = await publishedSitting(s, { kind: 'enforcement' });
	const ctx = await candidateCtx(s.db, s.cadre.user.id, 0);
	const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
	await answerEvery(ctx, id, true);
	await submitExamAttempt(ctx, { attemptId: id });
	const [cert] = await s.db.select().from(certificate).where(eq(certificate.attemptId, id));
	return cert;
}

/**
 * The cadre takes the sitting at `now`, choosing option `option` throughout (`a` right, `b` wrong
 * until {@link correctKeyTo}); the attempt.
 */
export async function takeChoosing(
	s: Awaited<ReturnType<typeof examSetup>>,
	sittingId: number,
	now: Date,
	option: 'a' | 'b'
) {
	const ctx = await ctxFor(s.db, s.cadre.user.id, now);
	const attemptId = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
	await answerOptionEvery(ctx, attemptId, option);
	await submitExamAttempt(ctx, { attemptId });
	return attemptId;
}

/**
 * The organiser corrects the key in place (as a wrong key is corrected before regrading): option b
 * is the right one of the current version of each choice question given, or of every question.
 */
export function correctKeyToB(db: Db, questionIds?: number[]) {
	return correctKeyTo(db, 'b', questionIds);
}

/** {@link correctKeyToB} with another option (`a`: the key as the questions were written). */
export async function correctKeyTo(db: Db, right: string, questionIds?: number[]) {
	const rows = await db
		.select({ v: questionVersion })
		.from(question)
		.innerJoin(questionVersion, currentVersionJoin);
	for (const { v } of rows) {
		const data = v.data as { options?: { id: string; correct: boolean }[] };
		if (!data.options || (questionIds && !questionIds.includes(v.questionId))) continue;
		await db
			.update(questionVersion)
			.set({
				data: {
					...data,
					options: data.options.map((o) => ({ ...o, correct: o.id === right }))
				} as never
			})
			.where(
				and(eq(questionVersion.questionId, v.questionId), eq(questionVersion.version, v.version))
			);
		// as an edit does, the write moves the bank's revision: a paper drawn from now on has the key
		await db
			.update(question)
			.set({ currentVersion: v.version })
			.where(eq(question.id, v.questionId));
	}
}

/** The attempt `attemptId` with its paper (as the services read it: ../services/exams/attempt-paper.ts). */
export async function attemptRow(db: ReadDb, attemptId: number): Promise<AttemptWithPaper> {
	const [row] = await db
		.select(attemptWithPaper)
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.where(eq(examAttempt.id, attemptId));
	if (!row) throw new Error(`no attempt ${attemptId}`);
	return row;
}

/** An empty paper, for attempts written directly by tests; returns its id. */
export async function emptyPaper(db: DbOrTx): Promise<number> {
	const [row] = await db
		.insert(examPaper)
		.values({ seed: 'test', paper: { sections: [] } as never, questionIds: [] })
		.returning({ id: examPaper.id });
	return row!.id;
}
