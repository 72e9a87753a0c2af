import { redirect } from '@sveltejs/kit';
import { creditExemptionInput, revokeCreditExemptionInput } from '$lib/schemas/exams.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { sittingAnalysis } from '$lib/server/services/exams/analysis.ts';
import {
	grantCreditExemption,
	revokeCreditExemption
} from '$lib/server/services/exams/eligibility.ts';
import { sittingResults } from '$lib/server/services/exams/manage.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	return {
		results: await guard(() => sittingResults(ctx, id)),
		analysis: await guard(() => sittingAnalysis(ctx, id)),
		updated: event.url.searchParams.has('updated')
	};
};

export const actions: Actions = {
	exempt: async (event) => {
		const out = await act(event, 'exempt', creditExemptionInput, grantCreditExemption, {
			extra: { sittingId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/exams/manage/sittings/${event.params.id}`);
	},
	revoke: async (event) => {
		const out = await act(event, 'revoke', revokeCreditExemptionInput, revokeCreditExemption, {
			extra: { sittingId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/exams/manage/sittings/${event.params.id}`);
	}
};
