import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { VERIFY_POLICY } from '$lib/server/auth/rate-limit.ts';
import type { ReadDb } from '$lib/server/db/index.ts';
import { DatabaseBusyError } from '$lib/server/errors.ts';
import { testDb } from '$lib/server/testing/db.ts';
import { load } from './+page.server.ts';

/** The page's load for `code`, from one address: what it returned or threw, and its headers. */
async function lookUp(db: ReadDb, code: string) {
	const headers: Record<string, string> = {};
	const event = {
		url: new URL(`http://x/verify?code=${encodeURIComponent(code)}`),
		locals: { db },
		getClientAddress: () => '203.0.113.7',
		setHeaders: (h: Record<string, string>) => Object.assign(headers, h)
	} as unknown as Parameters<typeof load>[0];
	try {
		return { data: await load(event), headers };
	} catch (e) {
		if (!isHttpError(e)) throw e;
		return { status: e.status, message: e.body.message, headers };
	}
}

describe('/verify, looked up too often from one address', () => {
	it('answers 429 with Retry-After and the reason, not a page that looks like an answer', async () => {
		const db = await testDb();
		// the allowance's lookups are answered (the code is not a certificate's), the next refused
		for (let i = 0; i <= VERIFY_POLICY.free; i++) {
			const answer = await lookUp(db, 'ABCD-EFGH-JKMN');
			expect(answer.status).toBeUndefined();
			expect(answer.data?.result).toBeTruthy();
		}
		const refused = await lookUp(db, 'ABCD-EFGH-JKMN');
		expect(refused.status).toBe(429);
		expect(refused.message).toMatch(/分钟/);
		expect(Number(refused.headers['Retry-After'])).toBeGreaterThanOrEqual(60);
	});

	it('answers 503 with a short Retry-After when the database is busy, and none to a malformed code', async () => {
		// every use of the database meets the lock
		const busy = new Proxy({} as ReadDb, {
			get() {
				throw new DatabaseBusyError();
			}
		});
		const refused = await lookUp(busy, 'ABCD-EFGH-JKMN');
		expect(refused.status).toBe(503);
		expect(refused.headers['Retry-After']).toBe('5');
		// a code that is not a code is answered on the page, with nothing to wait for
		const malformed = await lookUp(await testDb(), '!!');
		expect(malformed.status).toBeUndefined();
		expect(malformed.headers['Retry-After']).toBeUndefined();
	});
});
