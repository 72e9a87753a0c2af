import { markInput, releaseResultsInput, sittingActionInput } from '$lib/schemas/grading.ts';
import { act, doneKeeping } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { gradingQueue, markAnswer, markPage } from '$lib/server/services/exams/grading.ts';
import { regradeSitting, releaseResults } from '$lib/server/services/exams/release.ts';
import type { Actions, PageServerLoad } from './$types';
import { MARK_CARD_ID } from './mark-card.ts';

/** Which answers the page lists: one question across all candidates (`q`) or one candidate (`a`). */
function filterOf(url: URL): { key: string } | { attemptId: number } | null {
	const q = url.searchParams.get('q');
	const a = Number(url.searchParams.get('a'));
	if (q && /^\d{1,12}(#\d{1,3})?$/.test(q)) return { key: q };
	if (Number.isInteger(a) && a > 0) return { attemptId: a };
	return null;
}

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	const queue = await guard(() => gradingQueue(ctx, id));
	const filter = filterOf(event.url);
	const page = Number(event.url.searchParams.get('page'));
	const answers = filter
		? await guard(() => markPage(ctx, id, filter, Number.isInteger(page) ? page : 1))
		: null;
	return {
		queue,
		filter,
		answers,
		items: answers?.items ?? [],
		done: event.url.searchParams.get('done'),
		asking: event.url.searchParams.get('confirm')
	};
};

/** Back to the page as it was (the same question or candidate, and page), saying what was done. */
const back = (url: URL, what: string, hash = ''): never =>
	doneKeeping({ url }, what, ['q', 'a', 'page'], hash);

export const actions: Actions = {
	mark: async (event) => {
		const form = await event.request.formData();
		const out = await act(event, 'mark', markInput, markAnswer, { form });
		if (out.kind === 'failed') return out.failure;
		// on to the next answer, where the grader was, not to the top of a long list
		const next = String(form.get('next') ?? '');
		back(event.url, 'marked', MARK_CARD_ID.test(next) ? `#${next}` : '');
	},
	release: async (event) => {
		const extra = { sittingId: event.params.id };
		const out = await act(event, 'release', releaseResultsInput, releaseResults, { extra });
		if (out.kind === 'failed') return out.failure;
		back(event.url, 'released');
	},
	regrade: async (event) => {
		const extra = { sittingId: event.params.id };
		const out = await act(event, 'regrade', sittingActionInput, regradeSitting, { extra });
		if (out.kind === 'failed') return out.failure;
		back(event.url, `regraded-${out.result}`);
	}
};
