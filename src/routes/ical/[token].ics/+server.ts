import { error } from '@sveltejs/kit';
import { feedCalendar } from '$lib/server/services/study/feeds.ts';
import type { RequestHandler } from './$types';

/**
 * A calendar subscription, fetched by calendar apps without a login: the unguessable token in the
 * address is the credential. Unknown and revoked tokens are simply not found.
 */
export const GET: RequestHandler = async (event) => {
	const text = await feedCalendar(
		event.locals.db,
		event.params.token,
		new Date(),
		event.url.origin
	);
	if (text === null) error(404, 'Not found');
	return new Response(text, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="xuefa.ics"',
			'Cache-Control': 'private, no-store'
		}
	});
};
