/**
 * The counts behind the dashboards and the year-end assessment, for one year and one unit's subtree,
 * each computed by one set-based query grouped by unit (never a query per person or per unit), so
 * the cost grows with the rows read, not with the number of units.
 *
 * What each count means (the one place this is defined; pages and the export only show them):
 * - The year runs from 1 January to the as-of day: 31 December, or today while the year is running.
 * - A session "counts as held" by the core's countsAsHeld: marked held, and, for a lecture or a
 *   collective session, at least `study.minLectureMinutes` long (its actual length when recorded).
 *   DOMAIN.md: the expert explains the law "for at least 30 minutes"; a shorter talk took place but
 *   did not meet the rule. A session with only leave recorded (asked for in advance) is not held.
 * - Plan items: items of the year's *published* study plans of the unit (`planned`); `held` are those
 *   with at least one session linked to them by the as-of day that counts as held (the core's
 *   planProgress rule).
 * - Sessions: the unit's sessions dated in the year up to the as-of day (`scheduled`, cancelled ones
 *   included: a session called off is one not held); `held` those that count as held (the
 *   assessment's sessionsHeld is held of scheduled); `short` those held whose talk ran under the
 *   minimum, counted apart so the shortfall shows. The month-by-month trend counts the same way.
 * - Attendance: the attendance rows of sessions marked held in the year, short ones included (who
 *   came is a fact of the meeting; the short talk is the organiser's shortfall, counted above), by
 *   the unit of the person (`expected`, 应到); `attended` (实到) are present or late (the core's
 *   attendanceRates: leave stays in the denominator). Leave recorded for a session not yet held is
 *   in no count.
 * - Study credits (not counted here, see study/credits.ts) follow the same rule: a session that
 *   does not count as held earns no credits for its form.
 * - Written study: for each reading (书面学法) distributed in the year, one sign-off expected from each
 *   member of its team, by the member's unit; `signed` are those signed off by the as-of day.
 * - Practice: practice answers given in the year by the unit's people, and how many people answered.
 * - Exams, per kind: "required to sit" = active people on the roster (named, by unit or by rank) of a
 *   sitting of that kind that closed in the year by the as-of day, each person counted once per kind;
 *   `sat` = of those, people with a finished, not voided attempt on such a sitting (its pass record,
 *   pending until graded); `passed` = of those, people whose attempt that such a sitting counts under
 *   the exam's retake policy (the highest or the last graded, as the sitting's results, HR and the
 *   promotion gate read it) passed: a pass a later fail replaced under "the last counts" is none.
 * - Certificates: every certificate of the unit's people granted by the as-of day, by the core's
 *   certificateStatus on that day: in force (valid or expiring soon), expiring soon (within the
 *   `certificate.expiringSoonDays` setting, 90 by default) and expired. For the assessment,
 *   "enforcement staff needing a certificate" = active people who hold or held an enforcement
 *   certificate (as with exams, people who have left are not counted); `valid` = those qualified on
 *   the as-of day by the core's qualification(): holding one in force, and none suspended.
 * - Oaths: appointments of the unit's people made in the year by the as-of day, by the core's
 *   oathStatus on that day under the oath policy: `required` (all but those who need not swear,
 *   sworn or not), and of those `done`, `due` and `overdue`.
 * - Cases: open promotion cases of the unit's people, and those the exam gate blocked when last checked.
 */
import { type SQL, and, eq, gte, lte, sql } from 'drizzle-orm';
import { oathRequirement, oathStatus, shanghaiDate } from '@xuefa/core';
import type { ExamKind } from '$lib/schemas/exam-enums.ts';
import type { UnitCounts } from '$lib/oversight.ts';
import { EXAM_KINDS } from '$lib/schemas/exam-enums.ts';
import type { ReadDb } from '../../db/index.ts';
import {
	appointment,
	certificate,
	certificateEvent,
	exam,
	examAttempt,
	oathCeremony,
	oathParticipant,
	person,
	practiceAnswer,
	passRecord,
	promotionCase,
	sitting,
	studyAttendance,
	studyPlan,
	studyPlanItem,
	studyReading,
	studyReadingSign,
	studySession,
	studyTeamMember,
	unit
} from '../../db/schema/index.ts';
import { workingDayCalendar } from '../calendar/load.ts';
import { countsAsHeldSql } from '../study/core-shapes.ts';
import { studyPolicy } from '../study/policy.ts';
import { certificatePolicy } from '../exams/certificate-policy.ts';
import { countingByPerson, countingColumns } from '../exams/counting.ts';
import { eventColumns, qualificationsOn, stateIn, statusesOn } from '../exams/certificate-state.ts';
import { coreAppointment, coreCeremonies } from '../hr/oaths.ts';
import { readOathPolicy } from '../hr/policy.ts';

