import { type RequestEvent, isActionFailure, isRedirect } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actions } from '../../../../routes/(app)/exams/s/[id=id]/+page.server.ts';
import type { Ctx } from '../../context.ts';
import { at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { saveAnswers } from './attempts.ts';

/**
 * The sitting page's start, posted with `fields` (a page with JavaScript adds paper=inline): what
 * it answered, or threw (a redirect), with the paper read as the page reads it.
 */
async function postStart(ctx: Ctx, sittingId: number, fields: Record<string, string>) {
	const url = `http://localhost/exams/s/${sittingId}?/start`;
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const event = {
		locals: { db: ctx.db, user: ctx.user },
		params: { id: String(sittingId) },
		url: new URL(url),
		request: new Request(url, { method: 'POST', body }),
		cookies: { get: () => 'phone', set: () => undefined }
	} as unknown as RequestEvent;
	try {
		const out = (await actions.start!(event as never)) as { paper?: string };
		return out?.paper ? { ...out, paper: JSON.parse(out.paper) as unknown } : out;
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

		const started = (await postStart(ctx, sittingId, { confirm: 'on', paper: 'inline' })) as {
			kind: string;
			paper: { id: number; open: boolean; items: unknown[]; answers: object; deadline: number };
		};
		expect(started.kind).toBe('started');
		expect(started.paper).toMatchObject({ open: true, answers: {} });
		expect(started.paper.items.length).toBeGreaterThan(0);
		// the server's deadline (the window closes at 11:00, before 120 minutes are up)
		expect(started.paper.deadline).toBe(at(120).getTime());
		const text = JSON.stringify(started);
		expect(text).toContain('依法行政');
		for (const secret of ['"correct"', 'explanation', 'optionOrder', '"seed"'])
			expect(text).not.toContain(secret);

		// pressing start again (another tab) resumes the attempt, with what was saved meanwhile
		const questionId = (started.paper.items[0] as { questionId: string }).questionId;
		await saveAnswers(ctx, {
			attemptId: started.paper.id,
			saves: [{ questionId, seq: 1, response: { type: 'single', choice: 'A' }, flagged: true }]
		});
		const again = (await postStart(ctx, sittingId, { confirm: 'on', paper: 'inline' })) as {
			paper: { id: number; answers: Record<string, unknown> };
		};
		expect(again.paper.id).toBe(started.paper.id);
		expect(again.paper.answers[questionId]).toMatchObject({ flagged: true, seq: 1 });

		// without JavaScript: the usual 303 to the exam page
		const plain = await postStart(ctx, sittingId, { confirm: 'on' });
		expect(isRedirect(plain) && plain.location).toBe(`/exams/a/${started.paper.id}`);
	});

	it('still asks for the rules to be confirmed first', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(5));
		const refused = await postStart(ctx, sittingId, { paper: 'inline' });
		expect(isActionFailure(refused)).toBe(true);
	});
});
