import { eq } from 'drizzle-orm';
import type { ChangePasswordInput } from '$lib/schemas/auth.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { passwordProblem } from '../../auth/password-policy.ts';
import {
	clearFailures,
	lockedFor,
	passwordChangeKey,
	recordFailure
} from '../../auth/rate-limit.ts';
import { invalidateUserSessions } from '../../auth/session.ts';
import { type Ctx, transact } from '../../context.ts';
import { user } from '../../db/schema/index.ts';
import { InvalidInputError, RateLimitedError } from '../../errors.ts';
import { accountUnit } from '../accounts/account-unit.ts';
import { appendAudit } from '../audit/append.ts';
import { auditLocks } from './events.ts';

/**
 * Changes the signed-in user's own password and ends all their sessions; the caller starts a
 * fresh one for the current browser. The current-password check is limited like a login (a
 * session left open must not become a way to guess the password), and the new password must
 * meet the password policy.
 */
export async function changePassword(
	ctx: Ctx,
	input: ChangePasswordInput,
	address = ''
): Promise<void> {
	const problem = await passwordProblem(input.newPassword, ctx.user.username);
	if (problem) throw new InvalidInputError({ newPassword: [problem] });
	if (input.newPassword === input.currentPassword) {
		throw new InvalidInputError({ newPassword: ['err_password_same'] });
	}
	const key = passwordChangeKey(ctx.user.id);
	// counted before the slow check, in one transaction, so parallel guesses cannot slip past
	const { wait, locks } = await transact(ctx, async (tx) => {
		const wait = await lockedFor(tx.db, [key], ctx.now);
		return { wait, locks: wait === 0 ? await recordFailure(tx.db, [key], ctx.now) : [] };
	});
	if (wait > 0) {
		throw new RateLimitedError('error_password_change_locked', {
			minutes: Math.ceil(wait / 60_000)
		});
	}
	const [row] = await ctx.db.select().from(user).where(eq(user.id, ctx.user.id));
	if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
		if (locks.length > 0) {
			const { unitId } = await accountUnit(ctx.db, ctx.user.id);
			await transact(ctx, (tx) =>
				auditLocks(tx, locks, { userId: ctx.user.id, name: '', unitId, address })
			);
		}
		throw new InvalidInputError({ currentPassword: ['err_password_wrong'] });
	}
	const passwordHash = await hashPassword(input.newPassword);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(user)
			.set({ passwordHash, mustChangePassword: false })
			.where(eq(user.id, ctx.user.id));
		await clearFailures(tx.db, key.key);
		await invalidateUserSessions(tx.db, ctx.user.id);
		await appendAudit(tx, {
			action: 'account.password_changed',
			entityType: 'user',
			entityId: ctx.user.id
		});
	});
}
