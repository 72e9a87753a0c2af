import { eq } from 'drizzle-orm';
import { can, canAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { question, questionBank, unit } from '../../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';

export type BankRow = typeof questionBank.$inferSelect & { unitName: string; unitPath: string };

/**
 * The bank, if the user may manage it: `bank.manage` on the bank's unit or above. A bank outside
 * the user's scope is forbidden; one that does not exist is not found (to someone who manages
 * banks somewhere, forbidden otherwise, as `authorize` does).
 */
export async function loadBank(ctx: Ctx, bankId: number): Promise<BankRow> {
	const [row] = await ctx.db
		.select({ bank: questionBank, unitName: unit.name, unitPath: unit.path })
		.from(questionBank)
		.innerJoin(unit, eq(unit.id, questionBank.unitId))
		.where(eq(questionBank.id, bankId));
	if (!row) {
		if (canAnywhere(ctx.user, 'bank.manage')) throw new NotFoundError();
		throw new ForbiddenError();
	}
	if (!can(ctx.user, 'bank.manage', row.unitPath)) throw new ForbiddenError();
	return { ...row.bank, unitName: row.unitName, unitPath: row.unitPath };
}

/** A question and its bank, if the user may manage the bank. */
export async function loadQuestionRow(ctx: Ctx, questionId: number) {
	const [row] = await ctx.db.select().from(question).where(eq(question.id, questionId));
	if (!row) {
		if (canAnywhere(ctx.user, 'bank.manage')) throw new NotFoundError();
		throw new ForbiddenError();
	}
	const bank = await loadBank(ctx, row.bankId);
	return { question: row, bank };
}
