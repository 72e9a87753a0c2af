import { and, eq, inArray } from 'drizzle-orm';
import type {
	ClearReviewFlagInput,
	MarkQuestionsReadyInput,
	SetQuestionStatusInput
} from '$lib/schemas/banks.ts';
import type { QuestionStatus } from '$lib/schemas/enums.ts';
import { type Ctx, transact } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { question } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { loadBank, loadQuestionRow } from '../banks/access.ts';
import { type QuestionContent, type StoredQuestion, storeQuestion } from './store.ts';

/**
 * Adds a question written in the editor to a bank the user manages: a draft that no cadre sees
 * until it is reviewed, unless the author saves it as ready.
 */
export async function createQuestion(
	ctx: Ctx,
	input: { bankId: number; content: QuestionContent; status?: QuestionStatus }
): Promise<StoredQuestion> {
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived) throw new AppError('bank_archived_readonly');
	const status = input.status ?? 'draft';
	return transact(ctx, async (tx) => {
		const stored = await storeQuestion(tx, bank.id, input.content, { status });
		await appendAudit(tx, {
			action: 'question.created',
			entityType: 'question',
			entityId: stored.questionId,
			unitId: bank.unitId,
			after: { bankId: bank.id, type: input.content.type, version: stored.version, status }
		});
		return stored;
	});
}

/** A question whose bank is open for changes (an archived bank is read-only, like its questions). */
async function writableQuestion(ctx: Ctx, questionId: number) {
	const found = await loadQuestionRow(ctx, questionId);
	if (found.bank.archived) throw new AppError('bank_archived_readonly');
	return found;
}

/** Sets the status of questions of one bank, with an audit entry for each that changes. */
async function writeStatus(
	tx: Ctx & { db: Tx },
	bank: { unitId: number },
	rows: { id: number; status: QuestionStatus }[],
	status: QuestionStatus
) {
	const changing = rows.filter((r) => r.status !== status);
	if (changing.length === 0) return 0;
	await tx.db
		.update(question)
		.set({ status, updatedAt: tx.now })
		.where(
			inArray(
				question.id,
				changing.map((r) => r.id)
			)
		);
	for (const r of changing)
		await appendAudit(tx, {
			action: 'question.status_changed',
			entityType: 'question',
			entityId: r.id,
			unitId: bank.unitId,
			before: { status: r.status },
			after: { status }
		});
	return changing.length;
}

/**
 * Saves an edit as the question's next version; content equal to the current version writes
 * nothing (no version, no audit entry). A new version also answers a review flag. `status` (draft
 * or ready, from the editor) applies whether or not the content changed.
 */
export async function updateQuestion(
	ctx: Ctx,
	input: { questionId: number; content: QuestionContent; status?: QuestionStatus }
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
		if (input.status) await writeStatus(tx, bank, [row], input.status);
		return stored;
	});
}

/**
 * Moves a question between draft, ready and retired. Retired questions are kept with their
 * versions and left out of practice and new papers; restoring one makes it a draft again, to be
 * reviewed before cadres see it.
 */
export async function setQuestionStatus(ctx: Ctx, input: SetQuestionStatusInput) {
	const { question: row, bank } = await writableQuestion(ctx, input.questionId);
	await transact(ctx, (tx) => writeStatus(tx, bank, [row], input.status));
}

/**
 * 标记为已审核: the chosen drafts of a bank become ready (questions of other banks and questions
 * that are not drafts are left as they are). Returns how many changed.
 */
export async function markQuestionsReady(ctx: Ctx, input: MarkQuestionsReadyInput) {
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived) throw new AppError('bank_archived_readonly');
	return transact(ctx, async (tx) => {
		const drafts = await tx.db
			.select({ id: question.id, status: question.status })
			.from(question)
			.where(
				and(
					eq(question.bankId, bank.id),
					eq(question.status, 'draft'),
					inArray(question.id, input.questionIds)
				)
			);
		return writeStatus(tx, bank, drafts, 'ready');
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
