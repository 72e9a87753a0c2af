import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { appDb } from '$lib/server/app.ts';
import { handleForcedPasswordChange } from '$lib/server/auth/forced-change.ts';
import { handleSession } from '$lib/server/auth/handle.ts';
import { t } from '$lib/i18n.ts';

export const init: ServerInit = async () => {
	await appDb();
};

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const handleDatabase: Handle = async ({ event, resolve }) => {
	event.locals.db = await appDb();
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

export const handle = sequence(
	handleHeaders,
	handleLocale,
	handleDatabase,
	handleSession,
	handleForcedPasswordChange
);

export const handleError: HandleServerError = ({ error, status }) => {
	const id = crypto.randomUUID();
	if (status >= 500) console.error(id, error);
	return { message: status === 404 ? t('error_not_found') : t('error_unexpected'), id };
};
