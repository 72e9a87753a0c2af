import { eq, sql } from 'drizzle-orm';
import type { LoginInput } from '$lib/schemas/auth.ts';
import { verifyPassword } from '../../auth/password.ts';
import {
	type ThrottleKey,
	accountKey,
	clearFailures,
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
 *
 * Only the (name, address) pair is counted before the password is checked, so that parallel
 * guesses at one account are serialised and cannot all slip past its lock. The address and the
 * account count failures once they are failures: counted beforehand, the logins still being
 * checked counted too — on exam day a training room behind one address, thirty cadres signing in
 * at once on a busy server, locked the whole room out for a quarter of an hour. A guess let in
 * before its address or account was locked is refused after the check, even when it was right.
 */
export async function login(
	ctx: AnonCtx,
	input: LoginInput,
	deviceToken?: string,
	/** The password check: argon2's; a test holds it to see logins while they are checked. */
	check: typeof verifyPassword = verifyPassword
): Promise<LoginResult> {
	const name = accountKey(input.username);
	const keys = loginKeys(input.username, ctx.address);
	const [pair, ...shared] = keys as [ThrottleKey, ...ThrottleKey[]];
	const trusted = await isTrustedDevice(ctx.db, deviceToken, name, ctx.now);
	const binding = trusted ? keys.filter((k) => k.scope !== 'account') : keys;
	// Check the locks and count this attempt for its pair in one write transaction, BEFORE the
	// slow password check: parallel guesses are serialised here.
	const { wait, locks } = await transact(ctx, async (tx) => {
		const wait = await lockedFor(tx.db, binding, ctx.now);
		return { wait, locks: wait === 0 ? await recordFailure(tx.db, [pair], ctx.now) : [] };
	});
	if (wait > 0) throw locked(wait);
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
	const ok = await check(found?.passwordHash, input.password);
	const subject: LoginSubject = {
		userId: found?.id ?? null,
		name: input.username,
		unitId: found?.unitId ?? null,
		address: ctx.address
	};
	if (!found || !ok || found.disabled) {
		await transact(ctx, async (tx) => {
			const more = await recordFailure(tx.db, shared, ctx.now);
			await auditSignIn(tx, 'auth.login_failed', subject);
			await auditLocks(tx, [...locks, ...more], subject);
		});
		throw new AppError('error_login_invalid');
	}
	// the attempt succeeded: the pair starts afresh — unless its address or account was locked
	// while the password was being checked
	const outcome = await transact(ctx, async (tx) => {
		const wait = await lockedFor(
			tx.db,
			binding.filter((k) => k !== pair),
			ctx.now
		);
		if (wait > 0) return { wait, result: null };
		await clearFailures(tx.db, pair.key);
		const token = await trustDevice(tx.db, deviceToken, name, ctx.now);
		await auditSignIn(tx, 'auth.login', subject);
		return {
			wait: 0,
			result: { userId: found.id, mustChangePassword: found.mustChangePassword, deviceToken: token }
		};
	});
	if (!outcome.result) throw locked(outcome.wait);
	return outcome.result;
}

const locked = (wait: number) =>
	new RateLimitedError('error_login_locked', { minutes: Math.ceil(wait / 60_000) });
