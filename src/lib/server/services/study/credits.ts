/**
 * Study credits (学分) per the district's credit policy: each cadre's progress toward the annual
 * requirement, and per unit who is behind. The counting is the core's `annualCredits` (a lecture
 * or collective session under `study.minLectureMinutes` earns none); this file only gathers each
 * person's attended sessions, sign-offs and practice answers of the year.
 */
import { and, asc, count, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import {
	type AnnualCreditPolicy,
	type AnnualCreditInput,
	type AnnualCredits,
	DEFAULT_ANNUAL_CREDIT_POLICY,
	STUDY_FORMS,
	annualCredits,
	shanghaiDate,
	shanghaiInstant
} from '@xuefa/core';
import { authorizeAnywhere, canAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import {
	person,
	practiceAnswer,
	studyAttendance,
	studyReadingSign,
	studySession,
	unit
} from '../../db/schema/index.ts';
import { readSettings } from '../../settings.ts';
import { sessionMinutes } from './core-shapes.ts';
import { studyPolicy } from './policy.ts';

/** Credit settings (policy_setting keys) with their defaults: local choices, see the README. */
export const CREDIT_POLICY_DEFAULTS = {
	...Object.fromEntries(
		STUDY_FORMS.map((f) => [
			`credits.session.${f}`,
			DEFAULT_ANNUAL_CREDIT_POLICY.perSessionByForm[f]
		])
	),
	'credits.latePercent': DEFAULT_ANNUAL_CREDIT_POLICY.lateFactor * 100,
	'credits.perSignOff': DEFAULT_ANNUAL_CREDIT_POLICY.perSignOff,
	'credits.practiceAnswersPerCredit': DEFAULT_ANNUAL_CREDIT_POLICY.practiceAnswersPerCredit,
	'credits.practiceCap': DEFAULT_ANNUAL_CREDIT_POLICY.practiceCap,
	'credits.annualRequired': DEFAULT_ANNUAL_CREDIT_POLICY.annualRequired
} as Record<string, number>;

/** A number of credits: not negative, at most two decimals' worth of sense. */
const numIn = (min: number, max: number) => (v: unknown) =>
	typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** The district's credit policy from its settings. */
export async function creditPolicy(db: ReadDb): Promise<AnnualCreditPolicy> {
	const valid = Object.fromEntries(
		Object.keys(CREDIT_POLICY_DEFAULTS).map((k) => [
			k,
			k === 'credits.latePercent'
				? numIn(0, 100)
				: k === 'credits.practiceAnswersPerCredit'
					? numIn(0, 100_000)
					: numIn(0, 1000)
		])
	);
	const s = await readSettings(db, CREDIT_POLICY_DEFAULTS, valid);
	return {
		perSessionByForm: Object.fromEntries(
			STUDY_FORMS.map((f) => [f, s[`credits.session.${f}`]!])
		) as AnnualCreditPolicy['perSessionByForm'],
		lateFactor: s['credits.latePercent']! / 100,
		perSignOff: s['credits.perSignOff']!,
		practiceAnswersPerCredit: Math.floor(s['credits.practiceAnswersPerCredit']!),
		practiceCap: s['credits.practiceCap']!,
		annualRequired: s['credits.annualRequired']!
	};
}

/** The year of `now` in Beijing, and its first and last instants. */
function yearBounds(year: number) {
	return {
		firstDay: `${year}-01-01`,
		nextFirstDay: `${year + 1}-01-01`,
		start: shanghaiInstant(`${year}-01-01`),
		end: shanghaiInstant(`${year + 1}-01-01`)
	};
}

export const currentYear = (now: Date) => Number(shanghaiDate(now).slice(0, 4));

type Inputs = Map<number, Omit<AnnualCreditInput, 'year'>>;

/**
 * Each person's credit inputs for a year, for the people `who` selects (a condition on `person`):
 * three grouped queries, whatever the number of people.
 */
async function gather(db: ReadDb, who: SQL, year: number): Promise<Inputs> {
	const y = yearBounds(year);
	const attended = await db
		.select({
			personId: studyAttendance.personId,
			date: studySession.date,
			form: studySession.form,
			durationMinutes: studySession.durationMinutes,
			actualStartAt: studySession.actualStartAt,
			actualEndAt: studySession.actualEndAt,
			status: studyAttendance.status
		})
		.from(studyAttendance)
		.innerJoin(studySession, eq(studySession.id, studyAttendance.sessionId))
		.innerJoin(person, eq(person.id, studyAttendance.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(
			and(
				who,
				eq(studySession.status, 'held'),
				inArray(studyAttendance.status, ['present', 'late']),
				gte(studySession.date, y.firstDay),
				lt(studySession.date, y.nextFirstDay)
			)
		);
	const signs = await db
		.select({ personId: studyReadingSign.personId, signedAt: studyReadingSign.signedAt })
		.from(studyReadingSign)
		.innerJoin(person, eq(person.id, studyReadingSign.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(
			and(
				who,
				isNotNull(studyReadingSign.signedAt),
				gte(studyReadingSign.signedAt, y.start),
				lt(studyReadingSign.signedAt, y.end)
			)
		);
	// the Beijing day of each answer (UTC+8 all year): the year boundary is Beijing's midnight
	const day = sql<string>`date((${practiceAnswer.answeredAt} / 1000) + 28800, 'unixepoch')`;
	const practice = await db
		.select({ personId: practiceAnswer.personId, date: day, n: count() })
		.from(practiceAnswer)
		.innerJoin(person, eq(person.id, practiceAnswer.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(and(who, gte(practiceAnswer.answeredAt, y.start), lt(practiceAnswer.answeredAt, y.end)))
		.groupBy(practiceAnswer.personId, day);
	const out: Inputs = new Map();
	const of = (id: number) => {
		let v = out.get(id);
		if (!v) out.set(id, (v = { attended: [], signOffs: [], practiceAnswers: [] }));
		return v as {
			attended: AnnualCreditInput['attended'][number][];
			signOffs: string[];
			practiceAnswers: { date: string; count: number }[];
		};
	};
	for (const a of attended)
		of(a.personId).attended.push({
			date: a.date,
			form: a.form,
			durationMinutes: sessionMinutes(a),
			status: a.status as 'present' | 'late'
		});
	for (const s of signs) of(s.personId).signOffs.push(shanghaiDate(s.signedAt!));
	for (const p of practice) of(p.personId).practiceAnswers.push({ date: p.date, count: p.n });
	return out;
}

const none = { attended: [], signOffs: [], practiceAnswers: [] };

/**
 * The credits in `year` of the people `who` selects (a condition on `person` and `unit`), as a
 * lookup by person id (someone with nothing recorded has 0): three grouped queries and the policy,
 * whatever the number of people.
 */
export async function creditsOf(
	db: ReadDb,
	who: SQL,
	year: number
): Promise<(personId: number) => AnnualCredits> {
	const inputs = await gather(db, who, year);
	const policy = await creditPolicy(db);
	const study = await studyPolicy(db);
	return (personId) => annualCredits({ year, ...(inputs.get(personId) ?? none) }, policy, study);
}

/** The signed-in cadre's credits this year (Beijing time), or null for an account without a person. */
export async function myCredits(ctx: Ctx): Promise<(AnnualCredits & { year: number }) | null> {
	const personId = ctx.user.personId;
	if (personId === null || !canAnywhere(ctx.user, 'study.attend')) return null;
	const year = currentYear(ctx.now);
	const credits = await creditsOf(ctx.db, eq(person.id, personId), year);
	return { year, ...credits(personId) };
}

/**
 * Per unit, the active people of the units whose study the user reads, with their credits for the
 * year; those furthest behind first. Only those who have not met the requirement unless
 * `behindOnly` is false.
 */
export async function unitCredits(ctx: Ctx, options: { year?: number; behindOnly?: boolean } = {}) {
	authorizeAnywhere(ctx, 'study.read');
	const year = options.year ?? currentYear(ctx.now);
	const scoped = and(
		inScope(ctx.user, 'study.read', unit.path),
		eq(person.status, 'active')
	) as SQL;
	const people = await ctx.db
		.select({
			id: person.id,
			name: person.name,
			employeeNo: person.employeeNo,
			unitName: unit.name,
			unitPath: unit.path
		})
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(scoped)
		.orderBy(asc(unit.path), asc(person.name));
	const credits = await creditsOf(ctx.db, scoped, year);
	const policy = await creditPolicy(ctx.db);
	const rows = people
		.map(({ unitPath: _, ...p }) => ({ ...p, credits: credits(p.id) }))
		.filter((r) => !(options.behindOnly ?? true) || !r.credits.met);
	rows.sort((a, b) => b.credits.shortfall - a.credits.shortfall);
	return { year, required: policy.annualRequired, rows };
}

/**
 * One person's credits for each year from their first recorded study (attendance or practice) to
 * the year of `now`, newest first, at most `maxYears` of them: the personal record's study part.
 */
export async function personCredits(
	db: ReadDb,
	personId: number,
	now: Date,
	maxYears = 5
): Promise<(AnnualCredits & { year: number })[]> {
	const last = currentYear(now);
	const [firstSession] = await db
		.select({ date: sql<string | null>`min(${studySession.date})` })
		.from(studyAttendance)
		.innerJoin(studySession, eq(studySession.id, studyAttendance.sessionId))
		.where(eq(studyAttendance.personId, personId));
	const [firstAnswer] = await db
		.select({ at: sql<number | null>`min(${practiceAnswer.answeredAt})` })
		.from(practiceAnswer)
		.where(eq(practiceAnswer.personId, personId));
	const starts = [
		firstSession?.date ? Number(firstSession.date.slice(0, 4)) : last,
		firstAnswer?.at ? currentYear(new Date(firstAnswer.at)) : last
	];
	const first = Math.max(Math.min(...starts), last - maxYears + 1);
	const policy = await creditPolicy(db);
	const study = await studyPolicy(db);
	const out: (AnnualCredits & { year: number })[] = [];
	for (let year = last; year >= first; year--) {
		const inputs = await gather(db, eq(person.id, personId), year);
		const input = { year, ...(inputs.get(personId) ?? none) };
		out.push({ year, ...annualCredits(input, policy, study) });
	}
	return out;
}
