/**
 * The grading queue: the essays and case essay parts of a sitting's submitted attempts, by question
 * across all candidates or one candidate at a time, each with the reference answer and rubric, and
 * the grader's mark (0 … the item's points, with a comment). Graders and organisers of the exam's
 * unit (or above) grade.
 */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type Response, scoreManually } from '@xuefa/core';
import type { MarkInput } from '$lib/schemas/grading.ts';
import { can, canAnywhere, inScope } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import {
	exam,
	examAnswer,
	examAttempt,
	examMark,
	examPaper,
	person,
	sitting,
	unit
} from '../../db/schema/index.ts';
import { attemptWithPaper, paperOfAttempt } from './attempt-paper.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { type AttemptRow, coreAttempt, responsesOf, writeOutcome } from './finish.ts';
import { type ManualItem, givenText, manualItems, renderedItem } from './manual-items.ts';

/** Attempts a grader works on: submitted and graded (or waiting for a grader). */
const GRADABLE = ['needs_grading', 'graded'] as const;

/** The sitting and its exam, if the user may grade the exam: `exam.grade` on its unit or above. */
export async function gradingSitting(ctx: Ctx, sittingId: number) {
	const [row] = await ctx.db
		.select({ sitting, exam, path: unit.path })
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.innerJoin(unit, eq(unit.id, exam.unitId))
		.where(eq(sitting.id, sittingId));
	// ids cannot be probed: not found only to someone who grades somewhere
	if (!row) throw canAnywhere(ctx.user, 'exam.grade') ? new NotFoundError() : new ForbiddenError();
	if (!can(ctx.user, 'exam.grade', row.path)) throw new ForbiddenError();
	return { sitting: row.sitting, exam: row.exam };
}

/** The sittings of the exams the user may grade, with how many attempts wait for a grader. */
export async function gradingList(ctx: Ctx) {
	if (!canAnywhere(ctx.user, 'exam.grade')) throw new ForbiddenError();
	return ctx.db
		.select({
			sittingId: sitting.id,
			sittingName: sitting.name,
			closesAt: sitting.closesAt,
			releasedAt: sitting.releasedAt,
			examId: exam.id,
			title: exam.title,
			kind: exam.kind,
			pending: sql<number>`(SELECT count(*) FROM ${examAttempt} WHERE ${examAttempt.sittingId} = ${sitting.id} AND ${examAttempt.state} = 'needs_grading' AND ${notOwn(ctx)})`,
			graded: sql<number>`(SELECT count(*) FROM ${examAttempt} WHERE ${examAttempt.sittingId} = ${sitting.id} AND ${examAttempt.state} = 'graded' AND ${notOwn(ctx)})`
		})
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.innerJoin(unit, eq(unit.id, exam.unitId))
		.where(and(eq(exam.status, 'published'), inScope(ctx.user, 'exam.grade', unit.path)))
		.orderBy(asc(sitting.opensAt));
}

/** Not the grader's own attempt: nobody marks their own answers (see `markAnswer`). */
function notOwn(ctx: Ctx) {
	return sql`${examAttempt.personId} IS NOT ${ctx.user.personId}`;
}

async function gradableAttempts(ctx: Ctx, sittingId: number) {
	return ctx.db
		.select({ attempt: attemptWithPaper, name: person.name, employeeNo: person.employeeNo })
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.innerJoin(person, eq(person.id, examAttempt.personId))
		.where(
			and(eq(examAttempt.sittingId, sittingId), inArray(examAttempt.state, GRADABLE), notOwn(ctx))
		)
		.orderBy(asc(person.employeeNo), asc(examAttempt.number));
}

/**
 * The attempt number worth showing beside a name: a person with several attempts in the list (a
 * retake) is otherwise listed twice alike; a first and only attempt needs none.
 */
function shownNumbers(
	attempts: readonly { attempt: Pick<AttemptRow, 'id' | 'personId' | 'number'> }[]
): Map<number, number | null> {
	const perPerson = new Map<number, number>();
	for (const { attempt } of attempts)
		perPerson.set(attempt.personId, (perPerson.get(attempt.personId) ?? 0) + 1);
	return new Map(
		attempts.map(({ attempt: a }) => [
			a.id,
			a.number > 1 || perPerson.get(a.personId)! > 1 ? a.number : null
		])
	);
}

