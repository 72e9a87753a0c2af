import { certificateEventInput } from '$lib/schemas/certificates.ts';
import { act, done } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { qrSvg } from '$lib/server/qr.ts';
import { recordCertificateEvent } from '$lib/server/services/exams/certificate-events.ts';
import { certificatePage } from '$lib/server/services/exams/certificates.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const cert = await guard(() => certificatePage(ctx, Number(event.params.id)));
	const verifyUrl = `${event.url.origin}/verify?code=${encodeURIComponent(cert.code)}`;
	return {
		cert,
		verifyUrl,
		qr: await qrSvg(verifyUrl),
		done: event.url.searchParams.get('done') === 'recorded'
	};
};

export const actions: Actions = {
	event: async (event) => {
		const out = await act(event, 'event', certificateEventInput, recordCertificateEvent, {
			extra: { certificateId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'recorded');
	}
};
