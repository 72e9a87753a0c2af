/**
 * The live monitor of a sitting: how many on its roster have not started, are in progress, have
 * submitted or were voided, and a page of them with their latest attempt there (time left,
 * answered) and how often each left the exam page. For the organisers of the exam's unit and the
 * sitting's proctors.
 */
import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { can, canAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import {
	exam,
	examAttempt,
	examFocusEvent,
	examPaper,
	sitting,
	sittingProctor,
	unit
} from '../../db/schema/index.ts';
import { paperOfAttempt } from './attempt-paper.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { FocusEventKind } from '$lib/schemas/exam-enums.ts';
import type { MonitorQuery } from '$lib/schemas/exam-monitor.ts';
import { answeredCounts } from './answered.ts';
import { monitorCounts, monitorPage } from './monitor-roster.ts';

export type { MonitorStatus } from './monitor-roster.ts';

/** The sitting and its exam, if the user manages the exam or proctors the sitting. */
export async function loadWatchedSitting(ctx: Ctx, sittingId: number) {
	const [row] = await ctx.db
		.select({ sitting, exam, path: unit.path })
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.innerJoin(unit, eq(unit.id, exam.unitId))
		.where(eq(sitting.id, sittingId));
	if (row && can(ctx.user, 'exam.manage', row.path)) return row;
	const [proctor] = row
		? await ctx.db
				.select({ userId: sittingProctor.userId })
				.from(sittingProctor)
				.where(and(eq(sittingProctor.sittingId, sittingId), eq(sittingProctor.userId, ctx.user.id)))
		: [];
	if (row && proctor) return row;
	// ids cannot be probed: not found only to someone who could watch some sitting
	if (!row && canAnywhere(ctx.user, 'exam.manage')) throw new NotFoundError();
	throw new ForbiddenError();
}

/** How long after its close a proctored sitting stays in the proctor's list (to look back at it). */
const PROCTORED_DAYS_AFTER_CLOSE = 7;

/**
 * The sittings the user proctors (监考), upcoming, open and closed within the last week, soonest
 * first: a proctor is often not an organiser and has no other way to find the monitor.
 */
export async function proctoredSittings(ctx: Ctx) {
	const since = new Date(ctx.now.getTime() - PROCTORED_DAYS_AFTER_CLOSE * 24 * 3600_000);
	const rows = await ctx.db
		.select({
			id: sitting.id,
			name: sitting.name,
			opensAt: sitting.opensAt,
			closesAt: sitting.closesAt,
			title: exam.title,
			kind: exam.kind
		})
		.from(sittingProctor)
		.innerJoin(sitting, eq(sitting.id, sittingProctor.sittingId))
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.where(and(eq(sittingProctor.userId, ctx.user.id), gte(sitting.closesAt, since)))
		.orderBy(asc(sitting.opensAt), asc(sitting.id));
	return rows.map((r) => ({
		...r,
		opensAt: r.opensAt.getTime(),
		closesAt: r.closesAt.getTime(),
		state:
			ctx.now < r.opensAt
				? ('upcoming' as const)
				: ctx.now <= r.closesAt
					? ('open' as const)
					: ('closed' as const)
	}));
}

/** The monitor as it opens: everyone, the first page. */
const EVERYONE: MonitorQuery = { show: 'all', q: '', page: 1 };

/**
 * The monitor as of `ctx.now`: how many candidates are in each state, and the page of them that
 * `query` asks for, each with their latest attempt (time left, answered, focus losses).
 */
export async function sittingMonitor(ctx: Ctx, sittingId: number, query: MonitorQuery = EVERYONE) {
	const { sitting: s, exam: e } = await loadWatchedSitting(ctx, sittingId);
	const counts = await monitorCounts(ctx.db, sittingId);
	const shown = await monitorPage(ctx.db, sittingId, query);
	const ids = shown.rows.flatMap((r) => (r.attemptId === null ? [] : [r.attemptId]));
	const attempts =
		ids.length === 0
			? []
			: await ctx.db
					.select({
						id: examAttempt.id,
						number: examAttempt.number,
						state: examAttempt.state,
						deadline: examAttempt.deadline,
						submittedAt: examAttempt.submittedAt,
						autoSubmitted: examAttempt.autoSubmitted,
						questions: sql<number>`json_array_length(${examPaper.questionIds})`,
						voidReason: examAttempt.voidReason,
						deviceBound: sql<boolean>`${examAttempt.deviceId} IS NOT NULL`.mapWith(Boolean),
						focusLosses: count(examFocusEvent.id)
					})
					.from(examAttempt)
					.innerJoin(examPaper, paperOfAttempt)
					.leftJoin(examFocusEvent, eq(examFocusEvent.attemptId, examAttempt.id))
					.where(inArray(examAttempt.id, ids))
					.groupBy(examAttempt.id);
	const byId = new Map(attempts.map((a) => [a.id, a]));
	const left = await focusEventsOf(
		ctx.db,
		attempts.filter((a) => a.focusLosses > 0).map((a) => a.id)
	);
	const answered = await answeredCounts(ctx.db, ids);
	const now = ctx.now.getTime();
	const rows = shown.rows.map(({ attemptId, ...p }) => {
		const a = attemptId === null ? undefined : byId.get(attemptId);
		return {
			...p,
			// the viewer's own row: listed so that the room is counted whole, but without actions
			own: p.id === ctx.user.personId,
			attempt: a
				? {
						id: a.id,
						number: a.number,
						state: a.state,
						deadline: a.deadline.getTime(),
						// an attempt past its deadline is submitted by the next sweep; it has no time left
						msLeft: a.state === 'in_progress' ? Math.max(0, a.deadline.getTime() - now) : null,
						submittedAt: a.submittedAt?.getTime() ?? null,
						autoSubmitted: a.autoSubmitted,
						questions: a.questions,
						answered: answered.get(a.id) ?? 0,
						focusLosses: a.focusLosses,
						focusEvents: left.get(a.id) ?? [],
						voidReason: a.voidReason,
						deviceBound: a.deviceBound
					}
				: null
		};
	});
	return {
		exam: { id: e.id, title: e.title, kind: e.kind, focusLimit: e.focusLimit },
		sitting: {
			id: s.id,
			name: s.name,
			opensAt: s.opensAt.getTime(),
			closesAt: s.closesAt.getTime(),
			oneDevice: s.oneDevice
		},
		now,
		counts,
		roster: counts.not_started + counts.in_progress + counts.submitted + counts.voided,
		query: { ...query, page: shown.page },
		rows,
		matching: shown.matching,
		pageSize: shown.pageSize
	};
}

/** How many of an attempt's latest focus losses the monitor lists. */
const EVENTS_SHOWN = 20;

/**
 * When and how the candidates of `attemptIds` left the exam page, latest first, at most
 * `EVENTS_SHOWN` each: the proctor judges a pattern (one long absence, many short ones) that
 * the count alone hides.
 */
async function focusEventsOf(db: ReadDb, attemptIds: readonly number[]) {
	const out = new Map<number, { kind: FocusEventKind; at: number }[]>();
	if (attemptIds.length === 0) return out;
	// the latest few of each attempt, counted in SQL: an attempt may have hundreds
	const ranked = db.$with('ranked').as(
		db
			.select({
				attemptId: examFocusEvent.attemptId,
				kind: examFocusEvent.kind,
				at: examFocusEvent.at,
				n: sql<number>`row_number() OVER (PARTITION BY ${examFocusEvent.attemptId}
					ORDER BY ${examFocusEvent.at} DESC, ${examFocusEvent.id} DESC)`.as('n')
			})
			.from(examFocusEvent)
			.where(inArray(examFocusEvent.attemptId, [...attemptIds]))
	);
	const rows = await db
		.with(ranked)
		.select({ attemptId: ranked.attemptId, kind: ranked.kind, at: ranked.at })
		.from(ranked)
		.where(lte(ranked.n, EVENTS_SHOWN))
		.orderBy(asc(ranked.attemptId), desc(ranked.at), desc(ranked.n));
	for (const r of rows) {
		const list = out.get(r.attemptId) ?? [];
		list.push({ kind: r.kind, at: r.at.getTime() });
		out.set(r.attemptId, list);
	}
	return out;
}