/** A mark as the grading page shows it; `at` (ms) goes back with a change (see `markAnswer`). */
interface ShownMark {
	score: number;
	comment: string;
	at: number;
}

async function marksOf(db: ReadDb, attemptIds: number[]) {
	if (attemptIds.length === 0) return new Map<string, ShownMark>();
	const rows = await db.select().from(examMark).where(inArray(examMark.attemptId, attemptIds));
	return new Map(
		rows.map((r) => [
			`${r.attemptId}/${r.key}`,
			{ score: r.score, comment: r.comment, at: r.gradedAt.getTime() }
		])
	);
}

/**
 * The hand-graded slots (`attemptId/key`) the candidates answered. A slot left blank needs no
 * grader: the core scores it 0 (so its attempt is graded without it), and it is not marked. An
 * essay question's answer is stored only when it says something (`saveAnswers`), so its row is
 * enough; only the answers of case questions are read, for their parts.
 */
async function answeredSlots(
	db: ReadDb,
	attempts: readonly { id: number; items: readonly ManualItem[] }[]
): Promise<Set<string>> {
	const out = new Set<string>();
	const essays = new Set<string>();
	const cases = new Set<string>();
	for (const a of attempts)
		for (const item of a.items) (item.part === null ? essays : cases).add(item.questionId);
	if (essays.size + cases.size === 0) return out;
	const answered = and(
		inArray(
			examAnswer.attemptId,
			attempts.map((a) => a.id)
		),
		isNotNull(examAnswer.response)
	);
	const written = essays.size
		? await db
				.select({ attemptId: examAnswer.attemptId, questionId: examAnswer.questionId })
				.from(examAnswer)
				.where(and(answered, inArray(examAnswer.questionId, [...essays])))
		: [];
	const caseAnswers = cases.size
		? await db
				.select({
					attemptId: examAnswer.attemptId,
					questionId: examAnswer.questionId,
					response: examAnswer.response
				})
				.from(examAnswer)
				.where(and(answered, inArray(examAnswer.questionId, [...cases])))
		: [];
	const given = new Map<string, Response | null>([
		...written.map((r) => [`${r.attemptId}/${r.questionId}`, null] as const),
		...caseAnswers.map((r) => [`${r.attemptId}/${r.questionId}`, r.response] as const)
	]);
	for (const a of attempts)
		for (const item of a.items) {
			const slot = `${a.id}/${item.questionId}`;
			if (!given.has(slot)) continue;
			if (item.part === null || isGiven(item, given.get(slot) ?? undefined))
				out.add(`${a.id}/${item.key}`);
		}
	return out;
}

/** Whether the candidate wrote anything in a hand-graded slot (the core's test for a blank). */
function isGiven(item: ManualItem, response: Response | undefined): boolean {
	return givenText(item, response).trim() !== '';
}

/**
 * A grader's own attempts in the sitting that wait to be graded: left out of their queue (nobody
 * marks their own answers), yet they hold back the release until another grader marks them.
 */
async function ownAwaiting(ctx: Ctx, sittingId: number): Promise<number> {
	if (ctx.user.personId === null) return 0;
	return ctx.db.$count(
		examAttempt,
		and(
			eq(examAttempt.sittingId, sittingId),
			eq(examAttempt.personId, ctx.user.personId),
			eq(examAttempt.state, 'needs_grading')
		)
	);
}

/**
 * A sitting's queue: the hand-graded questions (with how many answers are marked), the
 * candidates (with how many of their answers are marked), and the grader's own attempts that
 * another grader must mark before the results can be released.
 */
