import { count, eq, gt, and, asc } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { examAttempt, person, unit } from '../../db/schema/index.ts';
import { type ListExport, inPages, keysetPages } from '../../spreadsheet/index.ts';
import { cellTime as time, zh, zhColumn } from '../../spreadsheet/zh.ts';
import { sittingResults } from './manage.ts';
import { loadWatchedSitting } from './monitor.ts';

const score = (state: string, value: number | null) =>
	state === 'graded' && value !== null ? String(value) : '';

/** Who made an attempt and when, the columns both workbooks begin with. */
const attemptColumns = () => [
	zhColumn('results_employee_no', 14, true),
	zhColumn('results_name', 12),
	zhColumn('results_unit', 24),
	zhColumn('results_attempt', 8),
	zhColumn('results_state', 12),
	zhColumn('results_started', 18),
	zhColumn('results_submitted', 18)
];

type Credits = Awaited<ReturnType<typeof sittingResults>>['rows'][number]['credits'];

/** 资格 in words: eligible, exempt (with the reason) or not eligible. */
function eligibility(c: NonNullable<Credits>): string {
	if (c.exemption) return zh('results_credits_exempt', { reason: c.exemption.reason });
	return zh(c.eligible ? 'credits_eligible' : 'credits_ineligible');
}

/**
 * A sitting's results with Chinese headers: one row per person on the roster, the attempt that
 * counts under the exam's policy (their latest while none is graded; 次数 says which, 作答次数 how
 * many they made), as the page shows it. The roster is read whole with its results. A sitting that
 * requires study credits adds each person's credits earned and required, and their eligibility.
 */
export async function resultsWorkbook(ctx: Ctx, sittingId: number): Promise<ListExport> {
	const r = await sittingResults(ctx, sittingId);
	const credits = r.credits !== null;
	return {
		sheet: zh('results_sheet'),
		columns: [
			...attemptColumns(),
			zhColumn('results_attempts', 10),
			zhColumn('results_score', 10),
			zhColumn('results_band', 10),
			zhColumn('results_passed', 10),
			...(credits
				? [
						zhColumn('results_credits_earned', 10),
						zhColumn('results_credits_required', 10),
						zhColumn('results_eligibility', 24)
					]
				: [])
		],
		rows: r.rows.length,
		pages: inPages(
			r.rows.map((p) => {
				const a = p.attempt;
				const c = p.credits;
				return [
					p.employeeNo,
					p.name,
					p.unitName,
					a ? String(a.number) : '',
					zh(`attempt_state_${a?.state ?? 'not_started'}`),
					time(a?.startedAt),
					time(a?.submittedAt),
					String(p.attempts),
					a ? score(a.state, a.score) : '',
					a?.band ? zh(`exam_band_${a.band}`) : '',
					a?.passed == null ? '' : zh(a.passed ? 'exam_passed' : 'exam_failed'),
					...(c ? [String(c.earned), String(c.required), eligibility(c)] : [])
				];
			})
		)
	};
}

/**
 * Every attempt of a sitting, in the order they were started (retakes included), for its
 * organisers and proctors: state, started, submitted, score. Read a page at a time.
 */
export async function attemptsWorkbook(ctx: Ctx, sittingId: number): Promise<ListExport> {
	await loadWatchedSitting(ctx, sittingId);
	const [total] = await ctx.db
		.select({ n: count() })
		.from(examAttempt)
		.where(eq(examAttempt.sittingId, sittingId));
	const fetch = (after: { id: number } | undefined, limit: number) =>
		ctx.db
			.select({
				id: examAttempt.id,
				employeeNo: person.employeeNo,
				name: person.name,
				unitName: unit.name,
				number: examAttempt.number,
				state: examAttempt.state,
				startedAt: examAttempt.startedAt,
				submittedAt: examAttempt.submittedAt,
				autoSubmitted: examAttempt.autoSubmitted,
				score: examAttempt.score,
				maxScore: examAttempt.maxScore
			})
			.from(examAttempt)
			.innerJoin(person, eq(person.id, examAttempt.personId))
			.innerJoin(unit, eq(unit.id, person.unitId))
			.where(and(eq(examAttempt.sittingId, sittingId), after && gt(examAttempt.id, after.id)))
			.orderBy(asc(examAttempt.id))
			.limit(limit);
	async function* pages() {
		for await (const page of keysetPages(fetch))
			yield page.map((a) => [
				a.employeeNo,
				a.name,
				a.unitName,
				String(a.number),
				zh(`attempt_state_${a.state}`),
				time(a.startedAt),
				time(a.submittedAt),
				a.autoSubmitted ? zh('results_auto') : '',
				score(a.state, a.score),
				a.maxScore === null ? '' : String(a.maxScore)
			]);
	}
	return {
		sheet: zh('attempts_sheet'),
		columns: [
			...attemptColumns(),
			zhColumn('results_auto', 14),
			zhColumn('results_score', 10),
			zhColumn('attempts_max_score', 10)
		],
		rows: total?.n ?? 0,
		pages: pages()
	};
}
