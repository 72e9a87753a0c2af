import { error } from '@sveltejs/kit';
import { verifyInput } from '$lib/schemas/exams.ts';
import { RateLimitedError } from '$lib/server/errors.ts';
import { mapError } from '$lib/server/http.ts';
import { verifyCertificate } from '$lib/server/services/exams/certificates.ts';
import type { PageServerLoad } from './$types';

// Public: anyone may check a certificate by its code, typed or from the QR code (a GET, so the
// scanned link opens the answer). Each lookup counts against the address's allowance.
export const load: PageServerLoad = async (event) => {
	const code = event.url.searchParams.get('code');
	if (code === null) return { code: '', result: null };
	const parsed = verifyInput.safeParse({ code });
	if (!parsed.success) return { code, result: null };
	try {
		const result = await verifyCertificate(
			{ db: event.locals.db, now: new Date(), address: event.getClientAddress() },
			parsed.data
		);
		return { code, result };
	} catch (e) {
		const failure = mapError(e, 'default', { code });
		// when the address may look again (or, the database busy, try again): not a fixed guess;
		// a refusal that waiting does not change says no time
		if (e instanceof RateLimitedError)
			event.setHeaders({ 'Retry-After': String(Number(e.params.minutes) * 60) });
		else if (failure.status === 503) event.setHeaders({ 'Retry-After': '5' });
		// the status says it to scripts and monitors (429 too many lookups, 503 busy); the page
		// next to this one (+error.svelte) shows the message with the form, the code typed in it
		error(failure.status, failure.data.message);
	}
};