export type { UnitCounts };

/** A count object of zeros. */
export function emptyCounts(): UnitCounts {
	return {
		planItems: { planned: 0, held: 0 },
		sessions: { scheduled: 0, held: 0, short: 0 },
		attendance: { expected: 0, attended: 0 },
		readings: { expected: 0, signed: 0 },
		practice: { answers: 0, people: 0 },
		exams: Object.fromEntries(
			EXAM_KINDS.map((k) => [k, { required: 0, sat: 0, passed: 0 }])
		) as UnitCounts['exams'],
		certificates: { inForce: 0, expiringSoon: 0, expired: 0, holders: 0, holdersInForce: 0 },
		oaths: { required: 0, done: 0, due: 0, overdue: 0 },
		cases: { open: 0, blocked: 0 }
	};
}

/** Adds `b` into `a` (every leaf number), for rolling units up into their ancestors. */
export function addCounts(a: UnitCounts, b: UnitCounts): UnitCounts {
	const add = (x: Record<string, unknown>, y: Record<string, unknown>) => {
		for (const [k, v] of Object.entries(y)) {
			if (typeof v === 'number') x[k] = (x[k] as number) + v;
			else add(x[k] as Record<string, unknown>, v as Record<string, unknown>);
		}
	};
	add(a as never, b as never);
	return a;
}

/** The year's bounds: the first day, the as-of day (31 December, or today while it runs) and as ms. */
export function yearWindow(year: number, now: Date) {
	const today = shanghaiDate(now);
	const from = `${year}-01-01`;
	const yearEnd = `${year}-12-31`;
	const asOf = today < yearEnd ? today : yearEnd;
	const fromMs = Date.parse(`${from}T00:00:00+08:00`);
	const untilMs = Math.min(now.getTime(), Date.parse(`${yearEnd}T23:59:59.999+08:00`));
	return { from, asOf, fromMs, untilMs, running: today <= yearEnd && today >= from };
}

export type YearWindow = ReturnType<typeof yearWindow>;

const n = (v: unknown) => Number(v ?? 0);

/** `unit.path` within any of the subtrees at `paths`. */
export const inTrees = (paths: readonly string[]) =>
	sql`(${sql.join(
		paths.map((p) => sql`${unit.path} LIKE ${p + '%'}`),
		sql` OR `
	)})`;
const inTree = (path: string) => inTrees([path]);

const sessionMonth = sql<string>`substr(${studySession.date}, 1, 7)`;

/**
 * Sessions dated in the year up to the as-of day, those that count as held and those marked held
 * (so that the short ones are their difference), by the session's unit and month.
 */
function sessionCounts(db: ReadDb, tree: SQL, w: YearWindow, minLectureMinutes: number) {
	return db
		.select({
			unitId: studySession.unitId,
			month: sessionMonth,
			scheduled: sql<number>`count(*)`,
			held: sql<number>`sum(${countsAsHeldSql(minLectureMinutes)})`,
			marked: sql<number>`sum(${studySession.status} = 'held')`
		})
		.from(studySession)
		.innerJoin(unit, eq(unit.id, studySession.unitId))
		.where(and(tree, gte(studySession.date, w.from), lte(studySession.date, w.asOf)))
		.groupBy(studySession.unitId, sessionMonth);
}

/**
 * Attendance rows of the year's held sessions (应到) and those present or late (实到), by the
 * person's unit and the session's month: the largest scan of the dashboard, made once for both the
 * units and the trend.
 */
