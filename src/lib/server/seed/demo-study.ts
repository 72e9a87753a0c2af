/**
 * The demo district's study programme, written for the project: the leadership team, this year's
 * published plan (and last year's when the weeks already past began in it, seeded in January), the
 * weekly 会前学法 schedule with its past sessions held and attendance marked, and a written-study
 * material. Everything goes through the services, as the demo organiser, so the seed is what an
 * organiser could have done by hand; every date is computed from `now`.
 */
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { addDays, shanghaiDate } from '@xuefa/core';
import {
	addTeamMembersInput,
	createReadingInput,
	markAttendanceInput,
	planItemInput,
	scheduleInput,
	sessionDetailsInput
} from '$lib/schemas/study.ts';
import { loadSessionUser } from '../auth/session-user.ts';
import type { Ctx } from '../context.ts';
import type { Tx } from '../db/index.ts';
import { person, studySession, user } from '../db/schema/index.ts';
import { markAttendance, markRest } from '../services/study/attendance.ts';
import { createPlan, planItems, publishPlan } from '../services/study/plans.ts';
import { addPlanItem } from '../services/study/plan-items.ts';
import { createReading, signReading } from '../services/study/readings.ts';
import { createSchedule } from '../services/study/schedules.ts';
import { updateSessionDetails } from '../services/study/session-record.ts';
import { addTeamMembers, createTeam } from '../services/study/teams.ts';
import { pick } from './names.ts';

/** The plan's items: topic, form, month of the year, speaker, statute and articles. */
const PLAN: [
	string,
	'lecture' | 'collective' | 'case' | 'written',
	number,
	string,
	string,
	string
][] = [
	['学习宪法，弘扬宪法精神', 'collective', 1, '', '宪法', ''],
	['行政处罚的种类和设定', 'lecture', 3, '区司法局局长', '行政处罚法', '9、10、11'],
	['行政许可的实施程序', 'lecture', 4, '法律顾问', '行政许可法', '29、30、31'],
	['行政复议范围与申请期限', 'collective', 5, '', '行政复议法', '11、20'],
	['行政诉讼被告与起诉期限', 'case', 6, '区人民法院法官', '行政诉讼法', '26、46'],
	['公务员的义务与纪律', 'written', 7, '', '公务员法', '14、59'],
	['重大行政决策的合法性审查', 'lecture', 9, '法律顾问', '行政处罚法', '58'],
	['年度学法总结与以案释法', 'case', 11, '区司法局', '行政诉讼法', '']
];

const READING = `## 学习要点

1. 行政复议机关办理行政复议案件，应当遵循合法、公正、公开、高效、便民、为民的原则。
2. 公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起**六十日内**提出行政复议申请。
3. 行政机关负责人应当依法出庭应诉，不能出庭的，应当委托相应的工作人员出庭。

请结合本单位行政执法工作，阅读以上要点并签阅。`;

