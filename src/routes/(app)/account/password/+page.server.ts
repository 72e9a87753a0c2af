import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { changePasswordInput } from '$lib/schemas/auth.ts';
import { startSession } from '$lib/server/auth/handle.ts';
import { ctxOf } from '$lib/server/http.ts';
import { changePassword } from '$lib/server/services/auth/change-password.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = ctxOf(event);
	return { forced: user.mustChangePassword, changed: event.url.searchParams.has('changed') };
};

export const actions: Actions = {
	default: async (event) => {
		const address = event.getClientAddress();
		const out = await act(event, 'default', changePasswordInput, (ctx, input) =>
			changePassword(ctx, input, address)
		);
		if (out.kind === 'failed') return out.failure;
		// every session ended with the change; this browser gets a fresh one
		await startSession(event, event.locals.user!.id, new Date());
		redirect(303, '/account/password?changed=1');
	}
};
