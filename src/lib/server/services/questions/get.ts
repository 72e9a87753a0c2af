import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { questionVersion, user } from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';
import { loadQuestionRow } from '../banks/access.ts';

/**
 * A question with every version ever saved (oldest first, with who saved it and when), for the
 * editor and its history tab.
 */
export async function getQuestion(ctx: Ctx, questionId: number) {
	const { question, bank } = await loadQuestionRow(ctx, questionId);
	const versions = await ctx.db
		.select({
			version: questionVersion.version,
			data: questionVersion.data,
			createdAt: questionVersion.createdAt,
			createdBy: user.displayName
		})
		.from(questionVersion)
		.leftJoin(user, eq(user.id, questionVersion.createdBy))
		.where(eq(questionVersion.questionId, questionId))
		.orderBy(asc(questionVersion.version));
	const current = versions.find((v) => v.version === question.currentVersion);
	if (!current) throw new NotFoundError();
	return { question, bank, versions, current: current.data };
}
