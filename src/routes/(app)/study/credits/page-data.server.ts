import type { Ctx } from '$lib/server/context.ts';
import { unitCredits } from '$lib/server/services/study/credits.ts';
import { assessmentYearOf } from '$lib/server/year.ts';

/**
 * The credits page at `ctx.now`: the year asked for, else the one being assessed — last year in
 * January and February, as on the oversight pages, since the new year has barely any credits yet
 * and the year-end assessment reads last year's.
 */
export async function creditsPage(ctx: Ctx, url: URL) {
	const all = url.searchParams.get('all') === '1';
	const { year, years, closing } = assessmentYearOf(url, ctx.now);
	return { all, years, closing, ...(await unitCredits(ctx, { year, behindOnly: !all })) };
}
