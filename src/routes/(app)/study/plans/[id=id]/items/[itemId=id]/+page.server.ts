import { redirect } from '@sveltejs/kit';
import { LAW_ROW_FIELDS, deletePlanItemInput, updatePlanItemInput } from '$lib/schemas/study.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { NotFoundError } from '$lib/server/errors.ts';
import { lawChoices } from '$lib/server/services/questions/law-choices.ts';
import { loadPlanItem } from '$lib/server/services/study/access.ts';
import { deletePlanItem, updatePlanItem } from '$lib/server/services/study/plan-items.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const { item, plan } = await loadPlanItem(ctx, Number(event.params.itemId), 'study.manage');
		if (plan.id !== Number(event.params.id)) throw new NotFoundError();
		return {
			item,
			plan: { id: plan.id, title: plan.title },
			laws: await lawChoices(ctx, 'study.manage')
		};
	});
};

export const actions: Actions = {
	update: async (event) => {
		const extra = { itemId: event.params.itemId };
		const out = await act(event, 'update', updatePlanItemInput, updatePlanItem, {
			extra,
			rows: LAW_ROW_FIELDS
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/study/plans/${out.result}?done=saved`);
	},
	delete: async (event) => {
		const extra = { itemId: event.params.itemId };
		const out = await act(event, 'delete', deletePlanItemInput, deletePlanItem, { extra });
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/study/plans/${out.result}?done=deleted`);
	}
};
