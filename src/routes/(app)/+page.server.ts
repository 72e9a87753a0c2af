import { canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf } from '$lib/server/http.ts';
import { gradingList } from '$lib/server/services/exams/grading.ts';
import { openSittings } from '$lib/server/services/exams/home.ts';
import { homeSummary } from '$lib/server/services/home/summary.ts';
import { casesWithLapsedEvidence } from '$lib/server/services/hr/cases.ts';
import { overdueOaths } from '$lib/server/services/hr/oaths.ts';
import { practiceToday } from '$lib/server/services/practice/overview.ts';
import { studyAgenda } from '$lib/server/services/study/overview.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const practises = canAnywhere(ctx.user, 'practice.use') && ctx.user.personId !== null;
	return {
		home: await homeSummary(ctx),
		practice: practises ? await practiceToday(ctx) : null,
		study: await studyAgenda(ctx),
		sittings: await openSittings(ctx),
		// HR: the appointees past their oath deadline, so that none is forgotten
		overdueOaths: await overdueOaths(ctx),
		// HR: cases whose pass was voided or regraded after the case relied on it
		lapsedCases: await casesWithLapsedEvidence(ctx),
		// the sittings with answers waiting for a grader, for the grader's part of the page
		grading: canAnywhere(ctx.user, 'exam.grade')
			? (await gradingList(ctx)).filter((s) => s.pending > 0)
			: []
	};
};
