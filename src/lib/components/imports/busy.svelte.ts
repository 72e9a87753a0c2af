import type { SubmitFunction } from '@sveltejs/kit';
import { applyAction } from '$app/forms';
import { postWithProgress } from './upload.ts';

export type BusyStep = 'uploading' | 'checking' | 'importing';

/**
 * What an import page waits for (one request at a time): shown by ImportBusy, and its buttons are
 * disabled meanwhile. Without JavaScript the browser's own busy state stands in.
 */
export class ImportBusyState {
	step = $state<BusyStep | null>(null);
	/** How much of an upload has been sent (0–1), null while its size is unknown. */
	sent = $state<number | null>(null);

	/** For `use:enhance`: busy with `step` until the action has answered. */
	track(step: BusyStep): SubmitFunction {
		return () => {
			this.step = step;
			return async ({ update }) => {
				await update();
				this.step = null;
			};
		};
	}

	/**
	 * For `use:enhance` on a form that uploads a large file: sends it showing how much has gone,
	 * then waits for the check. Should the request fail, the form is sent the plain way.
	 */
	withProgress(): SubmitFunction {
		return ({ formElement, submitter, cancel }) => {
			cancel();
			void this.upload(formElement, submitter);
		};
	}

	private async upload(form: HTMLFormElement, submitter: HTMLElement | null) {
		this.step = 'uploading';
		this.sent = 0;
		try {
			const result = await postWithProgress(form, submitter, (fraction) => {
				this.sent = fraction;
				if (fraction === 1) this.step = 'checking';
			});
			await applyAction(result);
		} catch {
			form.submit();
		} finally {
			this.step = null;
		}
	}
}
