import { type Handle, json } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';

export const CHANGE_PASSWORD_PATH = '/account/password';

// What a session holding a one-time password may still reach: the page that changes it, the way
// out, the language switch, and the files the page itself needs.
const ALLOWED = [CHANGE_PASSWORD_PATH, '/logout', '/language'];
const ASSETS = ['/_app/', '/favicon'];

function allowed(path: string): boolean {
	return (
		ALLOWED.some((p) => path === p || path === `${p}/`) || ASSETS.some((p) => path.startsWith(p))
	);
}

/**
 * A one-time password (set by an administrator) grants nothing but the change-password page:
 * every other page redirects there, every action is refused before it runs, and the API answers
 * 403. Checking it here, once for every request, leaves no route that forgets to.
 */
export const handleForcedPasswordChange: Handle = ({ event, resolve }) => {
	const user = event.locals.user;
	if (!user?.mustChangePassword || allowed(event.url.pathname)) return resolve(event);
	if (event.url.pathname.startsWith('/api/')) {
		return json({ message: t('password_change_required') }, { status: 403 });
	}
	// client-side navigation and enhanced forms expect SvelteKit's JSON, not a page
	if (event.isDataRequest) return json({ type: 'redirect', location: CHANGE_PASSWORD_PATH });
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'redirect', status: 303, location: CHANGE_PASSWORD_PATH });
	}
	// a page, or a form posted without JavaScript: the action does not run, the person is shown
	// what to do first
	return new Response(null, { status: 303, headers: { location: CHANGE_PASSWORD_PATH } });
};
