import { eq } from 'drizzle-orm';
import type { ClearReviewFlagInput, SetQuestionArchivedInput } from '$lib/schemas/banks.ts';
import { type Ctx, transact } from '../../context.ts';
import { question } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { loadBank, loadQuestionRow } from '../banks/access.ts';
import { type QuestionContent, type StoredQuestion, storeQuestion } from './store.ts';

/** Adds a question written in the editor to a bank the user manages. */
export async function createQuestion(
	ctx: Ctx,
	input: { bankId: number; content: QuestionContent }
): Promise<StoredQuestion> {
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived) throw new AppError('bank_archived_readonly');
	return transact(ctx, async (tx) => {
		const stored = await storeQuestion(tx, bank.id, input.content);
		await appendAudit(tx, {
			action: 'question.created',
			entityType: 'question',
			entityId: stored.questionId,
			unitId: bank.unitId,
			after: { bankId: bank.id, type: input.content.type, version: stored.version }
		});
		return stored;
	});
}

/**
 * Saves an edit as the question's next version; content equal to the current version writes
 * nothing (no version, no audit entry). A new version also answers a review flag.
 */
/** A question whose bank is open for changes (an archived bank is read-only, like its questions). */
async function writableQuestion(ctx: Ctx, questionId: number) {
	const found = await loadQuestionRow(ctx, questionId);
	if (found.bank.archived) throw new AppError('bank_archived_readonly');
	return found;
}

export async function updateQuestion(
	ctx: Ctx,
	input: { questionId: number; content: QuestionContent }
): Promise<StoredQuestion> {
	const { question: row, bank } = await writableQuestion(ctx, input.questionId);
	return transact(ctx, async (tx) => {
		const stored = await storeQuestion(tx, bank.id, input.content, { questionId: row.id });
		if (stored.changed) {
			await appendAudit(tx, {
				action: 'question.updated',
				entityType: 'question',
				entityId: row.id,
				unitId: bank.unitId,
				before: { version: row.currentVersion },
				after: { version: stored.version }
			});
		}
		return stored;
	});
}

/** Archives a question (kept with its versions, left out of practice and new papers) or restores it. */
export async function setQuestionArchived(ctx: Ctx, input: SetQuestionArchivedInput) {
	const { question: row, bank } = await writableQuestion(ctx, input.questionId);
	if (row.archived === input.archived) return;
	await transact(ctx, async (tx) => {
		await tx.db
			.update(question)
			.set({ archived: input.archived, updatedAt: tx.now })
			.where(eq(question.id, row.id));
		await appendAudit(tx, {
			action: input.archived ? 'question.archived' : 'question.unarchived',
			entityType: 'question',
			entityId: row.id,
			unitId: bank.unitId
		});
	});
}

/** "Reviewed, no change needed": clears the amendment flag without writing a new version. */
export async function clearReviewFlag(ctx: Ctx, input: ClearReviewFlagInput) {
	const { question: row, bank } = await writableQuestion(ctx, input.questionId);
	if (!row.reviewFlag) return;
	await transact(ctx, async (tx) => {
		await tx.db.update(question).set({ reviewFlag: null }).where(eq(question.id, row.id));
		await appendAudit(tx, {
			action: 'question.reviewed',
			entityType: 'question',
			entityId: row.id,
			unitId: bank.unitId,
			before: { reviewFlag: row.reviewFlag }
		});
	});
}
