import type { ActionResult } from '@sveltejs/kit';
import { deserialize } from '$app/forms';

/**
 * Posts a form to its action the way `use:enhance` does, but through XMLHttpRequest, whose upload
 * events let the page show how much of a large file has been sent.
 */
export function postWithProgress(
	form: HTMLFormElement,
	submitter: HTMLElement | null,
	onProgress: (fraction: number | null) => void
): Promise<ActionResult> {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		const action = submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? '';
		xhr.open('POST', new URL(action, location.href).href);
		xhr.setRequestHeader('accept', 'application/json');
		xhr.setRequestHeader('x-sveltekit-action', 'true');
		xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : null);
		// sent: the server is reading and checking the file now
		xhr.upload.onload = () => onProgress(1);
		xhr.onload = () => resolve(deserialize(xhr.responseText));
		xhr.onerror = () => reject(new Error('network'));
		xhr.send(new FormData(form));
	});
}
