import { listPeopleInput } from '$lib/schemas/org.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { exportPeople } from '$lib/server/services/people/export.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const input = listPeopleInput.parse(Object.fromEntries(event.url.searchParams));
	const list = await guard(() => exportPeople(ctx, input));
	return xlsxStreamResponse(ctx, list, { nameKey: 'people_filename', ascii: 'people' });
};
