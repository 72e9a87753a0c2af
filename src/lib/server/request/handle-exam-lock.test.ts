import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startExamAttempt, submitExamAttempt } from '../services/exams/attempts.ts';
import { at, candidateCtx, examSetup, publishedSitting } from '../testing/exams.ts';
import { handleExamLock } from './handle-exam-lock.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

const practice = ['/practice', '/(app)/practice'] as const;

/** The numbers in a path: the route's parameters, in order. */
const params = (path: string) => path.match(/\d+/g) ?? [];

/**
 * What the handle answers a request of the cadre's to `path` (`resolved` when it lets it through),
 * which SvelteKit matched to the route `route`.
 */
async function ask(
	s: Setup,
	[path, route]: readonly [string, string],
	opts: { method?: string; data?: boolean; action?: boolean } = {}
) {
	const event = {
		url: new URL(`http://localhost${path}`),
		route: { id: route },
		params: Object.fromEntries(
			[...route.matchAll(/\[(\w+)(?:=\w+)?\]/g)].map((m, i) => [m[1], params(path)[i]])
		),
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
		expect((await ask(s, practice)).body).toBe('resolved');
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });

		const back = `/exams/a/${id}?paused=1`;
		for (const page of [
			practice,
			['/practice/mistakes', '/(app)/practice/mistakes'],
			[`/banks/${s.bank.id}`, '/(app)/banks/[bankId=id]'],
			[`/banks/${s.bank.id}/export.xlsx`, '/(app)/banks/[bankId=id]/export.xlsx'],
			['/exams/grading', '/(app)/exams/grading'],
			['/exams/manage', '/(app)/exams/manage'],
			// the review of an earlier attempt, with the right answers when the exam shows them
			['/exams/a/99/result', '/(app)/exams/a/[id=id]/result']
		] as const)
			expect(await ask(s, page), page[0]).toMatchObject({ status: 303, location: back });
		// an enhanced form's action and a client-side navigation get SvelteKit's redirect
		expect(
			JSON.parse(
				(
					await ask(s, ['/practice/s/1', '/(app)/practice/s/[id=id]'], {
						method: 'POST',
						action: true
					})
				).body
			)
		).toEqual({ type: 'redirect', status: 303, location: back });
		expect(JSON.parse((await ask(s, practice, { data: true })).body)).toEqual({
			type: 'redirect',
			location: back
		});
		// the exam itself, the statutes and the rest of the app stay open
		for (const page of [
			[`/exams/a/${id}`, '/(app)/exams/a/[id=id]'],
			// its own result page, asked for as its timer runs out, sends it back there by itself
			[`/exams/a/${id}/result`, '/(app)/exams/a/[id=id]/result'],
			['/exams', '/(app)/exams'],
			['/laws', '/(app)/laws'],
			['/study', '/(app)/study'],
			['/', '/(app)']
		] as const)
			expect((await ask(s, page)).body, page[0]).toBe('resolved');

		await submitExamAttempt(ctx, { attemptId: id });
		expect((await ask(s, practice)).body).toBe('resolved');
	});

	it('lets them back once the time is up, even before the sweep has submitted the attempt', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(5 + 24 * 60));
		expect((await ask(s, practice)).body).toBe('resolved');
	});

	it('sends them back from a key page whose address is spelt in escapes (SvelteKit decodes it to match the route)', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(5));
		const id = await startExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 5), {
			sittingId,
			confirm: 'on'
		});
		for (const page of [
			[`/%62anks/${s.bank.id}`, '/(app)/banks/[bankId=id]'],
			[`/b%61nks/${s.bank.id}/export.gift`, '/(app)/banks/[bankId=id]/export.gift'],
			['/pr%61ctice/mistakes', '/(app)/practice/mistakes'],
			['/exams/%67rading', '/(app)/exams/grading']
		] as const)
			expect(await ask(s, page), page[0]).toMatchObject({
				status: 303,
				location: `/exams/a/${id}?paused=1`
			});
	});
});
