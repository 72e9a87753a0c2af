/**
 * What a polite live region says while its value keeps changing (a countdown, a saved state, an
 * import's progress). A screen reader reads every change of a live region, which makes a ticking
 * value unusable: it speaks at most once a minute, and the latest value once the minute is up.
 */

/** The least time between two announcements. */
export const ANNOUNCE_EVERY_MS = 60_000;

/** What the live region holds now, and when to ask again for a change held back (or null). */
export interface Announcement {
	say: string;
	askAgainInMs: number | null;
}

/** Throttles one live region's text; the clock is passed in, so it is testable. */
export class Announcer {
	private said = '';
	private saidAt = -Infinity;

	constructor(private readonly everyMs = ANNOUNCE_EVERY_MS) {}

	/**
	 * The text for the live region given the current `text` at time `now` (ms). `urgent` text (an
	 * error, the last minute of an exam) is said at once.
	 */
	next(text: string, now: number, urgent = false): Announcement {
		if (text === this.said) return { say: this.said, askAgainInMs: null };
		const wait = this.saidAt + this.everyMs - now;
		if (urgent || wait <= 0) {
			this.said = text;
			this.saidAt = now;
			return { say: text, askAgainInMs: null };
		}
		return { say: this.said, askAgainInMs: wait };
	}
}