export async function gradingQueue(ctx: Ctx, sittingId: number) {
	const { sitting: s, exam: e } = await gradingSitting(ctx, sittingId);
	const attempts = await gradableAttempts(ctx, sittingId);
	const marks = await marksOf(
		ctx.db,
		attempts.map((a) => a.attempt.id)
	);
	const questions = new Map<
		string,
		{
			key: string;
			stem: string;
			part: number | null;
			points: number;
			answers: number;
			marked: number;
		}
	>();
	const numbers = shownNumbers(attempts);
	const slots = attempts.map(({ attempt }) => ({
		id: attempt.id,
		items: manualItems(attempt.paper)
	}));
	const answered = await answeredSlots(ctx.db, slots);
	const candidates = attempts.map(({ attempt, name, employeeNo }, n) => {
		// the answers to mark: a blank one scores 0 without a grader
		const items = slots[n]!.items.filter((item) => answered.has(`${attempt.id}/${item.key}`));
		let marked = 0;
		for (const item of items) {
			const q = questions.get(item.key) ?? {
				key: item.key,
				stem: (item.partStem || item.stem).slice(0, 80),
				part: item.part,
				points: item.points,
				answers: 0,
				marked: 0
			};
			q.answers++;
			if (marks.has(`${attempt.id}/${item.key}`)) {
				q.marked++;
				marked++;
			}
			questions.set(item.key, q);
		}
		return {
			attemptId: attempt.id,
			name,
			employeeNo,
			number: numbers.get(attempt.id) ?? null,
			status: attempt.state,
			items: items.length,
			marked
		};
	});
	return {
		exam: { id: e.id, title: e.title, kind: e.kind },
		sitting: { id: s.id, name: s.name, closesAt: s.closesAt, releasedAt: s.releasedAt },
		questions: [...questions.values()],
		candidates,
		pending: candidates.filter((c) => c.status === 'needs_grading').length,
		ownAwaiting: await ownAwaiting(ctx, sittingId)
	};
}

/** One answer to mark: the candidate's text next to the question, reference answer and rubric. */
export interface MarkItem extends ReturnType<typeof renderedItem> {
	attemptId: number;
	name: string;
	employeeNo: string;
	/** The attempt's number, when the name alone does not tell the attempt (see `shownNumbers`). */
	number: number | null;
	key: string;
	no: number;
	part: number | null;
	points: number;
	given: string;
	/** Whether anything was written: a blank answer scores 0 and is not marked. */
	answered: boolean;
	mark: ShownMark | null;
}

/**
 * How many answers one grading page holds: a question answered by 500 candidates is 25 pages,
 * not one page of 500 forms, each repeating the question, reference answer and rubric (a
 * megabyte of HTML on a phone).
 */
export const MARK_PAGE_SIZE = 20;

/** The answers to mark: one question (`key`) across all candidates, or one candidate's (`attemptId`). */
export async function markItems(
	ctx: Ctx,
	sittingId: number,
	filter: { key: string } | { attemptId: number }
): Promise<MarkItem[]> {
	return (await markPage(ctx, sittingId, filter, 1, Number.MAX_SAFE_INTEGER)).items;
}

/** One page of {@link markItems} (a page past the last is the last); `total` counts them all. */
export async function markPage(
	ctx: Ctx,
	sittingId: number,
	filter: { key: string } | { attemptId: number },
	page = 1,
	pageSize = MARK_PAGE_SIZE
): Promise<{ items: MarkItem[]; page: number; pageSize: number; total: number }> {
	await gradingSitting(ctx, sittingId);
	const all = await gradableAttempts(ctx, sittingId);
	// numbered among all the gradable attempts, whichever the filter keeps
	const numbers = shownNumbers(all);
	const slots = all
		.filter((a) => !('attemptId' in filter) || a.attempt.id === filter.attemptId)
		.flatMap((a) =>
			manualItems(a.attempt.paper)
				.filter((i) => !('key' in filter) || i.key === filter.key)
				.map((item) => ({ ...a, item }))
		);
	const total = slots.length;
	const shownPage = Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / pageSize)));
	const shown = slots.slice((shownPage - 1) * pageSize, shownPage * pageSize);
	// only the page's answers are read
	const ids = [...new Set(shown.map((x) => x.attempt.id))];
	const marks = await marksOf(ctx.db, ids);
	const responses = new Map<number, Awaited<ReturnType<typeof responsesOf>>>();
	for (const id of ids) responses.set(id, await responsesOf(ctx.db, id));
	const items = shown.map(({ attempt, name, employeeNo, item }) => {
		const response = responses.get(attempt.id)![item.questionId];
		return {
			attemptId: attempt.id,
			name,
			employeeNo,
			number: numbers.get(attempt.id) ?? null,
			key: item.key,
			no: item.no,
			part: item.part,
			points: item.points,
			given: givenText(item, response),
			answered: isGiven(item, response),
			mark: marks.get(`${attempt.id}/${item.key}`) ?? null,
			...renderedItem(item)
		};
	});
	return { items, page: shownPage, pageSize, total };
}

