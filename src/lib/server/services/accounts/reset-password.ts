import { eq } from 'drizzle-orm';
import type { ResetPasswordInput } from '$lib/schemas/auth.ts';
import { hashPassword } from '../../auth/password.ts';
import { invalidateUserSessions } from '../../auth/session.ts';
import { type Ctx, transact } from '../../context.ts';
import { user } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/append.ts';
import { authorizeAccount } from './account-unit.ts';
import { temporaryPassword } from './temporary-password.ts';

/**
 * An administrator sets a one-time password; the user must choose a new one at the next login, and
 * every session of theirs ends now. Returns the one-time password to hand over.
 */
export async function resetPassword(ctx: Ctx, input: ResetPasswordInput): Promise<string> {
	const target = await authorizeAccount(ctx, input.userId);
	const password = await temporaryPassword(target.username);
	const passwordHash = await hashPassword(password);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(user)
			.set({ passwordHash, mustChangePassword: true })
			.where(eq(user.id, input.userId));
		await invalidateUserSessions(tx.db, input.userId);
		await appendAudit(tx, {
			action: 'account.password_reset',
			entityType: 'user',
			entityId: input.userId,
			unitId: target.unitId
		});
	});
	return password;
}
