import { error, isHttpError, json } from '@sveltejs/kit';
import { MARKDOWN_MAX_LENGTH } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import { PREVIEW_RATE, previewMeterKey, useMeter } from '$lib/server/auth/rate-meter.ts';
import { canAnywhere } from '$lib/server/authz/index.ts';
import { apiErrorResponse } from '$lib/server/http.ts';
import { renderMarkdown } from '$lib/server/markdown.ts';
import type { RequestHandler } from './$types';

/**
 * The question editors' live preview: Markdown in, sanitised HTML out, for those who may edit a
 * bank somewhere (rendering is the costliest thing a request can ask for by the kilobyte: nobody
 * else needs it). The same function renders the saved question, so the preview shows exactly what
 * learners will see. Each person's previews are metered (PREVIEW_RATE, shared by every process);
 * the body is bounded by the route's limit (request/body-limit.ts) before it is read.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) error(401, t('error_forbidden'));
	if (!canAnywhere(locals.user, 'bank.manage')) error(403, t('error_forbidden'));
	try {
		const key = previewMeterKey(locals.user.id);
		await useMeter(locals.db, key, PREVIEW_RATE, new Date(), 'err_preview_rate_limited');
	} catch (e) {
		// 429 with Retry-After and the message the editor shows in place of the preview
		return apiErrorResponse(e);
	}
	const body = (await request.json().catch((e: unknown) => {
		// a body over the route's limit is a 413; anything else unreadable previews as empty
		if (isHttpError(e)) throw e;
		return null;
	})) as { text?: unknown } | null;
	const text = typeof body?.text === 'string' ? body.text : '';
	if (text.length > MARKDOWN_MAX_LENGTH) error(413, t('err_too_long'));
	return json({ html: renderMarkdown(text) });
};
