import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { answerInput, assessInput, nextInput } from '$lib/schemas/practice.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import {
	answerPractice,
	assessPractice,
	nextPractice
} from '$lib/server/services/practice/answer.ts';
import { practiceSessionView } from '$lib/server/services/practice/session.ts';
import { answerFieldsOf } from './fields.ts';
import type { Actions, PageServerLoad } from './$types';

const sessionIdOf = (params: { id: string }) => Number(params.id) || 0;

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const view = await guard(() => practiceSessionView(ctx, sessionIdOf(event.params)));
	// an answered question is shown on its feedback page, whoever asks
	if (view.state === 'answered') redirect(303, `/practice/s/${view.id}/a/${view.answerId}`);
	return { view };
};

// Every action redirects after success, so reloads and the back button never post twice and the
// whole loop works as plain form posts without JavaScript.
export const actions: Actions = {
	answer: async (event) => {
		const sessionId = sessionIdOf(event.params);
		const out = await act(event, 'answer', answerInput, answerPractice, {
			extra: (form) => ({
				sessionId,
				fields: answerFieldsOf(form)
			})
		});
		if (out.kind === 'failed') return out.failure;
		if ('answerId' in out.result)
			redirect(303, `/practice/s/${sessionId}/a/${out.result.answerId}`);
		redirect(303, `/practice/s/${sessionId}`);
	},
	assess: async (event) => {
		const sessionId = sessionIdOf(event.params);
		const out = await act(event, 'assess', assessInput, assessPractice, {
			extra: (form) => ({
				sessionId,
				marks: Object.fromEntries([...form].filter(([k]) => /^(a|p\d{1,2})$/.test(k)))
			})
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/practice/s/${sessionId}/a/${out.result}`);
	},
	next: async (event) => {
		const sessionId = sessionIdOf(event.params);
		const out = await act(event, 'next', nextInput, nextPractice, { extra: { sessionId } });
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/practice/s/${sessionId}`);
	}
};
