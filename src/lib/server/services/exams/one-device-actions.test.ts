import { type RequestEvent, isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actions } from '../../../../routes/(app)/exams/a/[id=id]/+page.server.ts';
import { load } from '../../../../routes/(app)/exams/a/[id=id]/+page.ts';
import { GET as paperOf } from '../../../../routes/(app)/exams/a/[id=id]/paper/+server.ts';
import { load as loadResult } from '../../../../routes/(app)/exams/a/[id=id]/result/+page.server.ts';
import type { Ctx } from '../../context.ts';
import { examAnswer } from '../../db/schema/index.ts';
import { at, attemptRow, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { startExamAttempt } from './attempts.ts';

/** The request of the browser whose device cookie is `device`, to the attempt's `path`. */
function request(ctx: Ctx, attemptId: number, device: string, path = '', init?: RequestInit) {
	const url = `http://localhost/exams/a/${attemptId}${path}`;
	return {
		locals: { db: ctx.db, user: ctx.user },
		params: { id: String(attemptId) },
		url: new URL(url),
		request: new Request(url, init),
		cookies: { get: (name: string) => (name === 'xuefa_exam_device' ? device : undefined) }
	} as unknown as RequestEvent;
}

/**
 * The exam page's load in the browser whose device cookie is `device`: it asks the paper endpoint
 * (as the page's `fetch` would, with the same cookie).
 */
function loadExam(ctx: Ctx, attemptId: number, device: string) {
	const event = request(ctx, attemptId, device);
	const fetch = async () => paperOf(request(ctx, attemptId, device, '/paper') as never);
	return load({ params: event.params, url: event.url, fetch } as never);
}

/** What a load or action answered: its value, or what it threw (a redirect, an error page). */
async function settle(run: () => unknown) {
	try {
		return await run();
	} catch (e) {
		return e;
	}
}

/** Posts the exam page's form `action` from the browser whose device cookie is `device`. */
async function post(
	ctx: Ctx,
	attemptId: number,
	action: 'save' | 'submit',
	device: string,
	fields: Record<string, string> = {}
) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const event = request(ctx, attemptId, device, `?/${action}`, { method: 'POST', body });
	return settle(() => actions[action]!(event as never));
}

/** A sitting that allows one device, and the cadre's attempt started at 09:05 on the `laptop`. */
async function startOnLaptop() {
	const s = await examSetup();
	const { sittingId } = await publishedSitting(s, {}, {}, { oneDevice: 'on' });
	const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
	const id = await startExamAttempt(ctx, { sittingId, confirm: 'on', deviceId: 'laptop' });
	// the routes read the clock: 09:05 until a test moves it
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(at(5));
	return { s, ctx, id };
}

describe('in a sitting that allows one device', () => {
	afterEach(() => vi.useRealTimers());

	it('the exam page’s forms save and submit from the device that started the attempt, and from no other', async () => {
		const { s, ctx, id } = await startOnLaptop();
		const row = await attemptRow(s.db, id);
		const questionId = row!.questionIds[0]!;
		const answer = { questionId, a: 'A', go: '2' };

		// another browser is refused, even naming the first one's device in the form
		for (const action of ['save', 'submit'] as const) {
			const refused = await post(ctx, id, action, 'phone', { ...answer, deviceId: 'laptop' });
			expect(isActionFailure(refused), action).toBe(true);
		}
		expect(await s.db.select().from(examAnswer).where(eq(examAnswer.attemptId, id))).toEqual([]);

		const saved = await post(ctx, id, 'save', 'laptop', answer);
		expect(isRedirect(saved) && saved.location).toBe(`/exams/a/${id}?q=2`);
		expect(await s.db.select().from(examAnswer).where(eq(examAnswer.attemptId, id))).toEqual([
			expect.objectContaining({ questionId, response: { type: 'single', choice: 'A' } })
		]);
		const submitted = await post(ctx, id, 'submit', 'laptop');
		expect(isRedirect(submitted) && submitted.location).toBe(`/exams/a/${id}/result`);
		const after = await attemptRow(s.db, id);
		expect(after!.state).toBe('graded');
	});

	it('another device is told by the exam and result pages, in words, that the attempt continues on the one that started it', async () => {
		const { ctx, id } = await startOnLaptop();
		for (const [page, run] of [
			['exam', () => paperOf(request(ctx, id, 'phone', '/paper') as never)],
			['result', () => loadResult(request(ctx, id, 'phone', '/result') as never)]
		] as const) {
			const refused = await settle(run);
			expect(isHttpError(refused) && refused.status, page).toBe(409);
			expect((refused as { body: { message: string } }).body.message, page).toBe(
				'本场考试只能在开始作答的设备上继续'
			);
		}
	});

	it('the result page, asked for by the device that started it once the time is up, submits the attempt and shows it', async () => {
		const { ctx, id } = await startOnLaptop();
		// 11:00 the sitting closes, and the page's timer goes to the result before any sweep has run
		vi.setSystemTime(at(121));
		const shown = await settle(() => loadResult(request(ctx, id, 'laptop', '/result') as never));
		expect(shown).toMatchObject({ result: { id, state: 'graded', autoSubmitted: true } });
	});

	it('once the time is up, another device sees the result too: nothing can be answered any more', async () => {
		const { ctx, id } = await startOnLaptop();
		vi.setSystemTime(at(121));
		const shown = await settle(() => loadResult(request(ctx, id, 'phone', '/result') as never));
		expect(shown).toMatchObject({ result: { id, state: 'graded', autoSubmitted: true } });
	});

	it('once the time is up, the exam page on another device goes to the result', async () => {
		const { ctx, id } = await startOnLaptop();
		vi.setSystemTime(at(121));
		const sent = await settle(() => loadExam(ctx, id, 'phone'));
		expect(isRedirect(sent) && sent.location).toBe(`/exams/a/${id}/result`);
	});
});
