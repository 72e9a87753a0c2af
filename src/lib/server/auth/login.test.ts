import { describe, expect, it } from 'vitest';
import { eq, isNull } from 'drizzle-orm';
import { loginThrottle, roleGrant, session, unit, user } from '../db/schema/index.ts';
import { AppError, RateLimitedError } from '../errors.ts';
import { changePassword } from '../services/auth/change-password.ts';
import { login } from '../services/auth/login.ts';
import { resetPassword } from '../services/accounts/reset-password.ts';
import { setAccountDisabled } from '../services/accounts/set-disabled.ts';
import { testDb } from '../testing/db.ts';
import { ctxFor, district, makeUser } from '../testing/factories.ts';
import { hashPassword } from './password.ts';
import { createSession, generateSessionToken, validateSessionToken } from './session.ts';

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

	it('locks an account name after five failures, even with the right password, until the lock ends', async () => {
		const { db } = await setup();
		for (let i = 0; i < 5; i++) {
			await expect(
				login(
					{ db, now: minutes(i), address: `10.0.0.${i}` },
					{ username: 'alice', password: 'bad' }
				)
			).rejects.toThrow(AppError);
		}
		const locked = login(
			{ db, now: minutes(6), address: '10.9.9.9' },
			{ username: 'alice', password: 'correct horse 1' }
		);
		await expect(locked).rejects.toBeInstanceOf(RateLimitedError);
		// locked at the fifth failure (minute 4) for 15 minutes: 13 left at minute 6
		await expect(locked.catch((e: RateLimitedError) => e.params.minutes)).resolves.toBe(13);
		// after the lock the right password works again
		await expect(
			login(
				{ db, now: minutes(20), address: '10.9.9.9' },
				{ username: 'alice', password: 'correct horse 1' }
			)
		).resolves.toMatchObject({ mustChangePassword: false });
	});

	it('locks a name that does not exist exactly like one that does (no enumeration)', async () => {
		const { db } = await setup();
		for (let i = 0; i < 5; i++) {
			await login(
				{ db, now: minutes(i), address: '10.0.0.1' },
				{ username: 'ghost', password: 'x' }
			).catch(() => {});
		}
		await expect(
			login({ db, now: minutes(6), address: '10.0.0.2' }, { username: 'ghost', password: 'x' })
		).rejects.toBeInstanceOf(RateLimitedError);
	});

	it('limits one address across many account names', async () => {
		const { db } = await setup();
		for (let i = 0; i < 30; i++) {
			await login(
				{ db, now: T0, address: '10.6.6.6' },
				{ username: `user${i}`, password: 'x' }
			).catch(() => {});
		}
		await expect(
			login(
				{ db, now: minutes(1), address: '10.6.6.6' },
				{ username: 'alice', password: 'correct horse 1' }
			)
		).rejects.toBeInstanceOf(RateLimitedError);
		// another address is not affected
		await expect(
			login(
				{ db, now: minutes(1), address: '10.7.7.7' },
				{ username: 'alice', password: 'correct horse 1' }
			)
		).resolves.toBeTruthy();
	});

	it('keeps the counters in the database, so every app process sees them', async () => {
		const { db } = await setup();
		await login({ db, now: T0, address: '10.0.0.1' }, { username: 'alice', password: 'bad' }).catch(
			() => {}
		);
		const rows = await db.select().from(loginThrottle);
		expect(rows.map((r) => r.key).sort()).toEqual(['account:alice', 'address:10.0.0.1']);
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
		expect(temp).toMatch(/^[A-Za-z0-9]{10}$/);
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
			newPassword: 'my own pass 7',
			confirmPassword: 'my own pass 7'
		});
		const after = await login(
			{ db, now: T0, address: '10.0.0.1' },
			{ username: 'alice', password: 'my own pass 7' }
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
		).resolves.toMatch(/^[A-Za-z0-9]{10}$/);
	});
});

describe('sessions', () => {
	it('stores only the hash of the token and extends a session that is half used', async () => {
		const { db, alice } = await setup();
		const token = generateSessionToken();
		const created = await createSession(db, token, alice.user.id, T0);
		const [row] = await db.select().from(session);
		expect(row!.id).not.toBe(token);
		expect(row!.id).toMatch(/^[0-9a-f]{64}$/);

		const day = 24 * 60 * 60 * 1000;
		const at20 = new Date(T0.getTime() + 20 * day);
		const v = await validateSessionToken(db, token, at20);
		expect(v.session!.expiresAt.getTime()).toBe(at20.getTime() + 30 * day);
		expect(v.session!.expiresAt.getTime()).toBeGreaterThan(created.expiresAt.getTime());
		// past its expiry it is gone
		const late = new Date(at20.getTime() + 31 * day);
		expect((await validateSessionToken(db, token, late)).user).toBeNull();
	});
});

describe('login under parallel guessing', () => {
	it('lets no more than five parallel wrong guesses through for one account', async () => {
		const { db } = await setup();
		const guesses = Array.from({ length: 12 }, (_, i) =>
			login(
				{ db, now: T0, address: `10.1.1.${i}` },
				{ username: 'alice', password: `guess${i}` }
			).catch((e: AppError) => e.code)
		);
		const codes = await Promise.all(guesses);
		expect(codes.filter((c) => c === 'error_login_invalid')).toHaveLength(5);
		expect(codes.filter((c) => c === 'error_login_locked')).toHaveLength(7);
	});
});
