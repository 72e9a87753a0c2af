import { canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { listExams } from '$lib/server/services/exams/manage.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return {
		exams: await guard(() => listExams(ctx)),
		certificateSettings: canAnywhere(ctx.user, 'certificate.policy'),
		certificates: canAnywhere(ctx.user, 'oversight.read')
	};
};
