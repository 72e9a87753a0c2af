import { redirect } from '@sveltejs/kit';
import { ASSESSMENT_INDICATORS, DEFAULT_ASSESSMENT_WEIGHTS } from '@xuefa/core';
import { assessmentSettingsInput } from '$lib/schemas/oversight.ts';
import { act } from '$lib/server/actions.ts';
import { canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import {
	DEFAULT_SHARE_PERCENT,
	saveAssessmentSettings
} from '$lib/server/services/oversight/settings.ts';
import { assessment } from '$lib/server/services/oversight/view.ts';
import { assessmentYearOf, unitOf } from '../page-data.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const { year, years, closing } = assessmentYearOf(event.url, ctx.now);
	const unitId = unitOf(event.url);
	const a = await guard(() => assessment(ctx, { year, ...(unitId ? { unitId } : {}) }));
	return {
		year,
		years,
		closing,
		unitId: unitId ?? null,
		root: a.root,
		asOf: a.asOf,
		computedAt: a.computedAt,
		rows: a.rows.map((r) => ({
			id: r.group.id,
			name: r.group.name,
			own: r.group.own,
			rank: r.result.rank ?? null,
			assessed: r.result.assessed,
			indicators: r.result.indicators,
			score: r.result.score,
			shareScore: r.shareScore
		})),
		settings: a.settings,
		defaults: { weights: DEFAULT_ASSESSMENT_WEIGHTS, sharePercent: DEFAULT_SHARE_PERCENT },
		indicators: ASSESSMENT_INDICATORS,
		manage: canAnywhere(ctx.user, 'assessment.manage')
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const out = await act(event, 'settings', assessmentSettingsInput, saveAssessmentSettings);
		if (out.kind === 'failed') return out.failure;
		const back = new URLSearchParams(event.url.searchParams);
		back.delete('/settings');
		back.set('done', 'saved');
		redirect(303, `${event.url.pathname}?${back.toString()}`);
	}
};