/**
 * Marks one answer (or changes its mark — a regrade): the attempt is graded again with the core,
 * its score and pass record follow, and the audit keeps the mark before and after.
 */
export async function markAnswer(
	ctx: Ctx,
	input: MarkInput
): Promise<{ state: AttemptRow['state']; score: number }> {
	const [found] = await ctx.db
		.select({ sittingId: examAttempt.sittingId })
		.from(examAttempt)
		.where(eq(examAttempt.id, input.attemptId));
	if (!found)
		throw canAnywhere(ctx.user, 'exam.grade') ? new NotFoundError() : new ForbiddenError();
	const { exam: e } = await gradingSitting(ctx, found.sittingId);
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.select(attemptWithPaper)
			.from(examAttempt)
			.innerJoin(examPaper, paperOfAttempt)
			.where(eq(examAttempt.id, input.attemptId));
		// a grader who sat the exam too marks everyone's answers but their own
		if (row && row.personId === ctx.user.personId)
			throw new ForbiddenError('err_grade_own_attempt');
		if (!row || !(GRADABLE as readonly string[]).includes(row.state))
			throw new ConflictError('err_mark_not_gradable');
		const item: ManualItem | undefined = manualItems(row.paper).find((i) => i.key === input.key);
		if (!item) throw new InvalidInputError({ key: ['err_invalid'] });
		const [before] = await tx.db
			.select()
			.from(examMark)
			.where(and(eq(examMark.attemptId, row.id), eq(examMark.key, input.key)));
		// two graders on one answer: the second is shown the first's mark instead of replacing it unseen
		if (before && input.seen !== undefined && before.gradedAt.getTime() !== input.seen)
			throw new ConflictError('err_mark_changed', { score: before.score });
		const responses = await responsesOf(tx.db, row.id);
		// a blank answer scores 0 without a mark; one marked before that rule can still be corrected
		if (!before && !isGiven(item, responses[item.questionId]))
			throw new ConflictError('err_mark_unanswered');
		if (input.score > item.points)
			throw new InvalidInputError({ score: ['err_mark_range'] }, 'err_mark_over', {
				max: item.points
			});
		const graded = scoreManually(
			coreAttempt(row, responses),
			row.paper,
			e.grading,
			input.key,
			input.score,
			tx.now
		);
		const { grade, decision } = await writeOutcome(tx, row, e, graded);
		const mark = {
			score: input.score,
			comment: input.comment,
			gradedBy: ctx.user.id,
			gradedAt: tx.now
		};
		await tx.db
			.insert(examMark)
			.values({ attemptId: row.id, key: input.key, ...mark })
			.onConflictDoUpdate({ target: [examMark.attemptId, examMark.key], set: mark });
		await appendAudit(tx, {
			action: before ? 'exam.mark.changed' : 'exam.mark.given',
			entityType: 'exam_attempt',
			entityId: row.id,
			unitId: e.unitId,
			before: before
				? { key: input.key, mark: before.score, comment: before.comment, score: row.score }
				: { key: input.key, score: row.score },
			after: {
				key: input.key,
				mark: input.score,
				comment: input.comment,
				state: graded.state,
				score: grade.score,
				passed: decision?.passed ?? null
			}
		});
		return { state: graded.state, score: grade.score };
	});
}
