import { eq } from 'drizzle-orm';
import type { CreateBankInput, SetBankArchivedInput, UpdateBankInput } from '$lib/schemas/banks.ts';
import { authorize } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { questionBank } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/append.ts';
import { loadBank } from './access.ts';

const facts = (b: { name: string; description: string; unitId: number }) => ({
	name: b.name,
	description: b.description,
	unitId: b.unitId
});

/** Creates a bank owned by a unit in the user's `bank.manage` scope. */
export async function createBank(ctx: Ctx, input: CreateBankInput): Promise<number> {
	await authorize(ctx, 'bank.manage', input.unitId);
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(questionBank)
			.values({ ...facts(input), createdAt: tx.now, createdBy: tx.user.id, updatedAt: tx.now })
			.returning({ id: questionBank.id });
		await appendAudit(tx, {
			action: 'bank.created',
			entityType: 'question_bank',
			entityId: row!.id,
			unitId: input.unitId,
			after: facts(input)
		});
		return row!.id;
	});
}

/** Renames, redescribes or moves a bank; both its old and its new unit must be in scope. */
export async function updateBank(ctx: Ctx, input: UpdateBankInput): Promise<void> {
	const before = await loadBank(ctx, input.bankId);
	if (input.unitId !== before.unitId) await authorize(ctx, 'bank.manage', input.unitId);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(questionBank)
			.set({ ...facts(input), updatedAt: tx.now })
			.where(eq(questionBank.id, input.bankId));
		await appendAudit(tx, {
			action: 'bank.updated',
			entityType: 'question_bank',
			entityId: input.bankId,
			unitId: input.unitId,
			before: facts(before),
			after: facts(input)
		});
	});
}

/** Archives a bank (hidden from practice and pickers, questions kept) or brings it back. */
export async function setBankArchived(ctx: Ctx, input: SetBankArchivedInput): Promise<void> {
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived === input.archived) return;
	await transact(ctx, async (tx) => {
		await tx.db
			.update(questionBank)
			.set({ archived: input.archived, updatedAt: tx.now })
			.where(eq(questionBank.id, input.bankId));
		await appendAudit(tx, {
			action: input.archived ? 'bank.archived' : 'bank.unarchived',
			entityType: 'question_bank',
			entityId: input.bankId,
			unitId: bank.unitId
		});
	});
}
