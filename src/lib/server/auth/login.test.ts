import { describe, expect, it, vi } from 'vitest';
import { eq, isNull } from 'drizzle-orm';
import {
	auditEntry,
	loginThrottle,
	policySetting,
	roleGrant,
	session,
	unit,
	user
} from '../db/schema/index.ts';
import { AppError, InvalidInputError, RateLimitedError } from '../errors.ts';
import { changePassword } from '../services/auth/change-password.ts';
import { login } from '../services/auth/login.ts';
import { resetPassword } from '../services/accounts/reset-password.ts';
import { setAccountDisabled } from '../services/accounts/set-disabled.ts';
import { temporaryPassword } from '../services/accounts/temporary-password.ts';
import { testDatabase, testDb } from '../testing/db.ts';
import { ctxFor, district, makeUser } from '../testing/factories.ts';
import { hashPassword } from './password.ts';
import { passwordProblem } from './password-policy.ts';
import { createSession, generateSessionToken, validateSessionToken } from './session.ts';
import { sessionPolicy } from './session-policy.ts';

const T0 = new Date('2026-03-02T09:00:00+08:00');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function setup() {
	const db = await testDb();
	const { a, b, admin } = await district(db);
	const passwordHash = await hashPassword('correct horse 1');
	const alice = await makeUser(db, a.id, [], { username: 'alice', passwordHash });
	return { db, a, b, admin, alice };
}

describe('login', () => {
	it('accepts the right password, case-insensitively on the name', async () => {
		const { db, alice } = await setup();
		const result = await login(
			{ db, now: T0, address: '10.0.0.1' },
			{ username: 'ALICE', password: 'correct horse 1' }
		);
		expect(result.userId).toBe(alice.user.id);
	});

	it('says the same for an unknown name and a wrong password', async () => {
		const { db } = await setup();
		const anon = { db, now: T0, address: '10.0.0.1' };
		const wrong = await login(anon, { username: 'alice', password: 'nope' }).catch(
			(e: AppError) => e.code
		);
		const unknown = await login(anon, { username: 'bob', password: 'nope' }).catch(
			(e: AppError) => e.code
		);
		expect(wrong).toBe('error_login_invalid');
		expect(unknown).toBe(wrong);
	});

	it('a stranger cannot lock a named account out: wrong passwords from one address slow only that address', async () => {
		const { db } = await setup();
		for (let i = 0; i < 9; i++) {
			await login(
				{ db, now: minutes(i), address: '10.6.6.6' },
				{ username: 'alice', password: 'bad' }
			).catch(() => {});
		}
		await expect(
			login(
				{ db, now: minutes(10), address: '10.9.9.9' },
				{ username: 'alice', password: 'correct horse 1' }
			)
		).resolves.toMatchObject({ userId: expect.any(Number) });
	});

	it('slows one address down on one account with growing delays, the right password included', async () => {
		const { db } = await setup();
		const at = (m: number) => ({ db, now: minutes(m), address: '10.0.0.1' });
		const bad = { username: 'alice', password: 'bad' };
		const good = { username: 'alice', password: 'correct horse 1' };
		const codeAt = (m: number, input = bad) =>
			login(at(m), input).then(
				() => 'ok',
				(e: AppError) => `${e.code}${e.params.minutes ? `:${e.params.minutes}` : ''}`
			);
		// four free tries, the fifth starts a lock of one minute
		for (let i = 0; i < 5; i++) expect(await codeAt(0)).toBe('error_login_invalid');
		expect(await codeAt(0.5, good)).toBe('error_login_locked:1');
		// each failure after a lock doubles the next one: 2, 4 … at most 15 minutes
		expect(await codeAt(1)).toBe('error_login_invalid');
		expect(await codeAt(1.5)).toBe('error_login_locked:2');
		expect(await codeAt(3)).toBe('error_login_invalid');
		expect(await codeAt(6.5)).toBe('error_login_locked:1');
		expect(await codeAt(7, good)).toBe('ok');
		// a success starts the pair afresh
		for (let i = 0; i < 4; i++) expect(await codeAt(8)).toBe('error_login_invalid');
	});

	it('locks a name that does not exist exactly like one that does (no enumeration)', async () => {
		const { db } = await setup();
		const codes = async (username: string) => {
			const out: string[] = [];
			for (let i = 0; i < 6; i++) {
				out.push(
					await login({ db, now: T0, address: '10.0.0.1' }, { username, password: 'x' }).then(
						() => 'ok',
						(e: AppError) => e.code
					)
				);
			}
			return out;
		};
		expect(await codes('ghost')).toEqual(await codes('alice'));
	});

	it.each([
		{
			client: 'one address',
			guess: () => '10.6.6.6',
			same: '10.6.6.6',
			other: '10.7.7.7'
		},
		{
			// an IPv6 client picks any address of its /64 for each guess
			client: 'an IPv6 /64',
			guess: (i: number) => `2001:db8:1:2::${(i + 1).toString(16)}`,
			same: '2001:db8:1:2:ffff:ffff:ffff:fffe',
			other: '2001:db8:1:3::1'
		}
	])('limits $client across many account names', async ({ guess, same, other }) => {
		const { db } = await setup();
		for (let i = 0; i < 30; i++) {
			await login(
				{ db, now: T0, address: guess(i) },
				{ username: `user${i}`, password: 'x' }
			).catch(() => {});
		}
		await expect(
			login(
				{ db, now: minutes(1), address: same },
				{ username: 'alice', password: 'correct horse 1' }
			)
		).rejects.toBeInstanceOf(RateLimitedError);
		// another client is not affected
		await expect(
			login(
				{ db, now: minutes(1), address: other },
				{ username: 'alice', password: 'correct horse 1' }
			)
		).resolves.toBeTruthy();
	});

	it('stops 100 failures an hour on one account from many addresses, but not the browser its owner used', async () => {
		const { db } = await setup();
		const owner = await login(
			{ db, now: T0, address: '10.0.0.1' },
			{ username: 'alice', password: 'correct horse 1' }
		);
		// 96 failures from addresses all over the place in the last minutes, as the counter keeps them
		await db
			.insert(loginThrottle)
			.values({ key: 'account:alice', failures: 96, windowStart: minutes(1) });
		for (let i = 0; i < 4; i++) {
			await login(
				{ db, now: minutes(10), address: `10.8.${i}.1` },
				{ username: 'alice', password: `guess ${i}` }
			).catch(() => {});
		}
		const good = { username: 'alice', password: 'correct horse 1' };
		await expect(login({ db, now: minutes(15), address: '10.9.9.9' }, good)).rejects.toBeInstanceOf(
			RateLimitedError
		);
		// the owner's browser, from wherever it is now
		await expect(
			login({ db, now: minutes(15), address: '10.9.9.8' }, good, owner.deviceToken)
		).resolves.toMatchObject({ deviceToken: owner.deviceToken });
	});

	it('keeps the counters in the database, so every app process sees them', async () => {
		const { db } = await setup();
		await login({ db, now: T0, address: '10.0.0.1' }, { username: 'alice', password: 'bad' }).catch(
			() => {}
		);
		const rows = await db.select().from(loginThrottle);
		expect(rows.map((r) => r.key).sort()).toEqual([
			'account:alice',
			'address:10.0.0.1',
			'pair:alice|10.0.0.1'
		]);
	});

	it('refuses a disabled account with the same message', async () => {
		const { db, alice } = await setup();
		await db.update(user).set({ disabled: true }).where(eq(user.id, alice.user.id));
		await expect(
			login(
				{ db, now: T0, address: '10.0.0.1' },
				{ username: 'alice', password: 'correct horse 1' }
			)
		).rejects.toMatchObject({ code: 'error_login_invalid' });
	});
});