function attendanceCounts(db: ReadDb, tree: SQL, w: YearWindow) {
	return db
		.select({
			unitId: person.unitId,
			month: sessionMonth,
			expected: sql<number>`count(*)`,
			attended: sql<number>`sum(${studyAttendance.status} IN ('present', 'late'))`
		})
		.from(studyAttendance)
		.innerJoin(studySession, eq(studySession.id, studyAttendance.sessionId))
		.innerJoin(person, eq(person.id, studyAttendance.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(
			and(
				tree,
				eq(studySession.status, 'held'),
				gte(studySession.date, w.from),
				lte(studySession.date, w.asOf)
			)
		)
		.groupBy(person.unitId, sessionMonth);
}

// answeredAt is in ms: the month in Beijing time
const answerMonth = sql<string>`strftime('%Y-%m', ${practiceAnswer.answeredAt} / 1000 + 8 * 3600, 'unixepoch')`;

/** The practice answers given in the year by the people of the subtree `tree`. */
const answersOfYear = (tree: SQL, w: YearWindow) =>
	and(
		tree,
		gte(practiceAnswer.answeredAt, new Date(w.fromMs)),
		lte(practiceAnswer.answeredAt, new Date(w.untilMs))
	);

/** Practice answers of the year and the people who gave them, by the person's unit. */
function practiceCounts(db: ReadDb, tree: SQL, w: YearWindow) {
	return db
		.select({
			unitId: person.unitId,
			answers: sql<number>`count(*)`,
			people: sql<number>`count(DISTINCT ${practiceAnswer.personId})`
		})
		.from(practiceAnswer)
		.innerJoin(person, eq(person.id, practiceAnswer.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(answersOfYear(tree, w))
		.groupBy(person.unitId);
}

/** Practice answers of the year by the person's unit and the month (Beijing time). */
function practiceMonths(db: ReadDb, tree: SQL, w: YearWindow) {
	return db
		.select({ unitId: person.unitId, month: answerMonth, answers: sql<number>`count(*)` })
		.from(practiceAnswer)
		.innerJoin(person, eq(person.id, practiceAnswer.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(answersOfYear(tree, w))
		.groupBy(person.unitId, answerMonth);
}

/** One unit's (or a subtree's) sessions, attendance and practice answers in one month. */
export interface MonthCounts {
	scheduled: number;
	held: number;
	expected: number;
	attended: number;
	answers: number;
}

/** Months (`2026-03`) to their counts. */
export type MonthlyCounts = Record<string, MonthCounts>;

/** Adds `b`'s months into `a`. */
export function addMonths(a: MonthlyCounts, b: MonthlyCounts): MonthlyCounts {
	for (const [m, c] of Object.entries(b)) {
		const t = (a[m] ??= { scheduled: 0, held: 0, expected: 0, attended: 0, answers: 0 });
		t.scheduled += c.scheduled;
		t.held += c.held;
		t.expected += c.expected;
		t.attended += c.attended;
		t.answers += c.answers;
	}
	return a;
}

/** Each unit's counts of a year, and its sessions, attendance and practice by month. */
export interface YearCounts {
	units: Map<number, UnitCounts>;
	months: Map<number, MonthlyCounts>;
}

/**
 * The counts of every unit of the subtree at `rootPath` with records of its own, keyed by unit id
 * (people's records by their unit, plans and sessions by the unit that holds them), and each such
 * unit's sessions, attendance and practice answers by month (from the same rows).
 */
export async function countsByUnit(
	db: ReadDb,
	rootPath: string,
	w: YearWindow
): Promise<YearCounts> {
	const out = new Map<number, UnitCounts>();
	const months = new Map<number, MonthlyCounts>();
	const month = (unitId: number, m: string) => {
		let u = months.get(unitId);
		if (!u) months.set(unitId, (u = {}));
		return (u[m] ??= { scheduled: 0, held: 0, expected: 0, attended: 0, answers: 0 });
	};
	const of = (id: number) => {
		let c = out.get(id);
		if (!c) out.set(id, (c = emptyCounts()));
		return c;
	};
	const tree = inTree(rootPath);
	const { minLectureMinutes } = await studyPolicy(db);
	const [plans, sessions, attendance, readings, practice, answersByMonth, exams, cases] =
		await Promise.all([
			planCounts(db, rootPath, w, minLectureMinutes),
			sessionCounts(db, tree, w, minLectureMinutes),
			attendanceCounts(db, tree, w),
			db
				.select({
					unitId: person.unitId,
					expected: sql<number>`count(*)`,
					signed: sql<number>`count(${studyReadingSign.signedAt})`
				})
				.from(studyReading)
				.innerJoin(studyTeamMember, eq(studyTeamMember.teamId, studyReading.teamId))
				.innerJoin(person, eq(person.id, studyTeamMember.personId))
				.innerJoin(unit, eq(unit.id, person.unitId))
				.leftJoin(
					studyReadingSign,
					and(
						eq(studyReadingSign.readingId, studyReading.id),
						eq(studyReadingSign.personId, person.id),
						lte(studyReadingSign.signedAt, new Date(w.untilMs))
					)
				)
				.where(
					and(
						inTree(rootPath),
						gte(studyReading.createdAt, new Date(w.fromMs)),
						lte(studyReading.createdAt, new Date(w.untilMs))
					)
				)
				.groupBy(person.unitId),
			practiceCounts(db, tree, w),
			practiceMonths(db, tree, w),
			examCounts(db, rootPath, w),
			db
				.select({
					unitId: person.unitId,
					open: sql<number>`count(*)`,
					blocked: sql<number>`sum(${promotionCase.gateAllowed} = 0)`
				})
				.from(promotionCase)
				.innerJoin(person, eq(person.id, promotionCase.personId))
				.innerJoin(unit, eq(unit.id, person.unitId))
				.where(and(tree, eq(promotionCase.state, 'open')))
				.groupBy(person.unitId)
		]);
	for (const r of plans) of(r.unitId).planItems = { planned: n(r.planned), held: n(r.held) };
	for (const r of sessions) {
		const c = of(r.unitId).sessions;
		c.scheduled += n(r.scheduled);
		c.held += n(r.held);
		c.short += n(r.marked) - n(r.held);
		month(r.unitId, r.month).scheduled += n(r.scheduled);
		month(r.unitId, r.month).held += n(r.held);
	}
	for (const r of attendance) {
		const c = of(r.unitId).attendance;
		c.expected += n(r.expected);
		c.attended += n(r.attended);
		month(r.unitId, r.month).expected += n(r.expected);
		month(r.unitId, r.month).attended += n(r.attended);
	}
	for (const r of readings)
		of(r.unitId).readings = { expected: n(r.expected), signed: n(r.signed) };
	for (const r of practice) of(r.unitId).practice = { answers: n(r.answers), people: n(r.people) };
	for (const r of answersByMonth) month(r.unitId, r.month).answers += n(r.answers);
	for (const r of exams)
		of(r.unitId).exams[r.kind] = { required: n(r.required), sat: n(r.sat), passed: n(r.passed) };
	for (const r of cases) of(r.unitId).cases = { open: n(r.open), blocked: n(r.blocked) };
	for (const [unitId, c] of await certificateCounts(db, rootPath, w)) of(unitId).certificates = c;
	for (const [unitId, c] of await oathCounts(db, rootPath, w)) of(unitId).oaths = c;
	return { units: out, months };
}

function planCounts(db: ReadDb, rootPath: string, w: YearWindow, minLectureMinutes: number) {
	return db
		.select({
			unitId: studyPlan.unitId,
			planned: sql<number>`count(*)`,
			held: sql<number>`sum(EXISTS (
				SELECT 1 FROM ${studySession}
				WHERE ${studySession.planItemId} = ${studyPlanItem.id}
					AND ${countsAsHeldSql(minLectureMinutes)} AND ${studySession.date} <= ${w.asOf}
			))`
		})
		.from(studyPlanItem)
		.innerJoin(studyPlan, eq(studyPlan.id, studyPlanItem.planId))
		.innerJoin(unit, eq(unit.id, studyPlan.unitId))
		.where(
			and(
				inTree(rootPath),
				eq(studyPlan.year, Number(w.from.slice(0, 4))),
				eq(studyPlan.status, 'published')
			)
		)
		.groupBy(studyPlan.unitId);
}

/**
 * Exam participation per unit and kind: the rosters of the sittings that closed in the year,
 * resolved in SQL (named people, people of a roster unit or below, people of a roster rank in the
 * exam's unit or below), one row per person and kind, then grouped by the person's unit.
 */
async function examCounts(db: ReadDb, rootPath: string, w: YearWindow) {
	// one JSON parameter however many: [[sitting, person, passed 0/1], …]
	const counted = JSON.stringify(await countedWhereChosen(db, rootPath, w));
	// CROSS JOIN keeps SQLite's join order: from the year's few sittings outwards, never from all people
	const rows = sql`
		WITH closed AS MATERIALIZED (
			SELECT s.id AS sid, e.kind AS kind, e.unit_id AS exam_unit
			FROM sitting s JOIN exam e ON e.id = s.exam_id
			WHERE s.closes_at >= ${w.fromMs} AND s.closes_at <= ${w.untilMs}
		),
		scope AS MATERIALIZED (
			SELECT p.id AS pid, p.unit_id AS unit_id, p.rank AS rank, u.path AS path
			FROM unit u CROSS JOIN person p ON p.unit_id = u.id
			WHERE p.status = 'active' AND u.path LIKE ${rootPath + '%'}
		),
		roster AS (
			SELECT c.sid, c.kind, sc.pid, sc.unit_id FROM closed c
				CROSS JOIN sitting_person sp ON sp.sitting_id = c.sid
				CROSS JOIN scope sc ON sc.pid = sp.person_id
			UNION ALL
			-- the roster unit's subtree as a range of paths (unit_path_idx), then its people by unit
			SELECT c.sid, c.kind, p.id, p.unit_id FROM closed c
				CROSS JOIN sitting_unit su ON su.sitting_id = c.sid
				CROSS JOIN unit ru ON ru.id = su.unit_id
				CROSS JOIN unit pu ON pu.path >= ru.path AND pu.path < ru.path || '~'
				CROSS JOIN person p ON p.unit_id = pu.id
			WHERE p.status = 'active' AND pu.path LIKE ${rootPath + '%'}
			UNION ALL
			SELECT c.sid, c.kind, sc.pid, sc.unit_id FROM closed c
				CROSS JOIN sitting_rank sr ON sr.sitting_id = c.sid
				CROSS JOIN unit eu ON eu.id = c.exam_unit
				CROSS JOIN scope sc ON sc.rank = sr.rank AND substr(sc.path, 1, length(eu.path)) = eu.path
		),
		counted AS MATERIALIZED (
			SELECT value ->> 0 AS sid, value ->> 1 AS pid, value ->> 2 AS passed
			FROM json_each(${counted})
		),
		-- every finished attempt has a pass record (pending until graded, voided when voided): one
		-- seek per rostered person and sitting in its covering index answers both questions; with
		-- one graded attempt it is the one that counts, with more the counted one's pass decides
		per_person AS (
			SELECT r.pid, r.unit_id, r.kind,
				max(pr.status IS NOT NULL) AS sat,
				max(coalesce(ct.passed, pr.status = 'graded' AND pr.passed = 1, 0)) AS passed
			FROM roster r
				LEFT JOIN pass_record pr INDEXED BY pass_record_sitting_person_idx
					ON pr.sitting_id = r.sid AND pr.person_id = r.pid AND pr.status <> 'voided'
				LEFT JOIN counted ct ON ct.sid = r.sid AND ct.pid = r.pid
			GROUP BY r.pid, r.unit_id, r.kind
		)
		SELECT unit_id AS unitId, kind, count(*) AS required, sum(sat) AS sat, sum(passed) AS passed
		FROM per_person GROUP BY unit_id, kind`;
	return db
		.select({
			unitId: sql<number>`unitId`,
			kind: sql<ExamKind>`kind`,
			required: sql<number>`required`,
			sat: sql<number>`sat`,
			passed: sql<number>`passed`
		})
		.from(sql`(${rows})`);
}

/**
 * Whether the attempt its sitting counts passed, for each person of the subtree with more than one
 * graded attempt on a sitting that closed in the year: the only case where the exam's retake policy
 * has a choice to make, read with countingByPerson as the sitting's results read it. A handful of
 * retakers in a district, so read into memory; everyone else's one graded attempt is the count.
 */
async function countedWhereChosen(db: ReadDb, rootPath: string, w: YearWindow) {
	const rows = await db
		.select({ ...countingColumns, sittingId: examAttempt.sittingId, counts: exam.counts })
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.innerJoin(examAttempt, eq(examAttempt.sittingId, sitting.id))
		.innerJoin(person, eq(person.id, examAttempt.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.leftJoin(passRecord, eq(passRecord.attemptId, examAttempt.id))
		.where(
			and(
				gte(sitting.closesAt, new Date(w.fromMs)),
				lte(sitting.closesAt, new Date(w.untilMs)),
				inTree(rootPath),
				sql`(SELECT count(*) FROM ${examAttempt} g WHERE g.sitting_id = ${examAttempt.sittingId}
					AND g.person_id = ${examAttempt.personId} AND g.state = 'graded') > 1`
			)
		)
		.orderBy(examAttempt.sittingId, examAttempt.number);
	const bySitting = new Map<number, typeof rows>();
	for (const r of rows) bySitting.set(r.sittingId, [...(bySitting.get(r.sittingId) ?? []), r]);
	return [...bySitting].flatMap(([sittingId, mine]) =>
		[...countingByPerson(mine, mine[0]!.counts)].map(([personId, { counting }]) => [
			sittingId,
			personId,
			counting?.passed === true ? 1 : 0
		])
	);
}

/**
 * Certificates by the core's rule on the as-of day: two queries (the certificates, their events),
 * then one pass. A certificate has a handful of events at most, so this stays linear.
 */
async function certificateCounts(db: ReadDb, rootPath: string, w: YearWindow) {
	const rows = await db
		.select({
			id: certificate.id,
			personId: certificate.personId,
			unitId: person.unitId,
			active: sql<boolean>`${person.status} = 'active'`,
			kind: certificate.kind,
			attemptId: certificate.attemptId,
			verificationCode: certificate.verificationCode,
			validFrom: certificate.validFrom,
			validUntil: certificate.validUntil,
			revokedOn: certificate.revokedOn
		})
		.from(certificate)
		.innerJoin(person, eq(person.id, certificate.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(and(inTree(rootPath), lte(certificate.validFrom, w.asOf)));
	const events = rows.length
		? await db
				.select(eventColumns)
				.from(certificateEvent)
				.innerJoin(certificate, eq(certificate.id, certificateEvent.certificateId))
				.innerJoin(person, eq(person.id, certificate.personId))
				.innerJoin(unit, eq(unit.id, person.unitId))
				.where(inTree(rootPath))
		: [];
	const policy = await certificatePolicy(db);
	const out = new Map<number, UnitCounts['certificates']>();
	const of = (unitId: number) => {
		const c = out.get(unitId) ?? {
			inForce: 0,
			expiringSoon: 0,
			expired: 0,
			holders: 0,
			holdersInForce: 0
		};
		out.set(unitId, c);
		return c;
	};
	// someone who has left (retired, moved away) is no longer staff the unit must keep certified
	const staff = rows.filter((r) => r.kind === 'enforcement' && r.active);
	// held in force as the core's qualification() says: a suspended certificate is made up for by
	// no other (old data may hold both)
	const qualified = qualificationsOn(staff, events, 'enforcement', w.asOf, policy);
	for (const r of statusesOn(rows, events, w.asOf, policy)) {
		const { state } = r.status;
		const c = of(r.unitId);
		if (stateIn.in_force(state)) c.inForce++;
		if (stateIn.expiring_soon(state)) c.expiringSoon++;
		if (stateIn.expired(state)) c.expired++;
	}
	const holders = new Map(staff.map((r) => [r.personId, r.unitId]));
	for (const [personId, unitId] of holders) {
		const c = of(unitId);
		c.holders++;
		if (qualified.get(personId)?.qualified) c.holdersInForce++;
	}
	return out;
}

/** Oaths by the core's oathStatus on the as-of day, for the year's appointments (three queries). */
async function oathCounts(db: ReadDb, rootPath: string, w: YearWindow) {
	const rows = await db
		.select({ a: appointment, unitId: person.unitId })
		.from(appointment)
		.innerJoin(person, eq(person.id, appointment.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(
			and(
				inTree(rootPath),
				gte(appointment.appointedOn, w.from),
				lte(appointment.appointedOn, w.asOf)
			)
		);
	const out = new Map<number, UnitCounts['oaths']>();
	if (rows.length === 0) return out;
	const ceremonyRows = await db
		.selectDistinct({ c: oathCeremony })
		.from(oathCeremony)
		.innerJoin(oathParticipant, eq(oathParticipant.ceremonyId, oathCeremony.id))
		.innerJoin(appointment, eq(appointment.id, oathParticipant.appointmentId))
		.innerJoin(person, eq(person.id, appointment.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(and(inTree(rootPath), gte(appointment.appointedOn, w.from)));
	const ceremonies = await coreCeremonies(
		db,
		ceremonyRows.map((r) => r.c)
	);
	const policy = await readOathPolicy(db);
	const calendar = await workingDayCalendar(db);
	for (const r of rows) {
		const c = out.get(r.unitId) ?? { required: 0, done: 0, due: 0, overdue: 0 };
		out.set(r.unitId, c);
		// an oath taken by someone who need not swear is not part of the coverage asked for
		if (!oathRequirement(r.a.appointingBody, policy).required) continue;
		const { state } = oathStatus(coreAppointment(r.a), ceremonies, w.asOf, policy, calendar);
		if (state === 'not_required') continue;
		c.required++;
		c[state]++;
	}
	return out;
}
