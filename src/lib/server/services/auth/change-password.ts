import { eq } from 'drizzle-orm';
import type { ChangePasswordInput } from '$lib/schemas/auth.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { invalidateUserSessions } from '../../auth/session.ts';
import { type Ctx, transact } from '../../context.ts';
import { user } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';

/**
 * Changes the signed-in user's own password and ends all their sessions; the caller starts a
 * fresh one for the current browser.
 */
export async function changePassword(ctx: Ctx, input: ChangePasswordInput): Promise<void> {
	const [row] = await ctx.db.select().from(user).where(eq(user.id, ctx.user.id));
	if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
		throw new InvalidInputError({ currentPassword: ['err_password_wrong'] });
	}
	if (input.newPassword === input.currentPassword) {
		throw new InvalidInputError({ newPassword: ['err_password_same'] });
	}
	if (input.newPassword.toLowerCase().includes(row.username.toLowerCase())) {
		throw new InvalidInputError({ newPassword: ['err_password_contains_username'] });
	}
	const passwordHash = await hashPassword(input.newPassword);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(user)
			.set({ passwordHash, mustChangePassword: false })
			.where(eq(user.id, ctx.user.id));
		await invalidateUserSessions(tx.db, ctx.user.id);
		await appendAudit(tx, {
			action: 'account.password_changed',
			entityType: 'user',
			entityId: ctx.user.id
		});
	});
}
