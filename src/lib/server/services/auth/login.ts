import { sql } from 'drizzle-orm';
import type { LoginInput } from '$lib/schemas/auth.ts';
import { verifyPassword } from '../../auth/password.ts';
import {
	clearFailures,
	forgiveOne,
	lockedFor,
	recordFailure,
	throttleKeys
} from '../../auth/rate-limit.ts';
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
	// Check the lock and count this attempt in one write transaction, BEFORE the slow password
	// check: parallel guesses are serialised here, so they cannot all slip past the lock.
	const wait = await transact(ctx, async (tx) => {
		const locked = await lockedFor(tx.db, keys, ctx.now);
		if (locked === 0) await recordFailure(tx.db, keys, ctx.now);
		return locked;
	});
	if (wait > 0) {
		throw new RateLimitedError('error_login_locked', { minutes: Math.ceil(wait / 60_000) });
	}
	const [found] = await ctx.db
		.select()
		.from(user)
		.where(sql`lower(${user.username}) = ${input.username.trim().toLowerCase()}`);
	const ok = await verifyPassword(found?.passwordHash, input.password);
	if (!found || !ok || found.disabled) throw new AppError('error_login_invalid');
	// the attempt succeeded: the account starts afresh and the address gets its count back
	await transact(ctx, async (tx) => {
		await clearFailures(tx.db, keys[0]!.key);
		await forgiveOne(tx.db, keys[1]!.key);
	});
	return { userId: found.id, mustChangePassword: found.mustChangePassword };
}
