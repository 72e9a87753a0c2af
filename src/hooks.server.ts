import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { appDb, openAppDbOrExit } from '$lib/server/app.ts';
import { handleSession } from '$lib/server/auth/handle.ts';
import { busyErrorMessage, handleBusy } from '$lib/server/http.ts';
import { t } from '$lib/i18n.ts';

export const init: ServerInit = openAppDbOrExit;

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
	handleBusy,
	handleDatabase,
	handleSession
);

export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = crypto.randomUUID();
	const busy = busyErrorMessage(error, event);
	if (busy) return { message: busy, id };
	if (status >= 500) console.error(id, error);
	return { message: status === 404 ? t('error_not_found') : t('error_unexpected'), id };
};
