import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startExamAttempt, submitExamAttempt } from '../services/exams/attempts.ts';
import { at, candidateCtx, examSetup, publishedSitting } from '../testing/exams.ts';
import { handleExamLock } from './handle-exam-lock.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

/** What the handle answers a request of the cadre's to `path` (`resolved` when it lets it through). */
async function ask(
	s: Setup,
	path: string,
	opts: { method?: string; data?: boolean; action?: boolean } = {}
) {
	const event = {
		url: new URL(`http://localhost${path}`),
		locals: { db: s.db, user: { personId: s.cadre.person.id } },
		isDataRequest: opts.data ?? false,
		request: new Request(`http://localhost${path}`, {
			method: opts.method ?? 'GET',
			headers: opts.action ? { 'x-sveltekit-action': 'true' } : {}
		})
	} as unknown as RequestEvent;
	const response = await handleExamLock({
		event,
		resolve: async () => new Response('resolved')
	});
	const body = await response.text();
	return { status: response.status, location: response.headers.get('location'), body };
}

describe('while a candidate sits an exam', () => {
	afterEach(() => vi.useRealTimers());

	it('practice, the banks and the exam staff pages send them back to it; afterwards all is open again', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(5));
		// before the exam, practice is open
		expect((await ask(s, '/practice')).body).toBe('resolved');
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });

		const back = `/exams/a/${id}?paused=1`;
		for (const path of [
			'/practice',
			'/practice/mistakes',
			`/banks/${s.bank.id}`,
			`/banks/${s.bank.id}/export.xlsx`,
			'/exams/grading',
			'/exams/manage'
		])
			expect(await ask(s, path), path).toMatchObject({ status: 303, location: back });
		// an enhanced form's action and a client-side navigation get SvelteKit's redirect
		expect(
			JSON.parse((await ask(s, '/practice/s/1', { method: 'POST', action: true })).body)
		).toEqual({ type: 'redirect', status: 303, location: back });
		expect(JSON.parse((await ask(s, '/practice', { data: true })).body)).toEqual({
			type: 'redirect',
			location: back
		});
		// the exam itself, the statutes and the rest of the app stay open
		for (const path of [`/exams/a/${id}`, '/exams', '/laws', '/study', '/'])
			expect((await ask(s, path)).body, path).toBe('resolved');

		await submitExamAttempt(ctx, { attemptId: id });
		expect((await ask(s, '/practice')).body).toBe('resolved');
	});

	it('lets them back once the time is up, even before the sweep has submitted the attempt', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(5 + 24 * 60));
		expect((await ask(s, '/practice')).body).toBe('resolved');
	});
});
