import { eq, sql } from 'drizzle-orm';
import type { LoginInput } from '$lib/schemas/auth.ts';
import { verifyPassword } from '../../auth/password.ts';
import {
	accountKey,
	clearFailures,
	forgiveOne,
	lockedFor,
	loginKeys,
	recordFailure
} from '../../auth/rate-limit.ts';
import { isTrustedDevice, trustDevice } from '../../auth/trusted-device.ts';
import { type AnonCtx, transact } from '../../context.ts';
import { person, user } from '../../db/schema/index.ts';
import { AppError, RateLimitedError } from '../../errors.ts';
import { type LoginSubject, auditLocks, auditSignIn } from './events.ts';

export interface LoginResult {
	userId: number;
	mustChangePassword: boolean;
	/** The browser's device token, to keep in its cookie (it is trusted for this account now). */
	deviceToken: string;
}

/**
 * Checks a name and password. Every failure — unknown name, wrong password, disabled account —
 * says the same thing and costs the same time, so the login form cannot be used to find accounts.
 *
 * Guessing is slowed per (name, address) with growing delays, per address across names, and per
 * name across addresses with a high ceiling that does not apply to browsers which logged in to
 * the account before (`deviceToken`): a stranger can slow their own guesses down, never keep the
 * owner out. Logins, failures and locks are audited.
 */
export async function login(
	ctx: AnonCtx,
	input: LoginInput,
	deviceToken?: string
): Promise<LoginResult> {
	const name = accountKey(input.username);
	const keys = loginKeys(input.username, ctx.address);
	const trusted = await isTrustedDevice(ctx.db, deviceToken, name, ctx.now);
	const binding = trusted ? keys.filter((k) => k.scope !== 'account') : keys;
	// Check the locks and count this attempt in one write transaction, BEFORE the slow password
	// check: parallel guesses are serialised here, so they cannot all slip past a lock.
	const { wait, locks } = await transact(ctx, async (tx) => {
		const wait = await lockedFor(tx.db, binding, ctx.now);
		return { wait, locks: wait === 0 ? await recordFailure(tx.db, keys, ctx.now) : [] };
	});
	if (wait > 0) {
		throw new RateLimitedError('error_login_locked', { minutes: Math.ceil(wait / 60_000) });
	}
	const [found] = await ctx.db
		.select({
			id: user.id,
			passwordHash: user.passwordHash,
			disabled: user.disabled,
			mustChangePassword: user.mustChangePassword,
			unitId: person.unitId
		})
		.from(user)
		.leftJoin(person, eq(person.id, user.personId))
		.where(sql`lower(${user.username}) = ${name}`);
	const ok = await verifyPassword(found?.passwordHash, input.password);
	const subject: LoginSubject = {
		userId: found?.id ?? null,
		name: input.username,
		unitId: found?.unitId ?? null,
		address: ctx.address
	};
	if (!found || !ok || found.disabled) {
		await transact(ctx, async (tx) => {
			await auditSignIn(tx, 'auth.login_failed', subject);
			await auditLocks(tx, locks, subject);
		});
		throw new AppError('error_login_invalid');
	}
	// the attempt succeeded: the pair starts afresh, the address and the name get their count back
	return transact(ctx, async (tx) => {
		await clearFailures(tx.db, keys[0]!.key);
		for (const k of keys.slice(1)) {
			await forgiveOne(
				tx.db,
				k.key,
				locks.some((l) => l.key === k.key)
			);
		}
		const token = await trustDevice(tx.db, deviceToken, name, ctx.now);
		await auditSignIn(tx, 'auth.login', subject);
		return { userId: found.id, mustChangePassword: found.mustChangePassword, deviceToken: token };
	});
}
