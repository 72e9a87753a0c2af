import { authorizeAnywhere, canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { CASES_PAGE_SIZE, countCases, listCases } from '$lib/server/services/hr/cases.ts';
import { activeUnitChoices } from '$lib/server/services/units/list.ts';
import { caseFilter, pageOf } from './filter.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const filter = caseFilter(event.url);
	return guard(async () => {
		authorizeAnywhere(ctx, 'promotion.read');
		const total = await countCases(ctx, filter);
		// past the last page (an old link, cases closed since): the last page
		const page = Math.min(pageOf(event.url), Math.max(1, Math.ceil(total / CASES_PAGE_SIZE)));
		return {
			cases: await listCases(ctx, filter, page),
			page,
			pageSize: CASES_PAGE_SIZE,
			total,
			units: await activeUnitChoices(ctx, 'promotion.read'),
			filter,
			manage: canAnywhere(ctx.user, 'promotion.manage')
		};
	});
};
