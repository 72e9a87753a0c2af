/**
 * What a candidate's browser receives: the paper as the core's candidate view (no keys, no
 * explanations, no reference answers) rendered to sanitised HTML, the answers saved so far and
 * the deadline; after submitting, the result as far as the review options allow.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Response, canStartAttempt, decidePass, shanghaiDate } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import {
	certificate,
	exam,
	examAnswer,
	examAttempt,
	examFocusEvent,
	examMark,
	examPaper,
	sitting,
	type ReviewOptions,
	type ReviewWhen
} from '../../db/schema/index.ts';
import { attemptWithPaper, paperOfAttempt } from './attempt-paper.ts';
import { prepared } from '../../db/prepared.ts';
import { NotFoundError } from '../../errors.ts';
import { answeredCounts } from './answered.ts';
import { requalificationNotice } from './certificate-bar.ts';
import {
	attemptsOfExam,
	candidateOf,
	checkDevice,
	closeOverdueOf,
	ownAttempt
} from './attempts.ts';
import { candidateStanding } from './eligibility.ts';
import { coreAttempt, responsesOf } from './finish.ts';
import { reviewItems } from './review.ts';
import { examAnswersCloseAt, reviewClosesAt } from './review-close.ts';
import { awaitingRelease, candidateSeesScore } from './score-visibility.ts';
import { passRulesOf, retakePolicyOf, reviewAllows } from './rules.ts';
import type { PaperView } from '$lib/exams/paper-view.ts';
import { paperView } from './paper-view.ts';
import { onRoster } from './sittings.ts';

export interface SavedAnswer {
	response: Response | null;
	flagged: boolean;
	seq: number;
}

/**
 * What the exam page needs of an attempt, in one read: whose it is, its state, deadline and
 * device, its sitting's and exam's names, and the candidate view kept beside the paper (not the
 * paper with its keys, which is the bulk of the row) — as the JSON text it is stored as, never
 * parsed here (see {@link attemptPaperJson}); built once, read afresh every time.
 */
const pageTarget = prepared((db) =>
	db
		.select({
			id: examAttempt.id,
			state: examAttempt.state,
			deadline: examAttempt.deadline,
			deviceId: examAttempt.deviceId,
			viewJson: sql<string | null>`${examPaper.view}`,
			oneDevice: sitting.oneDevice,
			title: exam.title,
			kind: exam.kind,
			sittingName: sitting.name,
			focusLimit: exam.focusLimit,
			// read here, not by queries of their own: the page is read at every start and reload.
			// The answers come as the page receives them ({@link SavedAnswer} by question), as JSON
			// text the database builds
			focusLosses: sql<number>`(SELECT count(*) FROM ${examFocusEvent} WHERE ${examFocusEvent.attemptId} = ${examAttempt.id})`,
			answersJson: sql<string>`(SELECT json_group_object(${examAnswer.questionId}, json_object('response', json(${examAnswer.response}), 'flagged', json(CASE WHEN ${examAnswer.flagged} THEN 'true' ELSE 'false' END), 'seq', ${examAnswer.seq})) FROM ${examAnswer} WHERE ${examAnswer.attemptId} = ${examAttempt.id})`,
			lastSeq: sql<number>`(SELECT coalesce(max(${examAnswer.seq}), 0) FROM ${examAnswer} WHERE ${examAnswer.attemptId} = ${examAttempt.id})`
		})
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.innerJoin(sitting, eq(sitting.id, examAttempt.sittingId))
		.innerJoin(exam, eq(exam.id, examAttempt.examId))
		.where(
			and(
				eq(examAttempt.id, sql.placeholder('attemptId')),
				eq(examAttempt.personId, sql.placeholder('personId'))
			)
		)
		.prepare()
);

/** The attempt's names and state, open or not. */
interface PaperHead {
	id: number;
	state: (typeof examAttempt.$inferSelect)['state'];
	title: string;
	kind: (typeof exam.$inferSelect)['kind'];
	sittingName: string;
}

