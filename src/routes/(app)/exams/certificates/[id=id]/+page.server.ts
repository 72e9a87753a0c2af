import { ctxOf, guard } from '$lib/server/http.ts';
import { qrSvg } from '$lib/server/qr.ts';
import { certificatePage } from '$lib/server/services/exams/certificates.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const cert = await guard(() => certificatePage(ctx, Number(event.params.id)));
	const verifyUrl = `${event.url.origin}/verify?code=${encodeURIComponent(cert.code)}`;
	return { cert, verifyUrl, qr: await qrSvg(verifyUrl) };
};
