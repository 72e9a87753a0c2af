import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginThrottle } from '../db/schema/index.ts';
import { AppError, RateLimitedError } from '../errors.ts';
import { login } from '../services/auth/login.ts';
import { testDb } from '../testing/db.ts';
import { district, makeUser } from '../testing/factories.ts';

// The password check is what takes time (argon2): held here until the test lets it answer, so
// that logins are "being checked" exactly when the test says.
const checks: { password: string; answer: (ok: boolean) => void }[] = [];
const heldCheck = (_hash: string | undefined, password: string) =>
	new Promise<boolean>((resolve) => checks.push({ password, answer: resolve }));

const T0 = new Date('2026-03-02T09:00:00+08:00');
const ROOM = '10.20.30.40';

async function until(n: number) {
	for (let i = 0; i < 1000 && checks.length < n; i++)
		await new Promise((resolve) => setTimeout(resolve, 5));
	expect(checks.length).toBe(n);
}

describe('logins being checked, from one address', () => {
	it('forty cadres behind one address signing in at once are all let in', async () => {
		checks.length = 0;
		const db = await testDb();
		const { a } = await district(db);
		const names = Array.from({ length: 40 }, (_, i) => `cadre${i}`);
		for (const username of names) await makeUser(db, a.id, [], { username });
		const signingIn = names.map((username) =>
			login(
				{ db, now: T0, address: ROOM },
				{ username, password: 'right' },
				undefined,
				heldCheck
			).then(
				() => 'in',
				(e: AppError) => e.code
			)
		);
		// every one of them is being checked at the same time
		await until(40);
		for (const c of checks) c.answer(true);
		expect(await Promise.all(signingIn)).toEqual(names.map(() => 'in'));
		// and nothing counts against the room afterwards
		const [room] = await db
			.select()
			.from(loginThrottle)
			.where(eq(loginThrottle.key, `address:${ROOM}`));
		expect(room?.failures ?? 0).toBe(0);
		expect(room?.lockedUntil ?? null).toBeNull();
	});

	it('refuses a right guess let in before its address was locked, once it is checked', async () => {
		checks.length = 0;
		const db = await testDb();
		const { a } = await district(db);
		await makeUser(db, a.id, [], { username: 'alice' });
		const names = Array.from({ length: 31 }, (_, i) => `name${i}`);
		// thirty-one guesses at as many names, all admitted before any was found wrong …
		const guesses = names.map((username) =>
			login(
				{ db, now: T0, address: ROOM },
				{ username, password: 'guess' },
				undefined,
				heldCheck
			).catch((e: AppError) => e.code)
		);
		const right = login(
			{ db, now: T0, address: ROOM },
			{ username: 'alice', password: 'right' },
			undefined,
			heldCheck
		);
		await until(32);
		// … the wrong ones answered first: the thirtieth failure locks the address
		for (const c of checks.filter((c) => c.password === 'guess')) c.answer(false);
		expect(await Promise.all(guesses)).toEqual(names.map(() => 'error_login_invalid'));
		checks.find((c) => c.password === 'right')!.answer(true);
		await expect(right).rejects.toBeInstanceOf(RateLimitedError);
	});
});
