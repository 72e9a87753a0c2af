import { listCertificatesInput } from '$lib/schemas/certificates.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { listCertificates } from '$lib/server/services/exams/certificate-list.ts';
import { activeUnitChoices } from '$lib/server/services/units/list.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const input = listCertificatesInput.parse(Object.fromEntries(event.url.searchParams));
	return guard(async () => ({
		certificates: await listCertificates(ctx, input),
		units: await activeUnitChoices(ctx, 'oversight.read'),
		filter: { state: input.state, unitId: input.unitId ?? null }
	}));
};
