import { type RequestEvent, isRedirect } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actions } from '../../../../routes/(app)/exams/s/[id=id]/+page.server.ts';
import { POST } from '../../../../routes/(app)/exams/s/[id=id]/start/+server.ts';
import type { Ctx } from '../../context.ts';
import { at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { saveAnswers } from './attempts.ts';

/** A start posted with `fields` to `url`, as a browser posts the sitting page's form. */
function startEvent(ctx: Ctx, sittingId: number, url: string, fields: Record<string, string>) {
	return {
		locals: { db: ctx.db, user: ctx.user },
		params: { id: String(sittingId) },
		url: new URL(url),
		request: new Request(url, { method: 'POST', body: new URLSearchParams(fields) }),
		cookies: { get: () => 'phone', set: () => undefined }
	} as unknown as RequestEvent;
}

/** The page with JavaScript: its start endpoint's status and JSON answer (the paper, or why not). */
async function startWithScript(ctx: Ctx, sittingId: number, fields: Record<string, string>) {
	const url = `http://localhost/exams/s/${sittingId}/start`;
	const res = await POST(startEvent(ctx, sittingId, url, fields) as never);
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The page without JavaScript: what the form action answered, or threw (a redirect). */
async function startWithoutScript(ctx: Ctx, sittingId: number, fields: Record<string, string>) {
	const url = `http://localhost/exams/s/${sittingId}?/start`;
	try {
		return await actions.start!(startEvent(ctx, sittingId, url, fields) as never);
	} catch (e) {
		return e;
	}
}

describe('the start of an exam', () => {
	afterEach(() => vi.useRealTimers());

	it('answers a page with JavaScript with the paper itself — no keys — and one without with the way to it', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(5));

		const started = await startWithScript(ctx, sittingId, { confirm: 'on' });
		expect(started.status).toBe(200);
		const paper = started.body as {
			id: number;
			open: boolean;
			items: { questionId: string }[];
			answers: object;
			deadline: number;
		};
		expect(paper).toMatchObject({ open: true, answers: {} });
		expect(paper.items.length).toBeGreaterThan(0);
		// the server's deadline (the window closes at 11:00, before 120 minutes are up)
		expect(paper.deadline).toBe(at(120).getTime());
		const text = JSON.stringify(paper);
		expect(text).toContain('依法行政');
		for (const secret of ['"correct"', 'explanation', 'optionOrder', '"seed"'])
			expect(text).not.toContain(secret);

		// pressing start again (another tab) resumes the attempt, with what was saved meanwhile
		const questionId = paper.items[0]!.questionId;
		await saveAnswers(ctx, {
			attemptId: paper.id,
			saves: [{ questionId, seq: 1, response: { type: 'single', choice: 'A' }, flagged: true }]
		});
		const again = await startWithScript(ctx, sittingId, { confirm: 'on' });
		expect(again.body.id).toBe(paper.id);
		expect((again.body.answers as Record<string, unknown>)[questionId]).toMatchObject({
			flagged: true,
			seq: 1
		});

		// without JavaScript: the usual 303 to the exam page
		const plain = await startWithoutScript(ctx, sittingId, { confirm: 'on' });
		expect(isRedirect(plain) && plain.location).toBe(`/exams/a/${paper.id}`);
	});

	it('still asks for the rules to be confirmed first, and says so as the form would', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(5));
		const refused = await startWithScript(ctx, sittingId, {});
		expect(refused.status).toBe(400);
		expect(refused.body).toMatchObject({ kind: 'invalid', action: 'start' });
		expect((refused.body.errors as Record<string, string>).confirm).toBeTruthy();
		const plain = await startWithoutScript(ctx, sittingId, {});
		expect(plain).toMatchObject({ status: 400, data: { kind: 'invalid' } });
	});

	it('refuses a start before the window opens with the reason, not a paper', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const ctx = await candidateCtx(s.db, s.cadre.user.id, -30);
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(-30));
		const refused = await startWithScript(ctx, sittingId, { confirm: 'on' });
		expect(refused.status).toBe(400);
		expect(refused.body).toMatchObject({ kind: 'invalid', message: '考试尚未开始' });
		expect(refused.body.id).toBeUndefined();
	});
});
