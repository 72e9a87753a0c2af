import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { authorizeAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { question, questionBank, unit } from '../../db/schema/index.ts';
import type { QuestionStatus, QuestionType } from '$lib/schemas/enums.ts';
import { loadBank } from './access.ts';

/**
 * The banks the user may manage (their unit and the units below it), archived ones last and only
 * when asked for, with how many questions each holds (retired ones aside) and how many of those
 * await review.
 */
export async function listBanks(ctx: Ctx, opts: { includeArchived?: boolean } = {}) {
	authorizeAnywhere(ctx, 'bank.manage');
	const rows = await ctx.db
		.select({
			id: questionBank.id,
			name: questionBank.name,
			description: questionBank.description,
			archived: questionBank.archived,
			unitId: unit.id,
			unitName: unit.name,
			updatedAt: questionBank.updatedAt,
			questions: sql<number>`(SELECT count(*) FROM ${question} WHERE ${question.bankId} = ${questionBank.id} AND ${question.status} IN ('draft', 'ready'))`,
			drafts: sql<number>`(SELECT count(*) FROM ${question} WHERE ${question.bankId} = ${questionBank.id} AND ${question.status} = 'draft')`
		})
		.from(questionBank)
		.innerJoin(unit, eq(unit.id, questionBank.unitId))
		.where(
			and(
				inScope(ctx.user, 'bank.manage', unit.path),
				opts.includeArchived ? undefined : eq(questionBank.archived, false)
			)
		)
		.orderBy(asc(questionBank.archived), asc(unit.path), asc(questionBank.name));
	return rows;
}

/**
 * A bank with its figures: questions in use by type, how many are drafts awaiting review, ready,
 * retired, and flagged for review after an amendment. The counts come from one grouped read of
 * the (bank, status, type) index, never from the rows.
 */
export async function getBank(ctx: Ctx, bankId: number) {
	const bank = await loadBank(ctx, bankId);
	const groups = await ctx.db
		.select({ status: question.status, type: question.type, n: count() })
		.from(question)
		.where(eq(question.bankId, bankId))
		.groupBy(question.status, question.type);
	const [flagged] = await ctx.db
		.select({ n: count() })
		.from(question)
		.where(
			and(
				eq(question.bankId, bankId),
				isNotNull(question.reviewFlag),
				// `+`: read the few flagged questions (a partial index), not every question in use
				sql`+${question.status} IN ('draft', 'ready')`
			)
		);
	const counts: Partial<Record<QuestionType, number>> = {};
	const byStatus: Record<QuestionStatus, number> = { draft: 0, ready: 0, retired: 0 };
	for (const g of groups) {
		byStatus[g.status] += g.n;
		if (g.status !== 'retired') counts[g.type] = (counts[g.type] ?? 0) + g.n;
	}
	return {
		bank,
		counts,
		total: byStatus.draft + byStatus.ready,
		drafts: byStatus.draft,
		ready: byStatus.ready,
		retired: byStatus.retired,
		flagged: flagged?.n ?? 0
	};
}
