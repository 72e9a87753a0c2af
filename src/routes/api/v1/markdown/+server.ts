import { error, json } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { renderMarkdown } from '$lib/server/markdown.ts';
import type { RequestHandler } from './$types';

// A stem or an explanation, generously: a case text can run to a few pages.
const MAX_CHARS = 20_000;

/** The editors' live preview: Markdown in, sanitised HTML out, for signed-in users only. */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) error(401, t('error_forbidden'));
	const body = (await request.json().catch(() => null)) as { text?: unknown } | null;
	const text = typeof body?.text === 'string' ? body.text : '';
	if (text.length > MAX_CHARS) error(413, t('err_too_long'));
	return json({ html: renderMarkdown(text) });
};
