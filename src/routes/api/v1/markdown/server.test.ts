import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PREVIEW_RATE, previewMeterKey, useMeter } from '$lib/server/auth/rate-meter.ts';
import { loginThrottle } from '$lib/server/db/schema/index.ts';
import { RateLimitedError } from '$lib/server/errors.ts';
import { testDb } from '$lib/server/testing/db.ts';
import { ctxFor, district, makeUser } from '$lib/server/testing/factories.ts';
import { POST } from './+server.ts';

const t0 = new Date('2026-12-04T10:00:00+08:00');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('the Markdown preview’s rate, per person', () => {
	it('allows a burst, then one use per interval, and refuses past it without counting', async () => {
		const db = await testDb();
		const use = (id: number, now: Date) =>
			useMeter(db, previewMeterKey(id), PREVIEW_RATE, now, 'err_preview_rate_limited');
		for (let i = 0; i < PREVIEW_RATE.burst; i++) await use(1, t0);
		const refused = await use(1, t0).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect((refused as RateLimitedError).params.seconds).toBe(1);
		// another person is not held up; the first may go on once an interval has passed
		await use(2, t0);
		await use(1, at(PREVIEW_RATE.intervalMs));
		await expect(use(1, at(PREVIEW_RATE.intervalMs))).rejects.toThrow(RateLimitedError);
	});

	it('answers 429 with Retry-After and a message the editor shows, and renders nothing', async () => {
		const db = await testDb();
		const d = await district(db);
		const organiser = await makeUser(db, d.a.id, [['organiser', d.a.id]]);
		const { user } = await ctxFor(db, organiser.user.id);
		const preview = () =>
			POST({
				locals: { db, user },
				request: new Request('http://x/api/v1/markdown', {
					method: 'POST',
					body: JSON.stringify({ text: '**粗体**' })
				})
			} as unknown as Parameters<typeof POST>[0]);
		const ok = await preview();
		expect(await ok.json()).toEqual({ html: expect.stringContaining('<strong>粗体</strong>') });
		// a flood spent the burst: the meter reads ten minutes ahead of its allowance
		const ahead = Date.now() + 10 * 60_000 + (PREVIEW_RATE.burst - 1) * PREVIEW_RATE.intervalMs;
		await db
			.update(loginThrottle)
			.set({ windowStart: new Date(ahead) })
			.where(eq(loginThrottle.key, `preview:${user.id}`));
		const refused = await preview();
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(9 * 60);
		expect(await refused.json()).toMatchObject({
			code: 'rate_limited',
			message: expect.stringContaining('预览过于频繁')
		});
	});
});
