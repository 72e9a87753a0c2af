import { listCertificatesInput } from '$lib/schemas/certificates.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { exportCertificates } from '$lib/server/services/exams/certificate-list.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const input = listCertificatesInput.parse(Object.fromEntries(event.url.searchParams));
	const list = await guard(() => exportCertificates(ctx, input));
	return xlsxStreamResponse(ctx, list, { nameKey: 'certificates_filename', ascii: 'certificates' });
};