/** The paper of an attempt, as the exam page receives it: closed, or open with its questions. */
export type AttemptPaper =
	| (PaperHead & { open: false })
	| (PaperHead &
			PaperView & {
				open: true;
				/** The server's deadline and clock, ms: the page's timer counts from them. */
				deadline: number;
				now: number;
				answers: Record<string, SavedAnswer>;
				/** A new page continues above the highest sequence number saved. */
				lastSeq: number;
				focus: { limit: number | null; losses: number };
			});

/**
 * The paper of an attempt in progress, for the exam page, as JSON text: the candidate view kept
 * beside the paper (./paper-view.ts) is most of it, and goes out as it is stored, neither parsed
 * nor serialised again — at the window's opening every candidate asks for it within seconds.
 * An attempt closed, or past its deadline (submitted now), is `open: false`.
 */
export async function attemptPaperJson(
	ctx: Ctx,
	attemptId: number,
	deviceId?: string
): Promise<string> {
	const personId = candidateOf(ctx);
	const [row] = await pageTarget(ctx.db).all({ attemptId, personId });
	if (!row) throw new NotFoundError();
	const base: PaperHead = {
		id: row.id,
		state: row.state,
		title: row.title,
		kind: row.kind,
		sittingName: row.sittingName
	};
	if (row.state !== 'in_progress' || ctx.now >= row.deadline) {
		// closed, or past its deadline: submitted now (ownAttempt, whichever device asks), and the
		// page shows the result
		const closed = await ownAttempt(ctx, attemptId, deviceId);
		return JSON.stringify({ ...base, state: closed.state, open: false });
	}
	checkDevice(row.oneDevice, row, deviceId);
	// freed from its device by a proctor (integrity.ts): this device takes it over
	if (row.oneDevice && row.deviceId === null && deviceId !== undefined)
		await ownAttempt(ctx, attemptId, deviceId);
	// attempts started before the view was kept beside the paper build it from the paper
	const viewJson =
		row.viewJson ?? JSON.stringify(paperView((await ownAttempt(ctx, attemptId, deviceId)).paper));
	const head = JSON.stringify({
		...base,
		open: true,
		deadline: row.deadline.getTime(),
		now: ctx.now.getTime(),
		lastSeq: row.lastSeq,
		focus: { limit: row.focusLimit, losses: row.focusLosses }
	});
	// the members of the head, the answers and the view's in one object (the view is never empty)
	return `${head.slice(0, -1)},"answers":${row.answersJson},${viewJson.slice(1)}`;
}

/** {@link attemptPaperJson}, read back: what the exam page holds. */
export async function attemptPaper(
	ctx: Ctx,
	attemptId: number,
	deviceId?: string
): Promise<AttemptPaper> {
	return JSON.parse(await attemptPaperJson(ctx, attemptId, deviceId)) as AttemptPaper;
}

/**
 * The result of a finished attempt, as far as the exam's review options allow now. An exam graded
 * partly by hand shows "awaiting grading" until the sitting's results are released. The page
 * asks as soon as its timer runs out: an attempt still open past its deadline is submitted first,
 * which in a one-device sitting needs the browser's `deviceId`.
 */
