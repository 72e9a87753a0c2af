import { redirect } from '@sveltejs/kit';
import { shanghaiDate } from '@xuefa/core';
import { HOLIDAY_ROW_FIELDS, calendarYearInput } from '$lib/schemas/calendar.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { makeUpPairing } from '$lib/server/services/calendar/load.ts';
import { calendarYears, saveCalendarYear } from '$lib/server/services/calendar/save-year.ts';
import { SPEAKERS_SHOWN_MAX, speakerSessions } from '$lib/server/services/calendar/speakers.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const years = await calendarYears(ctx);
		const next = Math.max(
			Number(shanghaiDate(ctx.now).slice(0, 4)) + 1,
			...years.map((y) => y.year + 1)
		);
		// ?year=2027: that year's arrangements in the form, to correct a typo without typing it all again
		const asked = event.url.searchParams.get('year');
		const edit = years.find((y) => String(y.year) === asked) ?? null;
		// after a save: the moved or cancelled sessions whose speakers must now be told
		const ids = (event.url.searchParams.get('speakers') ?? '')
			.split(',')
			.map(Number)
			.filter((n) => Number.isSafeInteger(n) && n > 0);
		const speakers = ids.length ? await speakerSessions(ctx, ids) : [];
		return { years, next, edit, speakers, pairing: await makeUpPairing(ctx.db) };
	});
};

export const actions: Actions = {
	save: async (event) => {
		const out = await act(event, 'save', calendarYearInput, saveCalendarYear, {
			rows: HOLIDAY_ROW_FIELDS
		});
		if (out.kind === 'failed') return out.failure;
		// the sessions the new calendar added, moved or cancelled: organisers' plans just changed
		const { changed, speakerSessionIds } = out.result;
		const speakers = speakerSessionIds.slice(0, SPEAKERS_SHOWN_MAX).join(',');
		redirect(
			303,
			`/admin/calendar?done=saved&sessions=${changed}${speakers ? `&speakers=${speakers}` : ''}`
		);
	}
};
