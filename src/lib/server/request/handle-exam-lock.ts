import { type Handle, json } from '@sveltejs/kit';
import { and, eq, gt, sql } from 'drizzle-orm';
import { t } from '$lib/i18n.ts';
import { prepared } from '../db/prepared.ts';
import { examAttempt } from '../db/schema/index.ts';

/**
 * The parts of the app that show answer keys, explanations or reference answers of questions:
 * practice (feedback, the mistake book), the question banks (and their exports), the exam
 * staff's pages (grading, results, item analysis) and the review of a finished attempt (the
 * right answers, when its exam shows them: a retake draws from the same banks).
 */
const KEYED = ['/practice', '/banks', '/exams/grading', '/exams/manage', '/exams/a/[id=id]/result'];
const RESULT = '/(app)/exams/a/[id=id]/result';

/**
 * Whether the route SvelteKit matched is one of those: read from its id (groups left out), not
 * from the address, which may spell the same route in escapes (`/%62anks` is `/banks` to the
 * router). No route matched: nothing is served.
 */
function keyed(routeId: string | null): boolean {
	if (routeId === null) return false;
	const path = routeId.replace(/\/\([^)]*\)/g, '') || '/';
	return KEYED.some((p) => path === p || path.startsWith(`${p}/`));
}

/** The person's attempt still running (in progress, before its deadline), if any. */
const runningAttempt = prepared((db) =>
	db
		.select({ id: examAttempt.id })
		.from(examAttempt)
		.where(
			and(
				eq(examAttempt.personId, sql.placeholder('personId')),
				eq(examAttempt.state, 'in_progress'),
				gt(examAttempt.deadline, sql.placeholder('now'))
			)
		)
		.limit(1)
		.prepare()
);

/**
 * While someone sits an exam, nothing in the app may show them the key to a question that could
 * be on their paper: practice and the banks serve the same questions with their keys, and an
 * organiser or grader who sits the annual exam like everyone else could read them there. Those
 * pages send the person back to their exam (the exam page says why), actions do not run and
 * downloads are refused; once the attempt is submitted or its time is up, all is as before.
 * Checked here, once for every such request, so that no route of theirs can forget.
 */
export const handleExamLock: Handle = async ({ event, resolve }) => {
	const personId = event.locals.user?.personId ?? null;
	if (personId === null || !keyed(event.route.id)) return resolve(event);
	const [running] = await runningAttempt(event.locals.db).all({
		personId,
		now: Date.now()
	});
	// the running attempt's own result page sends the candidate back to it by itself (a timer that
	// ran out a moment before the server's), without saying that anything is closed
	if (!running || (event.route.id === RESULT && event.params.id === String(running.id)))
		return resolve(event);
	const location = `/exams/a/${running.id}?paused=1`;
	if (event.isDataRequest) return json({ type: 'redirect', location });
	if (event.request.headers.get('x-sveltekit-action') === 'true')
		return json({ type: 'redirect', status: 303, location });
	if (event.request.method === 'GET' || event.request.method === 'POST')
		return new Response(null, { status: 303, headers: { location } });
	return json({ message: t('exam_paused_elsewhere') }, { status: 403 });
};
