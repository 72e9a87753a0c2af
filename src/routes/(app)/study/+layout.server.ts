import { canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf } from '$lib/server/http.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const { user } = ctxOf(event);
	return { studyRead: canAnywhere(user, 'study.read') };
};
