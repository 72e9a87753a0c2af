import type { Ctx } from '$lib/server/context.ts';
import { teamRates } from '$lib/server/services/study/rates.ts';
import { getTeam } from '$lib/server/services/study/teams.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import { assessmentYearOf } from '$lib/server/year.ts';

/**
 * A team's page at `ctx.now`: its members, and their attendance in the year asked for, else the
 * one being assessed — last year in January and February, as on the oversight pages, when the
 * new year has held hardly a session.
 */
export async function teamPage(ctx: Ctx, teamId: number, url: URL) {
	const team = await getTeam(ctx, teamId);
	const { year, years, closing } = assessmentYearOf(url, ctx.now);
	return {
		...team,
		year,
		years,
		closing,
		rates: await teamRates(ctx.db, teamId, year),
		units: team.manage
			? flatten(await listUnits(ctx, 'study.manage'))
					.filter((u) => u.active)
					.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))
			: []
	};
}
