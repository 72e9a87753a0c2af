import { redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime.js';
import { localPath } from '$lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/** Remembers the chosen language for a year (a cookie the client-side runtime can read too). */
export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = String(form.get('locale') ?? '');
		if (isLocale(locale)) {
			cookies.set(cookieName, locale, {
				path: '/',
				maxAge: 365 * 24 * 60 * 60,
				httpOnly: false,
				sameSite: 'lax'
			});
		}
		redirect(303, localPath(String(form.get('redirectTo') ?? '/')));
	}
};