describe('password reset by an administrator', () => {
	it('issues a one-time password, ends the sessions, and forces a change at next login', async () => {
		const { db, admin, alice } = await setup();
		const token = generateSessionToken();
		await createSession(db, token, alice.user.id, T0);
		const temp = await resetPassword(await ctxFor(db, admin.user.id), {
			userId: alice.user.id,
			confirmed: 'yes'
		});
		expect(temp).toMatch(/^[A-Za-z0-9]{12}$/);
		expect((await validateSessionToken(db, token, T0)).session).toBeNull();
		const result = await login(
			{ db, now: T0, address: '10.0.0.1' },
			{ username: 'alice', password: temp }
		);
		expect(result.mustChangePassword).toBe(true);
		await expect(
			login(
				{ db, now: T0, address: '10.0.0.1' },
				{ username: 'alice', password: 'correct horse 1' }
			)
		).rejects.toThrow(AppError);

		const ctx = await ctxFor(db, alice.user.id);
		await changePassword(ctx, {
			currentPassword: temp,
			newPassword: 'my own pass 7 x',
			confirmPassword: 'my own pass 7 x'
		});
		const after = await login(
			{ db, now: T0, address: '10.0.0.1' },
			{ username: 'alice', password: 'my own pass 7 x' }
		);
		expect(after.mustChangePassword).toBe(false);
	});

	it('is refused to an administrator of another branch', async () => {
		const { db, b, alice } = await setup();
		const other = await makeUser(db, b.id, [['admin', b.id]]);
		await expect(
			resetPassword(await ctxFor(db, other.user.id), { userId: alice.user.id, confirmed: 'yes' })
		).rejects.toMatchObject({
			code: 'error_forbidden'
		});
	});
});

