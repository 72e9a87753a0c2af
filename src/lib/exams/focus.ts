/**
 * The exam page's watch on leaving it: the tab hidden (visibilitychange) or the window blurred
 * counts once per time away — switching tabs fires both — and is reported to the server, which
 * keeps the count and submits the attempt at the exam's limit. Its answer is the attempt's status.
 */
import type { AttemptStatus } from '$lib/schemas/exam-monitor.ts';

export type { AttemptStatus };

async function asStatus(res: Promise<Response>): Promise<AttemptStatus | null> {
	try {
		const r = await res;
		return r.ok ? ((await r.json()) as AttemptStatus) : null;
	} catch {
		// offline: the next poll or report tries again
		return null;
	}
}

/** The attempt's status now (its deadline may have been extended). */
export function fetchStatus(attemptId: number): Promise<AttemptStatus | null> {
	return asStatus(fetch(`/exams/a/${attemptId}/status`, { cache: 'no-store' }));
}

/**
 * Reports every time away from the page; `onStatus` gets the server's answer, and the status is
 * asked for again on coming back. Returns the function that stops watching.
 */
export function watchFocus(
	attemptId: number,
	onStatus: (s: AttemptStatus | null) => void
): () => void {
	let away = false;
	const leave = (kind: 'hidden' | 'blur') => {
		if (away) return;
		away = true;
		void asStatus(
			fetch(`/exams/a/${attemptId}/focus`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ kind }),
				// sent even while the tab is being hidden
				keepalive: true
			})
		).then(onStatus);
	};
	const back = () => {
		if (!away || document.visibilityState === 'hidden') return;
		away = false;
		void fetchStatus(attemptId).then(onStatus);
	};
	const visibility = () => {
		if (document.visibilityState === 'hidden') leave('hidden');
		else back();
	};
	const blur = () => leave('blur');
	document.addEventListener('visibilitychange', visibility);
	window.addEventListener('blur', blur);
	window.addEventListener('focus', back);
	return () => {
		document.removeEventListener('visibilitychange', visibility);
		window.removeEventListener('blur', blur);
		window.removeEventListener('focus', back);
	};
}
