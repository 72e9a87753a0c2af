/**
 * The paper a start brings back with it, handed to the exam page the browser opens next. On exam
 * day the whole roster presses start within seconds: a start that answers with the paper spares
 * the server the page's own request for it, a third of what starting costs. Held in the browser's
 * memory for that one navigation and taken once; the server never holds one (its modules are
 * shared by every request), and a reload or another device asks the server as before.
 */
import { browser } from '$app/environment';
import type { AttemptPaper } from '$lib/server/services/exams/view.ts';

let held: AttemptPaper | null = null;

/** Keeps the paper of the attempt just started (or resumed) for the exam page about to open. */
export function handOver(paper: AttemptPaper): void {
	if (browser) held = paper;
}

/** The paper handed over for attempt `id`, once; null when there is none (the page asks the server). */
export function takeHandedOver(id: number): AttemptPaper | null {
	if (!browser || held?.id !== id) return null;
	const paper = held;
	held = null;
	return paper;
}