describe('account management across units', () => {
	it('an admin of a sub-unit cannot reset or disable someone whose roles reach above that unit', async () => {
		const { db, a, alice } = await setup();
		// alice works in unit A but is HR for the whole district
		const [root] = await db.select().from(unit).where(isNull(unit.parentId));
		await db.insert(roleGrant).values({ userId: alice.user.id, role: 'hr', unitId: root!.id });
		const subAdmin = await makeUser(db, a.id, [['admin', a.id]]);
		const ctx = await ctxFor(db, subAdmin.user.id);
		await expect(
			resetPassword(ctx, { userId: alice.user.id, confirmed: 'yes' })
		).rejects.toMatchObject({
			code: 'error_forbidden'
		});
		await expect(
			setAccountDisabled(ctx, { userId: alice.user.id, disabled: true, confirmed: 'yes' })
		).rejects.toMatchObject({
			code: 'error_forbidden'
		});
		// a colleague with no powers beyond unit A is theirs to manage
		const colleague = await makeUser(db, a.id);
		await expect(
			resetPassword(ctx, { userId: colleague.user.id, confirmed: 'yes' })
		).resolves.toMatch(/^[A-Za-z0-9]{12}$/);
	});
});

describe('sessions', () => {
	const HOUR = 60 * 60 * 1000;
	const hours = (n: number) => new Date(T0.getTime() + n * HOUR);

	it('stores only the hash of the token, and loads the user with their grants', async () => {
		const { db, a, alice } = await setup();
		const token = generateSessionToken();
		await createSession(db, token, alice.user.id, T0);
		const [row] = await db.select().from(session);
		expect(row!.id).not.toBe(token);
		expect(row!.id).toMatch(/^[0-9a-f]{64}$/);
		const v = await validateSessionToken(db, token, hours(1));
		expect(v.user).toMatchObject({
			id: alice.user.id,
			username: 'alice',
			mustChangePassword: false,
			grants: [{ role: 'cadre', unitId: a.id, unitPath: a.path, unitName: a.name }]
		});
	});

	it('ends after 12 hours without use, however recently it began', async () => {
		const { db, alice } = await setup();
		const token = generateSessionToken();
		await createSession(db, token, alice.user.id, T0);
		expect((await validateSessionToken(db, token, hours(11))).user).not.toBeNull();
		// used at hour 11: the idle clock starts again there
		expect((await validateSessionToken(db, token, hours(22))).user).not.toBeNull();
		expect((await validateSessionToken(db, token, hours(34.5))).user).toBeNull();
		// and it is gone for good
		expect((await validateSessionToken(db, token, hours(22))).user).toBeNull();
	});

	it('ends 7 days after the login however much it is used', async () => {
		const { db, alice } = await setup();
		const token = generateSessionToken();
		await createSession(db, token, alice.user.id, T0);
		for (let h = 6; h < 7 * 24; h += 6) {
			expect((await validateSessionToken(db, token, hours(h))).user).not.toBeNull();
		}
		const last = await validateSessionToken(db, token, hours(7 * 24 - 1));
		// the cookie expires with the absolute lifetime, not 12 hours later
		expect(last.session!.expiresAt).toEqual(hours(7 * 24));
		expect((await validateSessionToken(db, token, hours(7 * 24))).user).toBeNull();
	});

	it('follows the policy settings of the district, ignoring malformed ones', async () => {
		const { db, alice } = await setup();
		await db.insert(policySetting).values([
			{ key: 'session.idleMinutes', value: 30, updatedAt: T0 },
			{ key: 'session.lifetimeHours', value: 'a week', updatedAt: T0 }
		]);
		const token = generateSessionToken();
		await createSession(db, token, alice.user.id, T0);
		expect((await validateSessionToken(db, token, minutes(29))).user).not.toBeNull();
		expect((await validateSessionToken(db, token, minutes(29 + 31))).user).toBeNull();
		expect(await sessionPolicy(db)).toEqual({ idleMs: 30 * 60_000, lifetimeMs: 7 * 24 * HOUR });
	});
});

describe('login under parallel guessing', () => {
	it('lets no more than five parallel wrong guesses from one address through for one account', async () => {
		const { db } = await setup();
		const guesses = Array.from({ length: 12 }, (_, i) =>
			login(
				{ db, now: T0, address: '10.1.1.1' },
				{ username: 'alice', password: `guess${i}` }
			).catch((e: AppError) => e.code)
		);
		const codes = await Promise.all(guesses);
		expect(codes.filter((c) => c === 'error_login_invalid')).toHaveLength(5);
		expect(codes.filter((c) => c === 'error_login_locked')).toHaveLength(7);
	});
});

