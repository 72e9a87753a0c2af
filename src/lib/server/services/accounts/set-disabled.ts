import { eq } from 'drizzle-orm';
import type { SetAccountDisabledInput } from '$lib/schemas/auth.ts';
import { invalidateUserSessions } from '../../auth/session.ts';
import { type Ctx, transact } from '../../context.ts';
import { user } from '../../db/schema/index.ts';
import { ConflictError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { authorizeAccount } from './account-unit.ts';

/** Disables (or re-enables) an account; a disabled account's sessions end at once. */
export async function setAccountDisabled(ctx: Ctx, input: SetAccountDisabledInput): Promise<void> {
	if (input.userId === ctx.user.id && input.disabled) throw new ConflictError('error_disable_self');
	const target = await authorizeAccount(ctx, input.userId);
	await transact(ctx, async (tx) => {
		await tx.db.update(user).set({ disabled: input.disabled }).where(eq(user.id, input.userId));
		if (input.disabled) await invalidateUserSessions(tx.db, input.userId);
		await appendAudit(tx, {
			action: input.disabled ? 'account.disabled' : 'account.enabled',
			entityType: 'user',
			entityId: input.userId,
			unitId: target.unitId
		});
	});
}
