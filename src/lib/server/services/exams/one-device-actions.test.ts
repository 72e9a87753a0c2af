import { type RequestEvent, isActionFailure, isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actions } from '../../../../routes/(app)/exams/a/[id=id]/+page.server.ts';
import type { Ctx } from '../../context.ts';
import { examAnswer, examAttempt } from '../../db/schema/index.ts';
import { at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { startExamAttempt } from './attempts.ts';

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
	const event = {
		locals: { db: ctx.db, user: ctx.user },
		params: { id: String(attemptId) },
		url: new URL(`http://localhost/exams/a/${attemptId}`),
		request: new Request(`http://localhost/exams/a/${attemptId}?/${action}`, {
			method: 'POST',
			body
		}),
		cookies: { get: (name: string) => (name === 'xuefa_exam_device' ? device : undefined) }
	} as unknown as RequestEvent;
	try {
		return await actions[action]!(event as never);
	} catch (e) {
		// a redirect (after success) is thrown
		return e;
	}
}

describe('the exam page’s forms in a sitting that allows one device', () => {
	afterEach(() => vi.useRealTimers());

	it('save and submit from the device that started the attempt, and from no other', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, {}, {}, { oneDevice: 'on' });
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(5));
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on', deviceId: 'laptop' });
		const [row] = await s.db.select().from(examAttempt).where(eq(examAttempt.id, id));
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
		const [after] = await s.db.select().from(examAttempt).where(eq(examAttempt.id, id));
		expect(after!.state).toBe('graded');
	});
});