describe('sign-in events in the audit log', () => {
	it('records logins, failures and locks with the address, names as typed (bounded), never a password', async () => {
		const { db, alice } = await setup();
		await login(
			{ db, now: T0, address: '10.0.0.1' },
			{ username: 'alice', password: 'correct horse 1' }
		);
		const longName = 'x'.repeat(64);
		await login({ db, now: T0, address: '10.0.0.2' }, { username: longName, password: 'pw' }).catch(
			() => {}
		);
		for (let i = 0; i < 5; i++) {
			await login(
				{ db, now: T0, address: '10.0.0.3' },
				{ username: 'alice', password: 'secret guess' }
			).catch(() => {});
		}
		const rows = await db.select().from(auditEntry).orderBy(auditEntry.seq);
		const events = rows.map((r) => [r.action, r.entityType, r.entityId]);
		expect(events[0]).toEqual(['auth.login', 'user', String(alice.user.id)]);
		expect(rows[0]!.actorUserId).toBe(alice.user.id);
		expect(events[1]).toEqual(['auth.login_failed', 'login', longName]);
		expect(events.filter(([a]) => a === 'auth.login_failed')).toHaveLength(6);
		const lock = rows.find((r) => r.action === 'auth.locked');
		expect(lock).toMatchObject({
			entityType: 'user',
			entityId: String(alice.user.id),
			unitId: alice.person.unitId,
			after: { scope: 'pair', minutes: 1, address: '10.0.0.3' }
		});
		const stored = JSON.stringify(rows);
		expect(stored).not.toContain('correct horse');
		expect(stored).not.toContain('secret guess');
	});
});

describe('changing one’s own password', () => {
	const change = (currentPassword: string, newPassword = 'a fresh passphrase') => ({
		currentPassword,
		newPassword,
		confirmPassword: newPassword
	});

	it('limits guesses of the current password like a login', async () => {
		const { db, alice } = await setup();
		const ctx = await ctxFor(db, alice.user.id, T0);
		const codes: string[] = [];
		for (let i = 0; i < 6; i++) {
			codes.push(
				await changePassword(ctx, change(`guess ${i}`)).then(
					() => 'ok',
					(e: AppError) => e.code
				)
			);
		}
		expect(codes).toEqual([
			...Array(5).fill('error_invalid_input'),
			'error_password_change_locked'
		]);
		// even the right password waits for the lock to end
		await expect(changePassword(ctx, change('correct horse 1'))).rejects.toBeInstanceOf(
			RateLimitedError
		);
		const later = await ctxFor(db, alice.user.id, minutes(2));
		await expect(changePassword(later, change('correct horse 1'))).resolves.toBeUndefined();
		const locks = await db.select().from(auditEntry).where(eq(auditEntry.action, 'auth.locked'));
		expect(locks.map((l) => l.after)).toEqual([
			{ scope: 'password_change', minutes: 1, address: '' }
		]);
	});

	it('refuses new passwords that are short, contain the login name, or are common', async () => {
		const { db, alice } = await setup();
		const ctx = await ctxFor(db, alice.user.id, T0);
		const problem = (p: string) =>
			changePassword(ctx, change('correct horse 1', p)).then(
				() => 'ok',
				(e: InvalidInputError) => e.fields?.newPassword?.[0]
			);
		expect(await problem('short 1')).toBe('err_password_short');
		expect(await problem('Alice-2026-spring')).toBe('err_password_contains_username');
		expect(await problem('Password123')).toBe('err_password_common');
		expect(await problem('qwertyuiop')).toBe('err_password_common');
		expect(await problem('春眠不觉晓处处闻啼鸟')).toBe('ok');
	});

	it('one-time passwords meet the same policy, even for a very short login name', async () => {
		for (let i = 0; i < 200; i++) {
			const p = await temporaryPassword('ab');
			expect(await passwordProblem(p, 'ab')).toBeNull();
		}
	});
});

describe('validating a session', () => {
	it('reads the session, its user, their grants and the policy in one statement', async () => {
		const { db, client } = await testDatabase();
		const { a } = await district(db);
		const alice = await makeUser(db, a.id);
		const token = generateSessionToken();
		await createSession(db, token, alice.user.id, T0);
		const execute = vi.spyOn(client, 'execute');
		// within the touch interval: nothing to write back, so the whole check is the one read
		const v = await validateSessionToken(db, token, new Date(T0.getTime() + 1000));
		expect(v.user?.grants).toHaveLength(1);
		expect(execute).toHaveBeenCalledTimes(1);
	});
});
