import {
	LAW_ROW_FIELDS,
	copyPreviousPlanInput,
	planItemInput,
	publishPlanInput,
	updatePlanInput
} from '$lib/schemas/study.ts';
import { act, done } from '$lib/server/actions.ts';
import { coreMessage } from '$lib/server/core-messages.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { lawChoices } from '$lib/server/services/questions/law-choices.ts';
import { copyPreviousPlan, previousPlanOffer } from '$lib/server/services/study/plan-copy.ts';
import { addPlanItem } from '$lib/server/services/study/plan-items.ts';
import { getPlan, publishPlan, updatePlan } from '$lib/server/services/study/plans.ts';
import { listTeams } from '$lib/server/services/study/teams.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const plan = await getPlan(ctx, Number(event.params.id));
		return {
			...plan,
			warnings: plan.warnings.map((w) => ({
				item: Number(w.path?.split('.')[1] ?? -1),
				text: coreMessage(w.code, w.data)
			})),
			// 复制上一年计划: offered while the plan has no items
			copyFrom:
				plan.manage && plan.items.length === 0 ? await previousPlanOffer(ctx, plan.plan.id) : null,
			asking: event.url.searchParams.get('confirm'),
			laws: plan.manage ? await lawChoices(ctx, 'study.manage') : [],
			teams: plan.manage
				? (await listTeams(ctx)).filter((t) => t.manage && t.unitId === plan.plan.unitId)
				: []
		};
	});
};

export const actions: Actions = {
	addItem: async (event) => {
		const extra = { planId: event.params.id };
		const out = await act(event, 'addItem', planItemInput, addPlanItem, {
			extra,
			rows: LAW_ROW_FIELDS
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'added');
	},
	copyPrevious: async (event) => {
		const extra = { planId: event.params.id };
		const out = await act(event, 'copyPrevious', copyPreviousPlanInput, copyPreviousPlan, {
			extra
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'copied');
	},
	publish: async (event) => {
		const extra = { planId: event.params.id };
		const out = await act(event, 'publish', publishPlanInput, publishPlan, { extra });
		if (out.kind === 'failed') return out.failure;
		done(event, 'published');
	},
	update: async (event) => {
		const extra = { planId: event.params.id };
		const out = await act(event, 'update', updatePlanInput, updatePlan, { extra });
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	}
};
