import { listPeopleInput } from '$lib/schemas/org.ts';
import { authorizeAnywhere, canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import { listPeople } from '$lib/server/services/people/list.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		authorizeAnywhere(ctx, 'person.read');
		const input = listPeopleInput.parse(Object.fromEntries(event.url.searchParams));
		const [people, units] = await Promise.all([
			listPeople(ctx, input),
			listUnits(ctx, 'person.read')
		]);
		return {
			filter: { q: input.q, unitId: input.unitId ?? null },
			people,
			units: flatten(units).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
			canCreate: canAnywhere(ctx.user, 'person.manage')
		};
	});
};
