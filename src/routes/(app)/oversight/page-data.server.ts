import type { RequestEvent } from '@sveltejs/kit';
import type { FigureLink } from '$lib/oversight.ts';
import type { SessionUser } from '$lib/server/auth/session-user.ts';
import { can, canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { dashboard } from '$lib/server/services/oversight/view.ts';
import { assessmentYearOf } from '$lib/server/year.ts';

export { assessmentYearOf };

/** The unit asked for (`?unit=`), if any: the assessment of that unit's sub-units. */
export function unitOf(url: URL): number | undefined {
	const id = Number(url.searchParams.get('unit'));
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The list behind each figure, where one exists and the viewer may open it. */
export function figureLinks(user: SessionUser, unitId: number | null) {
	const study = canAnywhere(user, 'study.read');
	const hr = canAnywhere(user, 'promotion.read');
	// the certificate list keeps to the viewer's oversight, like the dashboard
	const certificates = (state: string) =>
		`/exams/certificates?state=${state}${unitId ? `&unitId=${unitId}` : ''}`;
	const links: Record<FigureLink, string | null> = {
		plans: study ? '/study/plans' : null,
		calendar: study ? '/study/calendar' : null,
		readings: study ? '/study/readings' : null,
		exams: canAnywhere(user, 'exam.manage') ? '/exams/manage' : null,
		certInForce: certificates('in_force'),
		certExpiring: certificates('expiring_soon'),
		certExpired: certificates('expired'),
		oaths: hr ? '/hr/oaths' : null,
		cases: hr ? `/hr/cases?${unitId ? `unit=${unitId}&` : ''}state=open` : null
	};
	return links;
}

/** Everything the dashboard pages show: the district view, or one unit's (`unitId`). */
export async function dashboardPage(event: RequestEvent, unitId?: number) {
	const ctx = ctxOf(event);
	const { year, years, closing } = assessmentYearOf(event.url, ctx.now);
	// a refresh running in the background is not the page's business (a promise would be streamed)
	const { refreshing: _refreshing, ...view } = await guard(() =>
		dashboard(ctx, { year, ...(unitId ? { unitId } : {}) })
	);
	// the way back up: the parent unit's dashboard while it is within the viewer's oversight
	const root = view.root;
	const parentPath = root ? root.path.replace(/\d+\/$/, '') : '';
	const up = !unitId
		? null
		: root?.parentId && can(ctx.user, 'oversight.read', parentPath)
			? `/oversight/units/${root.parentId}`
			: '/oversight';
	return {
		...view,
		year,
		years,
		closing,
		up,
		links: figureLinks(ctx.user, view.root?.id ?? null)
	};
}