export async function attemptResult(ctx: Ctx, attemptId: number, deviceId?: string) {
	const own = await ownAttempt(ctx, attemptId, deviceId);
	// "after close" waits for every candidate still sitting on extra time, and the right answers
	// for every sitting of the exam (a make-up sitting draws the same questions; review-close.ts)
	const [closing] = await ctx.db
		.select({
			closesAt: reviewClosesAt(),
			answersCloseAt: examAnswersCloseAt(),
			opensAt: sitting.opensAt,
			windowClosesAt: sitting.closesAt
		})
		.from(sitting)
		.where(eq(sitting.id, own.sittingId));
	const row = { ...own, closesAt: closing!.closesAt };
	const [e] = await ctx.db.select().from(exam).where(eq(exam.id, row.examId));
	const submitted = row.state !== 'in_progress' && row.state !== 'not_started';
	const awaiting = awaitingRelease(row);
	const allows = (when: ReviewWhen) => reviewAllows(when, submitted, row, ctx.now);
	const showScore = candidateSeesScore(row, e!.review, ctx.now);
	// shown "after submit" when the organiser chose so; otherwise not while the exam still runs
	const answersAllowed = (when: ReviewWhen) =>
		allows(when) && (when === 'after_submit' || ctx.now >= closing!.answersCloseAt);
	const showAnswers = row.state !== 'voided' && answersAllowed(e!.review.answers);
	// what the candidate waits for before the right answers show, if they ever will
	const answersLater =
		showAnswers || !submitted || row.state === 'voided' || e!.review.answers === 'never'
			? null
			: e!.review.answers === 'after_release' && row.releasedAt === null
				? ({ afterRelease: true } as const)
				: { at: Math.max(row.closesAt.getTime(), closing!.answersCloseAt.getTime()) };
	const decision =
		showScore && row.score !== null && row.maxScore !== null
			? decidePass(row.score, row.maxScore, passRulesOf(e!))
			: undefined;
	const [cert] = decision?.passed
		? await ctx.db
				.select({ id: certificate.id, code: certificate.verificationCode })
				.from(certificate)
				.where(and(eq(certificate.attemptId, row.id), isNull(certificate.revokedOn)))
		: [];
	// a pass without a certificate: the candidate is told when a sanction on theirs is why
	const certificateBar =
		decision?.passed && !cert && row.submittedAt
			? await requalificationNotice(ctx.db, row.personId, e!.kind, [
					shanghaiDate(row.submittedAt),
					shanghaiDate(ctx.now)
				])
			: null;
	const answered = (await answeredCounts(ctx.db, [row.id])).get(row.id) ?? 0;
	// a fail the candidate may retake now: the result says so and leads back to the sitting, whose
	// page decides (credits too). Judged here by the window and the retake rules alone, on the
	// attempts without their papers: at the deadline every candidate is sent here at once
	const retakeSittingId =
		decision &&
		!decision.passed &&
		ctx.now >= closing!.opensAt &&
		ctx.now < closing!.windowClosesAt &&
		canStartAttempt(
			(await attemptsOfExam(ctx, row.personId, row.examId)).map((a) => coreAttempt(a)),
			retakePolicyOf(e!),
			passRulesOf(e!)
		).allowed
			? row.sittingId
			: null;
	const comments = showScore
		? await ctx.db
				.select({ key: examMark.key, comment: examMark.comment })
				.from(examMark)
				.where(eq(examMark.attemptId, row.id))
		: [];
	return {
		id: row.id,
		title: e!.title,
		kind: e!.kind,
		state: row.state,
		number: row.number,
		submittedAt: row.submittedAt?.getTime() ?? null,
		autoSubmitted: row.autoSubmitted,
		questions: row.questionIds.length,
		answered,
		awaiting,
		score: decision ? { score: row.score!, maxScore: row.maxScore!, ...decision } : null,
		certificateId: cert?.id ?? null,
		certificateBar,
		retakeSittingId,
		answersLater,
		review: reviewItems(
			row.paper,
			showAnswers ? await responsesOf(ctx.db, row.id) : {},
			row.grade,
			new Map(comments.map((c) => [c.key, c.comment])),
			{
				score: showScore,
				answers: showAnswers,
				explanations: showAnswers && answersAllowed(e!.review.explanations)
			}
		)
	};
}

