import { ctxOf, guard } from '$lib/server/http.ts';
import { practiceFeedback } from '$lib/server/services/practice/feedback.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const { id, answerId } = event.params;
	return {
		feedback: await guard(() => practiceFeedback(ctx, Number(id) || 0, Number(answerId) || 0)),
		// the next review reads as a day from the server's now (明天, 3天后)
		now: ctx.now
	};
};
