import { calendarViewInput } from '$lib/schemas/study.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { calendarView } from '$lib/server/services/study/calendar-view.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const input = calendarViewInput.parse(Object.fromEntries(event.url.searchParams));
	return guard(() => calendarView(ctx, input));
};