/** "My exams": the candidate's sittings, upcoming, open and done, with their attempts. */
export async function myExams(ctx: Ctx) {
	const personId = candidateOf(ctx);
	await closeOverdueOf(ctx, personId);
	const sittings = await ctx.db
		.select({
			id: sitting.id,
			name: sitting.name,
			opensAt: sitting.opensAt,
			closesAt: sitting.closesAt,
			examId: exam.id,
			title: exam.title,
			kind: exam.kind,
			durationMinutes: exam.durationMinutes,
			maxAttempts: exam.maxAttempts,
			counts: exam.counts,
			onlyAfterFail: exam.onlyAfterFail,
			passMark: exam.passMark,
			bands: exam.bands,
			creditsRequired: sitting.creditsRequired,
			creditsYear: sitting.creditsYear,
			review: exam.review
		})
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.where(and(eq(exam.status, 'published'), onRoster(personId, sitting.id)))
		.orderBy(asc(sitting.opensAt));
	// every attempt at these exams (in any sitting): the retake rules count them all
	const found = sittings.length
		? await ctx.db
				.select({
					attempt: attemptWithPaper,
					closesAt: reviewClosesAt(),
					releasedAt: sitting.releasedAt
				})
				.from(examAttempt)
				.innerJoin(examPaper, paperOfAttempt)
				.innerJoin(sitting, eq(sitting.id, examAttempt.sittingId))
				.where(
					and(
						eq(examAttempt.personId, personId),
						inArray(examAttempt.examId, [...new Set(sittings.map((s) => s.examId))])
					)
				)
				.orderBy(desc(examAttempt.number))
		: [];
	const attempts = found.map((f) => f.attempt);
	// under "a retake only after a fail", offering one tells a fail: not before the score may be seen
	const undisclosed = (examId: number, review: ReviewOptions) =>
		found.some(
			(f) =>
				f.attempt.examId === examId &&
				f.attempt.state === 'graded' &&
				!candidateSeesScore(
					{ ...f.attempt, closesAt: f.closesAt, releasedAt: f.releasedAt },
					review,
					ctx.now
				)
		);
	const now = ctx.now.getTime();
	// eligibility matters only where the cadre may still start
	const standing = await candidateStanding(
		ctx.db,
		sittings.filter((s) => s.closesAt.getTime() > now),
		personId
	);
	const rows = sittings.map(({ creditsRequired: _r, creditsYear: _y, review, ...s }) => {
		const credits = standing.get(s.id);
		const mine = attempts.filter((a) => a.sittingId === s.id);
		const inProgress = mine.find((a) => a.state === 'in_progress');
		const retake = canStartAttempt(
			attempts.filter((a) => a.examId === s.examId).map((a) => coreAttempt(a)),
			retakePolicyOf(s),
			passRulesOf(s)
		);
		const startable =
			retake.allowed &&
			!(s.onlyAfterFail && undisclosed(s.examId, review)) &&
			(credits?.eligible ?? true);
		const when: 'upcoming' | 'open' | 'done' =
			now < s.opensAt.getTime() ? 'upcoming' : now < s.closesAt.getTime() ? 'open' : 'done';
		return {
			...s,
			opensAt: s.opensAt.getTime(),
			closesAt: s.closesAt.getTime(),
			when: when === 'open' && !inProgress && mine.length > 0 ? ('done' as const) : when,
			// a first attempt, or a further one only as the exam's retake rules allow, when eligible
			canStart: when === 'open' && startable,
			// the same, for a sitting not open yet: its page counts down to the opening and then
			// offers the start, so that nobody waiting on it has to reload the page
			canStartAtOpen: when === 'upcoming' && startable,
			// the study-credit requirement (null: none), in words
			credits: credits ? { eligible: credits.eligible, text: credits.text } : null,
			inProgress: inProgress
				? { id: inProgress.id, deadline: inProgress.deadline.getTime() }
				: null,
			attempts: mine.map((a) => ({ id: a.id, number: a.number, state: a.state }))
		};
	});
	return {
		upcoming: rows.filter((r) => r.when === 'upcoming'),
		open: rows.filter((r) => r.when === 'open'),
		done: rows.filter((r) => r.when === 'done')
	};
}

/** One sitting as its candidate sees it before starting: the rules. */
export async function sittingForCandidate(ctx: Ctx, sittingId: number) {
	const personId = candidateOf(ctx);
	const { upcoming, open, done } = await myExams(ctx);
	const s = [...upcoming, ...open, ...done].find((r) => r.id === sittingId);
	if (!s) return null;
	const [e] = await ctx.db.select().from(exam).where(eq(exam.id, s.examId));
	return {
		...s,
		personId,
		passMark: e!.passMark,
		totalQuestions: e!.blueprint.sections.reduce((t, x) => t + x.count, 0),
		totalPoints: e!.blueprint.sections.reduce((t, x) => t + x.count * x.points, 0),
		onlyAfterFail: e!.onlyAfterFail,
		// the server's clock, which the countdown to the opening follows rather than the phone's
		now: ctx.now.getTime()
	};
}
