/**
 * After grading: release a sitting's results to its candidates, and re-run the automatic grading
 * of its attempts after an answer key was corrected.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { type PaperItem, type QuestionVersion, gradeAttempt } from '@xuefa/core';
import type { SittingActionInput } from '$lib/schemas/grading.ts';
import { type Ctx, transact } from '../../context.ts';
import {
	examAttempt,
	examPaper,
	question,
	questionVersion,
	sitting
} from '../../db/schema/index.ts';
import { attemptWithPaper, paperOfAttempt } from './attempt-paper.ts';
import { CountedConflictError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { currentVersionJoin } from '../questions/store.ts';
import { coreAttempt, responsesOf, writeOutcome } from './finish.ts';
import { gradingSitting } from './grading.ts';

/**
 * Releases the results: candidates then see their score (and what the review options allow after
 * release). Refused while any attempt still waits for a grader.
 */
export async function releaseResults(ctx: Ctx, input: SittingActionInput): Promise<number> {
	const { sitting: s, exam: e } = await gradingSitting(ctx, input.sittingId);
	return transact(ctx, async (tx) => {
		const waiting = await tx.db
			.select({ id: examAttempt.id })
			.from(examAttempt)
			.where(and(eq(examAttempt.sittingId, s.id), eq(examAttempt.state, 'needs_grading')));
		if (waiting.length) throw new CountedConflictError('err_release_pending', waiting.length);
		const [current] = await tx.db
			.select({ releasedAt: sitting.releasedAt })
			.from(sitting)
			.where(eq(sitting.id, s.id));
		if (current?.releasedAt) return s.id;
		await tx.db
			.update(sitting)
			.set({ releasedAt: tx.now, releasedBy: ctx.user.id })
			.where(eq(sitting.id, s.id));
		await appendAudit(tx, {
			action: 'exam.results.released',
			entityType: 'sitting',
			entityId: s.id,
			unitId: e.unitId,
			after: { examId: e.id }
		});
		return s.id;
	});
}

/** Same options (by id) — the shown order recorded on the paper still maps onto them. */
function sameShape(a: QuestionVersion, b: QuestionVersion): boolean {
	if (a.type !== b.type) return false;
	const ids = (q: unknown) =>
		JSON.stringify((q as { options?: { id: string }[] }).options?.map((o) => o.id).sort() ?? null);
	if (a.type === 'case' && b.type === 'case')
		return (
			a.parts.length === b.parts.length &&
			a.parts.every((p, i) => p.type === b.parts[i]!.type && ids(p) === ids(b.parts[i]))
		);
	return ids(a) === ids(b);
}

/** The paper item with the question's current version, when it still fits the recorded order. */
function refreshed(item: PaperItem, current: Map<string, QuestionVersion>): PaperItem {
	const now = current.get(item.question.id);
	return now && sameShape(item.question, now) ? { ...item, question: now } : item;
}

/**
 * Re-runs the automatic grading of the sitting's submitted attempts against the questions' current
 * versions (a corrected key): each attempt whose score or state changes is written with its pass
 * record and an audit entry. Marks given by graders stay. Returns how many attempts changed.
 */
export async function regradeSitting(ctx: Ctx, input: SittingActionInput): Promise<number> {
	const { sitting: s, exam: e } = await gradingSitting(ctx, input.sittingId);
	return transact(ctx, async (tx) => {
		const rows = await tx.db
			.select(attemptWithPaper)
			.from(examAttempt)
			.innerJoin(examPaper, paperOfAttempt)
			.where(
				and(
					eq(examAttempt.sittingId, s.id),
					inArray(examAttempt.state, ['needs_grading', 'graded'])
				)
			);
		const ids = [...new Set(rows.flatMap((r) => r.questionIds.map(Number)))];
		const versions = ids.length
			? await tx.db
					.select({ data: questionVersion.data })
					.from(question)
					.innerJoin(questionVersion, currentVersionJoin)
					.where(inArray(question.id, ids))
			: [];
		const current = new Map(versions.map((v) => [v.data.id, v.data]));
		let changed = 0;
		for (const row of rows) {
			const paper = {
				...row.paper,
				sections: row.paper.sections.map((sec) => ({
					...sec,
					items: sec.items.map((i) => refreshed(i, current))
				}))
			};
			const graded = gradeAttempt(
				coreAttempt(row, await responsesOf(tx.db, row.id)),
				paper,
				e.grading,
				tx.now
			);
			if (graded.state === row.state && graded.grade!.score === row.score) continue;
			changed++;
			await tx.db.update(examPaper).set({ paper }).where(eq(examPaper.id, row.paperId));
			const { grade, decision } = await writeOutcome(tx, row, e, graded);
			await appendAudit(tx, {
				action: 'exam.attempt.regraded',
				entityType: 'exam_attempt',
				entityId: row.id,
				unitId: e.unitId,
				before: { state: row.state, score: row.score },
				after: { state: graded.state, score: grade.score, passed: decision?.passed ?? null }
			});
		}
		return changed;
	});
}
