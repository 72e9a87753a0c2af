import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { authorizeAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { question, questionBank, unit } from '../../db/schema/index.ts';
import type { QuestionType } from '$lib/schemas/enums.ts';
import { loadBank } from './access.ts';

/**
 * The banks the user may manage (their unit and the units below it), archived ones last and only
 * when asked for, with how many current questions each holds.
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
			questions: sql<number>`(SELECT count(*) FROM ${question} WHERE ${question.bankId} = ${questionBank.id} AND ${question.archived} = 0)`
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

/** A bank with its figures: current questions by type, archived and flagged-for-review counts. */
export async function getBank(ctx: Ctx, bankId: number) {
	const bank = await loadBank(ctx, bankId);
	const byType = await ctx.db
		.select({ type: question.type, n: count() })
		.from(question)
		.where(and(eq(question.bankId, bankId), eq(question.archived, false)))
		.groupBy(question.type);
	const [flagged] = await ctx.db
		.select({ n: count() })
		.from(question)
		.where(
			and(eq(question.bankId, bankId), eq(question.archived, false), isNotNull(question.reviewFlag))
		);
	const [archived] = await ctx.db
		.select({ n: count() })
		.from(question)
		.where(and(eq(question.bankId, bankId), eq(question.archived, true)));
	const counts = Object.fromEntries(byType.map((r) => [r.type, r.n])) as Partial<
		Record<QuestionType, number>
	>;
	return {
		bank,
		counts,
		total: byType.reduce((s, r) => s + r.n, 0),
		flagged: flagged?.n ?? 0,
		archived: archived?.n ?? 0
	};
}
