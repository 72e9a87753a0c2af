import { sql } from 'drizzle-orm';
import type { LoginInput } from '$lib/schemas/auth.ts';
import { verifyPassword } from '../../auth/password.ts';
import { clearFailures, lockedFor, recordFailure, throttleKeys } from '../../auth/rate-limit.ts';
import { type AnonCtx, transact } from '../../context.ts';
import { user } from '../../db/schema/index.ts';
import { AppError, RateLimitedError } from '../../errors.ts';

export interface LoginResult {
	userId: number;
	mustChangePassword: boolean;
}

/**
 * Checks a name and password. Every failure — unknown name, wrong password, disabled account —
 * says the same thing and costs the same time, so the login form cannot be used to find accounts.
 */
export async function login(ctx: AnonCtx, input: LoginInput): Promise<LoginResult> {
	const keys = throttleKeys(input.username, ctx.address);
	const wait = await lockedFor(ctx.db, keys, ctx.now);
	if (wait > 0) {
		throw new RateLimitedError('error_login_locked', { minutes: Math.ceil(wait / 60_000) });
	}
	const [found] = await ctx.db
		.select()
		.from(user)
		.where(sql`lower(${user.username}) = ${input.username.trim().toLowerCase()}`);
	const ok = await verifyPassword(found?.passwordHash, input.password);
	if (!found || !ok || found.disabled) {
		await transact(ctx, (tx) => recordFailure(tx.db, keys, ctx.now));
		throw new AppError('error_login_invalid');
	}
	await clearFailures(ctx.db, keys[0]!.key);
	return { userId: found.id, mustChangePassword: found.mustChangePassword };
}
