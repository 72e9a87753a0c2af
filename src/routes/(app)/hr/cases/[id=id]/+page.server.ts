import { shanghaiDate } from '@xuefa/core';
import {
	appointInput,
	assignSittingInput,
	closeCaseInput,
	exemptionInput,
	lapseReviewInput,
	removeExemptionInput
} from '$lib/schemas/hr.ts';
import { act, done } from '$lib/server/actions.ts';
import { coreMessage } from '$lib/server/core-messages.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import {
	assignSitting,
	closeCase,
	recordAppointment
} from '$lib/server/services/hr/case-actions.ts';
import {
	addExemption,
	exemptionKinds,
	removeExemption
} from '$lib/server/services/hr/case-exemptions.ts';
import { caseView } from '$lib/server/services/hr/case-view.ts';
import { reviewLapse } from '$lib/server/services/hr/lapse-review.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const view = await guard(() => caseView(ctx, Number(event.params.id)));
	return {
		...view,
		exemptionKinds: (await exemptionKinds(ctx.db)).map((k) => ({
			value: k,
			label: coreMessage(`promotion.exemption.${k}`)
		})),
		today: shanghaiDate(ctx.now)
	};
};

const caseId = (event: { params: { id: string } }) => ({ extra: { caseId: event.params.id } });

export const actions: Actions = {
	assign: async (event) => {
		const out = await act(event, 'assign', assignSittingInput, assignSitting, caseId(event));
		if (out.kind === 'failed') return out.failure;
		done(event, 'assigned');
	},
	exempt: async (event) => {
		const out = await act(event, 'exempt', exemptionInput, addExemption, caseId(event));
		if (out.kind === 'failed') return out.failure;
		done(event, 'exempted');
	},
	unexempt: async (event) => {
		const out = await act(event, 'unexempt', removeExemptionInput, removeExemption, caseId(event));
		if (out.kind === 'failed') return out.failure;
		done(event, 'exemption_removed');
	},
	appoint: async (event) => {
		const out = await act(event, 'appoint', appointInput, recordAppointment, caseId(event));
		if (out.kind === 'failed') return out.failure;
		done(event, 'appointed');
	},
	close: async (event) => {
		const out = await act(event, 'close', closeCaseInput, closeCase, caseId(event));
		if (out.kind === 'failed') return out.failure;
		done(event, 'closed');
	},
	review: async (event) => {
		const out = await act(event, 'review', lapseReviewInput, reviewLapse, caseId(event));
		if (out.kind === 'failed') return out.failure;
		done(event, 'lapse_reviewed');
	}
};
