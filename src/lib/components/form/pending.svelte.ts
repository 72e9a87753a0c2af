import type { SubmitFunction } from '@sveltejs/kit';

/**
 * Whether a form sent with `use:enhance` is waiting for its action's answer: its button is
 * disabled meanwhile (a second press would send it twice) and may say what is under way. Without
 * JavaScript the browser's own busy state stands in.
 */
export class Pending {
	active = $state(false);
	readonly #reset: boolean;

	/** `reset: false` keeps what was typed into the form after a successful answer. */
	constructor(options: { reset?: boolean } = {}) {
		this.#reset = options.reset ?? true;
	}

	/** For `use:enhance={pending.track}`. */
	readonly track: SubmitFunction = () => {
		this.active = true;
		return async ({ update }) => {
			try {
				await update({ reset: this.#reset });
			} finally {
				this.active = false;
			}
		};
	};
}
