import { canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { proctoredSittings } from '$lib/server/services/exams/monitor.ts';
import { myExams } from '$lib/server/services/exams/view.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const mine = ctx.user.personId === null ? null : await guard(() => myExams(ctx));
	return {
		mine,
		proctoring: await proctoredSittings(ctx),
		canManage: canAnywhere(ctx.user, 'exam.manage')
	};
};
