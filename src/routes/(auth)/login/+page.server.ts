import { redirect } from '@sveltejs/kit';
import { loginInput } from '$lib/schemas/auth.ts';
import { setDeviceCookie, startSession } from '$lib/server/auth/handle.ts';
import { DEVICE_COOKIE } from '$lib/server/auth/trusted-device.ts';
import { invalidateSession } from '$lib/server/auth/session.ts';
import { readConfig } from '$lib/server/config.ts';
import { formInput, formValues } from '$lib/server/forms.ts';
import { invalidForm, localPath, mapError } from '$lib/server/http.ts';
import { DEMO_PASSWORD } from '$lib/server/seed/demo.ts';
import { login } from '$lib/server/services/auth/login.ts';
import type { Actions, PageServerLoad } from './$types';

const DEMO_LOGINS = ['admin', 'organiser', 'street', 'hr', 'grader', 'cadre'];

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
	return readConfig().demo
		? { demo: { password: DEMO_PASSWORD, logins: DEMO_LOGINS } }
		: { demo: null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = formValues(form, loginInput);
		const parsed = loginInput.safeParse(formInput(form, loginInput));
		if (!parsed.success) return invalidForm('default', values, parsed.error.issues);
		const now = new Date();
		let result;
		try {
			result = await login(
				{ db: event.locals.db, now, address: event.getClientAddress() },
				parsed.data,
				event.cookies.get(DEVICE_COOKIE)
			);
		} catch (e) {
			return mapError(e, 'default', values);
		}
		// the browser's previous session (if any) ends: one browser, one session
		if (event.locals.session) await invalidateSession(event.locals.db, event.locals.session.id);
		await startSession(event, result.userId, now);
		setDeviceCookie(event, result.deviceToken);
		redirect(
			303,
			result.mustChangePassword
				? '/account/password'
				: localPath(event.url.searchParams.get('next'))
		);
	}
};