export async function seedDemoStudy(db: Tx, rootUnitId: number, now: Date, rng: () => number) {
	const [organiser] = await db.select().from(user).where(eq(user.username, 'organiser'));
	const sessionUser = await loadSessionUser(db, organiser!.id);
	const ctx: Ctx = { db, user: sessionUser!, now };
	const today = shanghaiDate(now);
	const year = Number(today.slice(0, 4));

	// the heads of the district's units, and the demo cadre, study together before the 常务会议
	const heads = await db
		.select({ employeeNo: person.employeeNo })
		.from(person)
		.where(inArray(person.rank, ['division']))
		.orderBy(asc(person.id));
	const [cadre] = await db
		.select({ employeeNo: person.employeeNo })
		.from(person)
		.innerJoin(user, eq(user.personId, person.id))
		.where(eq(user.username, 'cadre'));
	const teamId = await createTeam(ctx, {
		unitId: rootUnitId,
		name: '区政府领导班子',
		description: '区政府常务会议会前学法'
	});
	await addTeamMembers(
		ctx,
		addTeamMembersInput.parse({
			teamId: String(teamId),
			employeeNos: [...heads, cadre!].map((p) => p.employeeNo).join(' ')
		})
	);

	// this year's plan, and last year's too when the sessions already past began in it (seeded in
	// January, the weeks before were last year's: they deliver that year's plan, as a session can
	// only deliver the plan of its own year)
	const start = addDays(today, -63);
	const years = Number(start.slice(0, 4)) < year ? [year - 1, year] : [year];
	const plans = new Map<number, Awaited<ReturnType<typeof planItems>>>();
	for (const y of years) {
		const planId = await createPlan(ctx, {
			unitId: rootUnitId,
			teamId,
			year: y,
			title: `${y}年度区政府领导班子学法计划`
		});
		for (const [topic, form, month, speaker, law, articles] of PLAN) {
			await addPlanItem(
				ctx,
				planItemInput.parse({
					planId: String(planId),
					topic,
					form,
					when: `${y}-${String(month).padStart(2, '0')}`,
					speaker,
					plannedMinutes: '30',
					'laws.0.law': law,
					'laws.0.articles': articles
				})
			);
		}
		await publishPlan(ctx, { planId });
		plans.set(y, await planItems(ctx, planId));
	}

	// every Monday at 08:30 from nine weeks ago to the end of the year (or three months ahead in
	// December, when the year has only a few Mondays left)
	await createSchedule(
		ctx,
		scheduleInput.parse({
			teamId: String(teamId),
			title: '区政府常务会议会前学法',
			form: 'lecture',
			weekday: '1',
			startDate: start,
			endDate: `${year}-12-31` > addDays(today, 28) ? `${year}-12-31` : addDays(today, 90),
			startTime: '08:30',
			durationMinutes: '30',
			location: '区政府第一会议室'
		})
	);

	// the sessions already past were held: a topic from their year's plan, and attendance marked
	const past = await db
		.select()
		.from(studySession)
		.where(and(eq(studySession.teamId, teamId), lt(studySession.date, today)))
		.orderBy(asc(studySession.date));
	const roster = await db
		.select({ personId: person.id })
		.from(person)
		.where(
			inArray(
				person.employeeNo,
				[...heads, cadre!].map((p) => p.employeeNo)
			)
		);
	// each session delivers the earliest item not yet held whose month has come (a late item is
	// caught up); when none is due, it keeps the schedule's own topic (extra study)
	const dueOf = new Map([...plans].map(([y, items]) => [y, [...items]]));
	for (const s of past) {
		const due = dueOf.get(Number(s.date.slice(0, 4)))!;
		const k = due.findIndex((it) => it.plannedMonth <= s.date.slice(0, 7));
		const item = k < 0 ? undefined : due.splice(k, 1)[0]!;
		const law = item?.laws[0];
		if (item) {
			await updateSessionDetails(
				ctx,
				sessionDetailsInput.parse({
					sessionId: String(s.id),
					topic: item.topic,
					form: item.form,
					planItemId: String(item.id),
					speakerKind: item.speaker ? 'external' : '',
					speakerName: item.speaker,
					location: s.location,
					'laws.0.law': law?.lawId ?? '',
					'laws.0.articles': law?.articleNo ? String(law.articleNo) : ''
				})
			);
		}
		// one or two people on leave or late each time, the rest present
		const away = pick(rng, roster);
		const late = pick(rng, roster);
		await markAttendance(
			ctx,
			markAttendanceInput.parse({
				sessionId: String(s.id),
				[`status.${away.personId}`]: 'leave',
				[`reason.${away.personId}`]: '公务外出',
				...(late.personId === away.personId ? {} : { [`status.${late.personId}`]: 'late' })
			})
		);
		await markRest(ctx, { sessionId: s.id, status: 'present' });
	}

	// a written-study material, signed off by some of the team (the demo cadre has yet to)
	const readingId = await createReading(
		ctx,
		createReadingInput.parse({
			teamId: String(teamId),
			title: '学习《行政复议法》修订要点',
			body: READING,
			dueDate: addDays(today, 14)
		})
	);
	const signers = await db
		.select({ id: user.id })
		.from(user)
		.innerJoin(person, eq(person.id, user.personId))
		.where(
			inArray(
				person.employeeNo,
				heads.slice(0, 3).map((h) => h.employeeNo)
			)
		);
	for (const s of signers) {
		const who = await loadSessionUser(db, s.id);
		await signReading({ db, user: who!, now }, { readingId });
	}
}
