import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { RateLimitedError } from '$lib/server/errors.ts';
import { feedCalendar } from '$lib/server/services/study/feeds.ts';
import type { RequestHandler } from './$types';

/**
 * A calendar subscription, fetched by calendar apps without a login: the unguessable token in the
 * address is the credential. Unknown and revoked tokens are simply not found; a feed fetched far
 * more often than any calendar app polls is answered 429 with Retry-After, which apps honour.
 */
export const GET: RequestHandler = async (event) => {
	let text;
	try {
		text = await feedCalendar(event.locals.db, event.params.token, new Date(), event.url.origin);
	} catch (e) {
		if (!(e instanceof RateLimitedError)) throw e;
		return new Response(t(e.messageKey, e.params), {
			status: 429,
			headers: {
				'Content-Type': 'text/plain; charset=utf-8',
				'Retry-After': String(e.params.seconds),
				'Cache-Control': 'no-store'
			}
		});
	}
	if (text === null) error(404, 'Not found');
	return new Response(text, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="xuefa.ics"',
			'Cache-Control': 'private, no-store'
		}
	});
};
