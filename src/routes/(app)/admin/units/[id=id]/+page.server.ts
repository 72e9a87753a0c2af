import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { moveUnitInput, renameUnitInput, setUnitActiveInput } from '$lib/schemas/org.ts';
import { authorize } from '$lib/server/authz/index.ts';
import { saved } from '$lib/server/forms.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import { moveUnit, renameUnit, setUnitActive } from '$lib/server/services/units/mutate.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const unitId = Number(event.params.id);
	return guard(async () => {
		const path = await authorize(ctx, 'unit.manage', Number.isInteger(unitId) ? unitId : 0);
		const all = flatten(await listUnits(ctx, 'unit.manage'));
		const unit = all.find((u) => u.id === unitId)!;
		return {
			unit: {
				id: unit.id,
				name: unit.name,
				kind: unit.kind,
				active: unit.active,
				parentId: unit.parentId
			},
			// a unit can move under any active unit in scope except itself and its own subtree
			parents: all
				.filter((u) => u.active && !u.path.startsWith(path))
				.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
			created: event.url.searchParams.has('created')
		};
	});
};

const withId = (event: { params: { id: string } }) => ({ unitId: event.params.id });

export const actions: Actions = {
	rename: async (event) => {
		const out = await act(event, 'rename', renameUnitInput, renameUnit, { extra: withId(event) });
		if (out.kind === 'failed') return out.failure;
		return saved('unit_saved');
	},
	move: async (event) => {
		const out = await act(event, 'move', moveUnitInput, moveUnit, { extra: withId(event) });
		if (out.kind === 'failed') return out.failure;
		return saved('unit_saved');
	},
	setActive: async (event) => {
		const out = await act(event, 'setActive', setUnitActiveInput, setUnitActive, {
			extra: withId(event)
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/admin/units/${event.params.id}`);
	}
};
