import { redirect } from '@sveltejs/kit';
import { examDeviceId } from '$lib/server/exam-device.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { attemptResult } from '$lib/server/services/exams/view.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	const result = await guard(() => attemptResult(ctx, id, examDeviceId(event)));
	if (result.state === 'in_progress') redirect(303, `/exams/a/${id}`);
	return { result };
};
