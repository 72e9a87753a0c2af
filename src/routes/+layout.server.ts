import { getLocale } from '$lib/paraglide/runtime.js';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: getLocale(),
	user: locals.user && { displayName: locals.user.displayName, username: locals.user.username }
});
