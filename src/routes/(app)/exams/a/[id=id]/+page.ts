import { error, redirect } from '@sveltejs/kit';
import { takeHandedOver } from '$lib/exams/handoff.ts';
import type { AttemptPaper } from '$lib/server/services/exams/view.ts';
import type { PageLoad } from './$types';

/**
 * The paper: the one the start just brought (lib/exams/handoff.ts), else the server's
 * (./paper/+server.ts) — in the page's HTML, on a reload, on coming back from elsewhere.
 */
export const load: PageLoad = async ({ params, url, fetch }) => {
	const id = Number(params.id);
	const paper = takeHandedOver(id) ?? (await fetchPaper(fetch, id, url));
	if (!paper.open) redirect(303, `/exams/a/${id}/result`);
	const q = Number(url.searchParams.get('q'));
	return {
		paper,
		q: Number.isInteger(q) && q >= 1 && q <= paper.items.length ? q - 1 : 0,
		review: url.searchParams.has('review'),
		// sent back here from practice or the banks (request/handle-exam-lock.ts)
		paused: url.searchParams.has('paused')
	};
};

async function fetchPaper(fetch: typeof globalThis.fetch, id: number, url: URL) {
	// JSON errors too: asked from the server's own render, a request without `accept` gets HTML
	const res = await fetch(`/exams/a/${id}/paper`, { headers: { accept: 'application/json' } });
	// signed out meanwhile: to the login, and back here after it
	if (res.status === 401)
		redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	// sent elsewhere first (a one-time password to change): there
	if (res.redirected) redirect(303, new URL(res.url).pathname);
	if (!res.ok) {
		const body = (await res.json().catch(() => null)) as App.Error | null;
		error(res.status, body?.message ?? res.statusText);
	}
	return (await res.json()) as AttemptPaper;
}
