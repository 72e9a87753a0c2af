import { redirect } from '@sveltejs/kit';
import { checkInInput } from '$lib/schemas/study.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf } from '$lib/server/http.ts';
import { checkIn } from '$lib/server/services/study/checkin.ts';
import type { Actions, PageServerLoad } from './$types';

// A QR code on the room screen opens this page with the session and the code filled in; the
// cadre still presses the button (a link alone never changes anything).
export const load: PageServerLoad = async (event) => {
	ctxOf(event);
	const s = event.url.searchParams.get('s') ?? '';
	const c = event.url.searchParams.get('c') ?? '';
	return {
		sessionId: /^\d{1,10}$/.test(s) ? s : '',
		code: /^\d{6}$/.test(c) ? c : ''
	};
};

export const actions: Actions = {
	default: async (event) => {
		const out = await act(event, 'checkin', checkInInput, checkIn);
		if (out.kind === 'failed') return out.failure;
		const { sessionId, status, already } = out.result;
		redirect(
			303,
			`/study/sessions/${sessionId}?done=${already ? 'already' : status === 'late' ? 'late' : 'checkedin'}`
		);
	}
};
