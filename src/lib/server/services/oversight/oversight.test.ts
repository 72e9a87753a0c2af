import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assessmentSettingsInput } from '$lib/schemas/oversight.ts';
import { eq } from 'drizzle-orm';
import { type Db, embeddedUrlOf } from '../../db/index.ts';
import {
	appointment,
	certificate,
	certificateEvent,
	exam,
	examAttempt,
	oathCeremony,
	oathParticipant,
	passRecord,
	person,
	practiceAnswer,
	promotionCase,
	sitting,
	sittingPerson,
	sittingRank,
	sittingUnit,
	studyAttendance,
	studyPlan,
	studyPlanItem,
	studyReading,
	studyReadingSign,
	studySession,
	studyTeam,
	studyTeamMember
} from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';
import { testDatabase, testDb } from '../../testing/db.ts';
import { emptyPaper } from '../../testing/exams.ts';
import {
	ctxFor,
	district,
	makeBank,
	makePerson,
	makeQuestion,
	makeUnit,
	makeUser
} from '../../testing/factories.ts';
import { countsByUnit, yearWindow } from './counts.ts';
import { recountInWorker } from './recount.ts';
import { refreshSnapshot, snapshotFor } from './snapshot.ts';
import { assessment, dashboard } from './view.ts';
import { assessmentWorkbook } from './export.ts';
import { saveAssessmentSettings } from './settings.ts';

const NOW = new Date('2026-06-30T12:00:00+08:00');
const day = (iso: string) => new Date(`${iso}T09:00:00+08:00`);

/**
 * A small district whose every count is worked out by hand in the comments: bureau A (with section
 * A1) and street B, the year 2026 seen on 30 June.
 */
async function knownDistrict() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const street = await makeUser(db, d.b.id, [['organiser', d.b.id]]);
	const cadre = await makeUser(db, d.a.id);
	const pa1 = cadre.person;
	const pa2 = await makePerson(db, d.a.id, { rank: 'deputy_section' });
	const pa3 = await makePerson(db, d.a1.id);
	const gone = await makePerson(db, d.a.id);
	await db.update(person).set({ status: 'inactive' }).where(eq(person.id, gone.id));
	const pb1 = await makePerson(db, d.b.id);
	const pb2 = street.person;
	const t = day('2026-01-05');

	// study: team of the district with pa1, pa2, pb1
	const [team] = await db
		.insert(studyTeam)
		.values({ unitId: d.root.id, name: '领导班子', createdAt: t, updatedAt: t })
		.returning();
	await db
		.insert(studyTeamMember)
		.values([pa1, pa2, pb1].map((p) => ({ teamId: team!.id, personId: p.id, addedAt: t })));
	const plan = async (unitId: number, year: number, status: 'draft' | 'published', n: number) => {
		const [p] = await db
			.insert(studyPlan)
			.values({ unitId, year, title: '计划', status, createdAt: t, updatedAt: t })
			.returning();
		const items = [];
		for (let i = 0; i < n; i++)
			items.push(
				(
					await db
						.insert(studyPlanItem)
						.values({
							planId: p!.id,
							topic: `专题${i}`,
							form: 'lecture',
							plannedMonth: `${year}-0${i + 1}`,
							laws: [],
							createdAt: t,
							updatedAt: t
						})
						.returning()
				)[0]!
			);
		return items;
	};
	// A's 2026 plan: 3 items, 2 held (i1, i2) → 2/3; B's draft and A's 2025 plan do not count
	const [i1, i2] = await plan(d.a.id, 2026, 'published', 3);
	await plan(d.b.id, 2026, 'draft', 2);
	await plan(d.a.id, 2025, 'published', 4);
	const session = async (
		unitId: number,
		date: string,
		status: 'planned' | 'held' | 'cancelled',
		planItemId: number | null = null
	) =>
		(
			await db
				.insert(studySession)
				.values({
					unitId,
					teamId: team!.id,
					date,
					startTime: '08:30',
					durationMinutes: 30,
					form: 'collective',
					topic: '会前学法',
					laws: [],
					status,
					planItemId,
					createdAt: t,
					updatedAt: t
				})
				.returning()
		)[0]!;
	// A: 3 sessions by 30 June (one cancelled), 2 held; the July one is after the as-of day. B: 1 of 1.
	const s1 = await session(d.a.id, '2026-03-02', 'held', i1!.id);
	const s2 = await session(d.a.id, '2026-04-06', 'held', i2!.id);
	await session(d.a.id, '2026-05-04', 'cancelled');
	await session(d.a.id, '2026-07-06', 'planned');
	const s5 = await session(d.b.id, '2026-03-09', 'held');
	const mark = (
		sessionId: number,
		personId: number,
		status: 'present' | 'late' | 'leave' | 'absent'
	) =>
		db
			.insert(studyAttendance)
			.values({ sessionId, personId, status, source: 'organiser', updatedAt: t });
	// by the person's unit — A: pa1 present + leave, pa2 late + present → 3 of 4;
	// B: pb1 absent + present + present, pb2 absent → 2 of 4
	await mark(s1.id, pa1.id, 'present');
	await mark(s1.id, pa2.id, 'late');
	await mark(s1.id, pb1.id, 'absent');
	await mark(s2.id, pa1.id, 'leave');
	await mark(s2.id, pa2.id, 'present');
	await mark(s2.id, pb1.id, 'present');
	await mark(s5.id, pb1.id, 'present');
	await mark(s5.id, pb2.id, 'absent');
	// written study: r1 (2026) to the team → A expects 2 (pa1 signed), B 1 (pb1 opened only)
	const [r1] = await db
		.insert(studyReading)
		.values({
			unitId: d.root.id,
			teamId: team!.id,
			title: '宪法',
			createdAt: day('2026-02-01'),
			updatedAt: t
		})
		.returning();
	await db.insert(studyReading).values({
		unitId: d.root.id,
		teamId: team!.id,
		title: '旧',
		createdAt: day('2025-12-01'),
		updatedAt: t
	});
	await db.insert(studyReadingSign).values([
		{
			readingId: r1!.id,
			personId: pa1.id,
			openedAt: day('2026-02-02'),
			signedAt: day('2026-02-02')
		},
		{ readingId: r1!.id, personId: pb1.id, openedAt: day('2026-02-03'), signedAt: null }
	]);
	// practice: pa1 3 answers, pa3 1 (in A1, under A) → A 4 answers by 2 people; pb1's 2025 one no
	const bank = await makeBank(db, d.a.id);
	const q = await makeQuestion(db, bank.id);
	const answer = (personId: number, at: Date) =>
		db.insert(practiceAnswer).values({
			personId,
			questionId: q,
			version: 1,
			mode: 'free',
			response: {},
			fraction: 1,
			outcome: 'right',
			timeMs: 1000,
			answeredAt: at
		} as never);
	for (const m of ['2026-01-10', '2026-03-10', '2026-03-11']) await answer(pa1.id, day(m));
	await answer(pa3.id, day('2026-05-10'));
	await answer(pb1.id, day('2025-11-10'));

	// exams: annual S1 (closed 10 May; roster unit A + pb1 by name), annual S4 (closed 1 June; rank
	// deputy_section of the district: pa2 only), enforcement S2 closes in August (not yet counted)
	const makeExam = async (kind: 'annual' | 'enforcement') =>
		(
			await db
				.insert(exam)
				.values({
					unitId: d.root.id,
					title: kind,
					kind,
					status: 'published',
					paperKind: 'fixed',
					bankIds: [],
					blueprint: { sections: [] } as never,
					passMark: 60,
					durationMinutes: 60,
					maxAttempts: 3,
					counts: 'highest',
					onlyAfterFail: false,
					grading: {} as never,
					review: {} as never,
					createdAt: t,
					updatedAt: t
				})
				.returning()
		)[0]!;
	const annual = await makeExam('annual');
	const enforcement = await makeExam('enforcement');
	const makeSitting = async (examId: number, closes: string) =>
		(
			await db
				.insert(sitting)
				.values({ examId, name: '场次', opensAt: day(closes), closesAt: day(closes), createdAt: t })
				.returning()
		)[0]!;
	const S1 = await makeSitting(annual.id, '2026-05-10');
	const S4 = await makeSitting(annual.id, '2026-06-01');
	const S2 = await makeSitting(enforcement.id, '2026-08-01');
	await db.insert(sittingUnit).values({ sittingId: S1.id, unitId: d.a.id });
	await db.insert(sittingPerson).values({ sittingId: S1.id, personId: pb1.id });
	await db.insert(sittingRank).values({ sittingId: S4.id, rank: 'deputy_section' });
	let no = 0;
	const attempt = async (
		s: typeof S1,
		kind: 'annual' | 'enforcement',
		personId: number,
		result: 'passed' | 'failed' | 'voided'
	) => {
		const [a] = await db
			.insert(examAttempt)
			.values({
				sittingId: s.id,
				examId: s.examId,
				personId,
				number: ++no,
				state: result === 'voided' ? 'voided' : 'graded',
				paperId: await emptyPaper(db),
				startedAt: s.closesAt,
				deadline: s.closesAt,
				manualScores: {},
				...(result === 'voided' ? { voidedAt: s.closesAt } : {})
			})
			.returning();
		await db.insert(passRecord).values({
			attemptId: a!.id,
			personId,
			examId: s.examId,
			sittingId: s.id,
			kind,
			takenOn: '2026-05-10',
			status: result === 'voided' ? 'voided' : 'graded',
			maxScore: 100,
			passed: result === 'passed',
			updatedAt: t
		});
		return a!.id;
	};
	// A: pa1, pa2, pa3 required (gone is inactive); sat pa1, pa2 (pa3's voided); passed pa1 and pa2
	// (failed S1, passed S4: once per person and kind) → 3 / 2 / 2. B: pb1 1 / 1 / 1.
	await attempt(S1, 'annual', pa1.id, 'passed');
	await attempt(S1, 'annual', pa2.id, 'failed');
	await attempt(S1, 'annual', pa3.id, 'voided');
	await attempt(S4, 'annual', pa2.id, 'passed');
	await attempt(S1, 'annual', pb1.id, 'passed');

	// certificates on 30 June: pa1 valid; pa2 expiring (15 Aug, within 90 days); pa3 expired;
	// pb1's annual certificate is suspended → A: in force 2, expiring 1, expired 1, enforcement
	// holders 3 of whom 2 in force; B: none in force, no enforcement holder
	const cert = async (
		personId: number,
		kind: 'annual' | 'enforcement',
		from: string,
		until: string
	) => {
		const attemptId = await attempt(S2, 'enforcement', personId, 'passed');
		const [c] = await db
			.insert(certificate)
			.values({
				personId,
				examId: kind === 'annual' ? annual.id : enforcement.id,
				attemptId,
				kind,
				verificationCode: `CODE${attemptId}`,
				validFrom: from,
				validUntil: until,
				createdAt: t
			})
			.returning();
		return c!;
	};
	await cert(pa1.id, 'enforcement', '2025-01-01', '2027-12-31');
	await cert(pa2.id, 'enforcement', '2023-08-16', '2026-08-15');
	await cert(pa3.id, 'enforcement', '2023-03-02', '2026-03-01');
	const suspended = await cert(pb1.id, 'annual', '2026-01-01', '2028-12-31');
	await db.insert(certificateEvent).values({
		certificateId: suspended.id,
		kind: 'suspended',
		on: '2026-05-01',
		reason: '核查',
		createdAt: t
	});

	// oaths: pa1 sworn (done), pa2 appointed 20 June (due by 20 July), pa3 by the party committee
	// (need not swear), pb1 appointed 1 April and not sworn (overdue), pb2's 2025 one is last year's
	// → A required 2, done 1, due 1; B required 1, overdue 1
	const appoint = async (personId: number, on: string, body: 'government' | 'party_committee') =>
		(
			await db
				.insert(appointment)
				.values({ personId, post: '科长', appointingBody: body, appointedOn: on, createdAt: t })
				.returning()
		)[0]!;
	const ap1 = await appoint(pa1.id, '2026-03-01', 'government');
	await appoint(pa2.id, '2026-06-20', 'government');
	await appoint(pa3.id, '2026-02-01', 'party_committee');
	await appoint(pb1.id, '2026-04-01', 'government');
	await appoint(pb2.id, '2025-05-01', 'government');
	const [cer] = await db
		.insert(oathCeremony)
		.values({
			form: 'individual',
			date: '2026-03-10',
			place: '会议室',
			organiser: '区人大常委会',
			presiderId: pa2.id,
			flagOrEmblemDisplayed: true,
			anthemPlayed: true,
			textVersion: '2018',
			evidence: [],
			createdAt: t
		})
		.returning();
	await db
		.insert(oathParticipant)
		.values({ ceremonyId: cer!.id, personId: pa1.id, appointmentId: ap1.id });

	// cases: pa2 open and blocked; pb1 open, not checked; pa1's appointed case is closed
	const openCase = (personId: number, state: 'open' | 'appointed', gateAllowed: boolean | null) =>
		db.insert(promotionCase).values({
			personId,
			proposedPost: '副科长',
			leadingPost: true,
			appointmentRoute: 'government',
			appointingBody: 'government',
			state,
			gateAllowed,
			createdAt: t,
			updatedAt: t
		});
	await openCase(pa2.id, 'open', false);
	await openCase(pb1.id, 'open', null);
	await openCase(pa1.id, 'appointed', true);

	return { db, ...d, organiser, street, cadre };
}

const ctx = (db: Db, userId: number) => ctxFor(db, userId, NOW);

describe('oversight indicators', () => {
	it('count each figure of each unit as defined, on a known district', async () => {
		const s = await knownDistrict();
		const view = await dashboard(await ctx(s.db, s.organiser.user.id), { year: 2026 });
		expect(view.root?.id).toBe(s.root.id);
		// the district itself holds no records of its own here: only its two units are shown
		expect(view.groups.map((g) => g.name)).toEqual(['东城街道', '区司法局']);
		const A = view.groups.find((g) => g.id === s.a.id)!.counts;
		const B = view.groups.find((g) => g.id === s.b.id)!.counts;
		expect(A.planItems).toEqual({ planned: 3, held: 2 });
		expect(B.planItems).toEqual({ planned: 0, held: 0 });
		expect(A.sessions).toEqual({ scheduled: 3, held: 2, short: 0 });
		expect(B.sessions).toEqual({ scheduled: 1, held: 1, short: 0 });
		expect(A.attendance).toEqual({ expected: 4, attended: 3 });
		expect(B.attendance).toEqual({ expected: 4, attended: 2 });
		expect(A.readings).toEqual({ expected: 2, signed: 1 });
		expect(B.readings).toEqual({ expected: 1, signed: 0 });
		expect(A.practice).toEqual({ answers: 4, people: 2 });
		expect(B.practice).toEqual({ answers: 0, people: 0 });
		expect(A.exams.annual).toEqual({ required: 3, sat: 2, passed: 2 });
		expect(B.exams.annual).toEqual({ required: 1, sat: 1, passed: 1 });
		expect(A.exams.enforcement).toEqual({ required: 0, sat: 0, passed: 0 });
		expect(A.certificates).toEqual({
			inForce: 2,
			expiringSoon: 1,
			expired: 1,
			holders: 3,
			holdersInForce: 2
		});
		expect(B.certificates).toEqual({
			inForce: 0,
			expiringSoon: 0,
			expired: 0,
			holders: 0,
			holdersInForce: 0
		});
		expect(A.oaths).toEqual({ required: 2, done: 1, due: 1, overdue: 0 });
		expect(B.oaths).toEqual({ required: 1, done: 0, due: 0, overdue: 1 });
		expect(A.cases).toEqual({ open: 1, blocked: 1 });
		expect(B.cases).toEqual({ open: 1, blocked: 0 });
		expect(view.totals.attendance).toEqual({ expected: 8, attended: 5 });
		// month by month up to June: sessions in March (2 held), April (1), May (1 cancelled)
		expect(view.trend.map((m) => m.month)).toEqual([
			'2026-01',
			'2026-02',
			'2026-03',
			'2026-04',
			'2026-05',
			'2026-06'
		]);
		expect(view.trend[2]).toMatchObject({
			scheduled: 2,
			held: 2,
			expected: 5,
			attended: 3,
			answers: 2
		});
		expect(view.trend[4]).toMatchObject({ scheduled: 1, held: 0, answers: 1 });
	});

	it('leave people who have left out of the enforcement staff a unit must keep certified', async () => {
		const s = await knownDistrict();
		// a retired enforcement officer of A whose certificate lapsed in May
		const [gone] = await s.db.select().from(person).where(eq(person.status, 'inactive'));
		const [held] = await s.db.select().from(certificate).where(eq(certificate.kind, 'enforcement'));
		const [source] = await s.db
			.select()
			.from(examAttempt)
			.where(eq(examAttempt.id, held!.attemptId));
		const { id: _id, ...copy } = source!;
		const [a] = await s.db
			.insert(examAttempt)
			.values({ ...copy, personId: gone!.id, number: 999, paperId: await emptyPaper(s.db) })
			.returning();
		await s.db.insert(certificate).values({
			personId: gone!.id,
			examId: held!.examId,
			attemptId: a!.id,
			kind: 'enforcement',
			verificationCode: 'GONE',
			validFrom: '2023-05-01',
			validUntil: '2026-04-30',
			createdAt: day('2023-05-01')
		});
		const view = await dashboard(await ctx(s.db, s.organiser.user.id), { year: 2026 });
		const A = view.groups.find((g) => g.id === s.a.id)!.counts;
		// still the three serving holders, two of them in force, as before the retiree's record
		expect([A.certificates.holders, A.certificates.holdersInForce]).toEqual([3, 2]);
		const assessed = await assessment(await ctx(s.db, s.organiser.user.id), { year: 2026 });
		const row = assessed.rows.find((r) => r.group.id === s.a.id)!;
		expect(row.result.indicators.certificatesValid).toBeCloseTo(2 / 3);
	});

	it('count no holder in force whose enforcement certificate is suspended, whatever else they hold (old data)', async () => {
		const s = await knownDistrict();
		// pa1's enforcement certificate is suspended in May, and (recorded before the core's rule said
		// otherwise) they hold a second, valid one: as core qualification() says, it makes up for nothing
		const [held] = await s.db
			.select()
			.from(certificate)
			.where(eq(certificate.validUntil, '2027-12-31'));
		const [source] = await s.db
			.select()
			.from(examAttempt)
			.where(eq(examAttempt.id, held!.attemptId));
		const { id: _id, ...copy } = source!;
		const [a] = await s.db
			.insert(examAttempt)
			.values({ ...copy, number: 998, paperId: await emptyPaper(s.db) })
			.returning();
		await s.db.insert(certificate).values({
			personId: held!.personId,
			examId: held!.examId,
			attemptId: a!.id,
			kind: 'enforcement',
			verificationCode: 'SECOND',
			validFrom: '2026-02-01',
			validUntil: '2029-01-31',
			createdAt: day('2026-02-01')
		});
		await s.db.insert(certificateEvent).values({
			certificateId: held!.id,
			kind: 'suspended',
			on: '2026-05-01',
			reason: '涉嫌违法执法，暂扣',
			createdAt: day('2026-05-01')
		});
		const view = await dashboard(await ctx(s.db, s.organiser.user.id), { year: 2026 });
		const A = view.groups.find((g) => g.id === s.a.id)!.counts;
		// the second certificate is itself in force (counted among certificates), its holder is not
		expect(A.certificates).toMatchObject({ inForce: 2, holders: 3, holdersInForce: 1 });
		const assessed = await assessment(await ctx(s.db, s.organiser.user.id), { year: 2026 });
		const row = assessed.rows.find((r) => r.group.id === s.a.id)!;
		expect(row.result.indicators.certificatesValid).toBeCloseTo(1 / 3);
	});

	it('count in oath coverage only appointments that must be sworn, even when one that need not was sworn', async () => {
		const s = await knownDistrict();
		// pa3 (appointed by the party committee, need not swear) takes the oath all the same
		const [party] = await s.db
			.select()
			.from(appointment)
			.where(eq(appointment.appointingBody, 'party_committee'));
		const [cer] = await s.db
			.insert(oathCeremony)
			.values({
				form: 'individual',
				date: '2026-02-10',
				place: '会议室',
				organiser: '区委',
				presiderId: party!.personId,
				flagOrEmblemDisplayed: true,
				anthemPlayed: true,
				textVersion: '2018',
				evidence: [],
				createdAt: day('2026-02-10')
			})
			.returning();
		await s.db
			.insert(oathParticipant)
			.values({ ceremonyId: cer!.id, personId: party!.personId, appointmentId: party!.id });
		const view = await dashboard(await ctx(s.db, s.organiser.user.id), { year: 2026 });
		const A = view.groups.find((g) => g.id === s.a.id)!.counts;
		// as before: pa1 sworn, pa2 due; coverage ½, not ⅔
		expect(A.oaths).toEqual({ required: 2, done: 1, due: 1, overdue: 0 });
	});

	it('keep the counts they stored for ten minutes, then count again in the background', async () => {
		const s = await knownDistrict();
		const at = async (minutes: number) =>
			dashboard(
				await ctxFor(s.db, s.organiser.user.id, new Date(NOW.getTime() + minutes * 60_000)),
				{
					year: 2026
				}
			);
		const first = await at(0);
		expect(first.totals.attendance).toEqual({ expected: 8, attended: 5 });
		// everyone is marked absent after all: the stored counts stand until they are ten minutes old
		await s.db.update(studyAttendance).set({ status: 'absent' });
		const soon = await at(5);
		expect(soon.totals.attendance).toEqual({ expected: 8, attended: 5 });
		expect(soon.computedAt).toEqual(NOW);
		expect(soon.refreshing).toBeNull();
		// stale: the view still shows the stored counts at once, and has them counted again
		const stale = await at(11);
		expect(stale.totals.attendance).toEqual({ expected: 8, attended: 5 });
		expect(stale.refreshing).not.toBeNull();
		await stale.refreshing;
		const fresh = await at(12);
		expect(fresh.totals.attendance).toEqual({ expected: 8, attended: 0 });
		expect(fresh.trend[2]).toMatchObject({ expected: 5, attended: 0 });
		expect(fresh.computedAt).toEqual(new Date(NOW.getTime() + 11 * 60_000));
	});

	it('drill into a unit: its sub-units side by side, its own records as 本级', async () => {
		const s = await knownDistrict();
		const view = await dashboard(await ctx(s.db, s.organiser.user.id), {
			unitId: s.a.id,
			year: 2026
		});
		const own = view.groups.find((g) => g.own)!;
		const a1 = view.groups.find((g) => g.id === s.a1.id)!;
		expect(own.id).toBe(s.a.id);
		expect(own.counts.practice).toEqual({ answers: 3, people: 1 });
		expect(a1.counts.practice).toEqual({ answers: 1, people: 1 });
		expect(a1.counts.exams.annual).toEqual({ required: 1, sat: 0, passed: 0 });
	});

	it('count a talk under the minimum as held for attendance only: not for the plan, sessions held, the assessment', async () => {
		const s = await knownDistrict();
		// A's April session (plan item i2) turns out to have run 20 minutes of the 30 required
		await s.db
			.update(studySession)
			.set({
				actualStartAt: new Date('2026-04-06T08:30:00+08:00'),
				actualEndAt: new Date('2026-04-06T08:50:00+08:00')
			})
			.where(eq(studySession.date, '2026-04-06'));
		const c = await ctx(s.db, s.organiser.user.id);
		const view = await dashboard(c, { year: 2026 });
		const A = view.groups.find((g) => g.id === s.a.id)!.counts;
		expect(A.planItems).toEqual({ planned: 3, held: 1 });
		expect(A.sessions).toEqual({ scheduled: 3, held: 1, short: 1 });
		// who came stands: A's people, and B's pb1 who was present in April
		expect(A.attendance).toEqual({ expected: 4, attended: 3 });
		expect(view.totals.attendance).toEqual({ expected: 8, attended: 5 });
		expect(view.trend[3]).toMatchObject({ scheduled: 1, held: 0, expected: 3, attended: 2 });
		const a = await assessment(c, { year: 2026 });
		const row = a.rows.find((r) => r.group.id === s.a.id)!;
		expect(row.result.indicators).toMatchObject({ sessionsHeld: 1 / 3, attendance: 3 / 4 });
		expect(row.result.indicators.planKept).toBeCloseTo(1 / 3);
	});

	it('assess and rank the units with the core, by the weights and share in force', async () => {
		const s = await knownDistrict();
		const c = await ctx(s.db, s.organiser.user.id);
		const a = await assessment(c, { year: 2026 });
		// B: sessions 1, attendance ½, participation 1, pass 1, oaths 0 (plan and certificates not
		// applicable) → (15 + 7.5 + 15 + 15 + 0) / 70 = 75.00; A: (20·⅔ + 15·⅔ + 15·¾ + 15·⅔ + 15·1 +
		// 10·½ + 10·⅔) / 100 = 71.25
		expect(a.rows.map((r) => [r.group.name, r.result.rank, r.result.score, r.shareScore])).toEqual([
			['东城街道', 1, 75, 3],
			['区司法局', 2, 71.25, 2.85]
		]);
		expect(a.rows[1]!.result.indicators.planKept).toBeCloseTo(2 / 3);
		expect(a.rows[0]!.result.indicators.planKept).toBeNull();

		// an administrator gives the oath coverage all the weight and rule-of-law work 5 %
		const admin = await ctx(s.db, s.admin.user.id);
		await saveAssessmentSettings(admin, {
			planKept: 0,
			sessionsHeld: 0,
			attendance: 0,
			examParticipation: 0,
			examPassRate: 0,
			oathCoverage: 10,
			certificatesValid: 0,
			sharePercent: 5
		});
		const b = await assessment(c, { year: 2026 });
		expect(b.rows.map((r) => [r.group.name, r.result.score, r.shareScore])).toEqual([
			['区司法局', 50, 2.5],
			['东城街道', 0, 0]
		]);
		await expect(
			saveAssessmentSettings(c, { ...b.settings.weights, sharePercent: 4 })
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('list a unit with nothing to assess that year last, unranked and said so, not last with 0', async () => {
		const s = await knownDistrict();
		const quiet = await makeUnit(s.db, { name: '区档案馆', parentId: s.root.id });
		const c = await ctx(s.db, s.organiser.user.id);
		const a = await assessment(c, { year: 2026 });
		expect(
			a.rows.map((r) => [r.group.name, r.result.rank, r.result.assessed, r.shareScore])
		).toEqual([
			['东城街道', 1, true, 3],
			['区司法局', 2, true, 2.85],
			['区档案馆', undefined, false, null]
		]);
		expect(a.rows[2]!.group.id).toBe(quiet.id);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await assessmentWorkbook(c, { year: 2026 })) as never);
		const last = (wb.worksheets[0]!.getRow(5).values as unknown[]).slice(1);
		expect([last[0], last[1], last[9]]).toEqual([
			undefined,
			'区档案馆',
			'不参评（当年无可考核事项）'
		]);
	});

	it('a street organiser sees only their street; a cadre is refused', async () => {
		const s = await knownDistrict();
		const street = await ctx(s.db, s.street.user.id);
		const view = await dashboard(street, { year: 2026 });
		expect(view.groups.map((g) => [g.id, g.own])).toEqual([[s.b.id, false]]);
		expect(view.totals.attendance).toEqual({ expected: 4, attended: 2 });
		await expect(dashboard(street, { unitId: s.a.id, year: 2026 })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(assessment(street, { unitId: s.root.id, year: 2026 })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const cadre = await ctx(s.db, s.cadre.user.id);
		await expect(dashboard(cadre, { year: 2026 })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(assessment(cadre, { year: 2026 })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('the assessment workbook', () => {
	it('has the title, Chinese headers, one ranked row per unit in per cent and the weights noted', async () => {
		const s = await knownDistrict();
		const bytes = await assessmentWorkbook(await ctx(s.db, s.organiser.user.id), { year: 2026 });
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(bytes) as never);
		const sheet = wb.worksheets[0]!;
		const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
		expect(row(1)[0]).toBe('测试区政府2026年度法治建设考核结果');
		expect(row(2)).toEqual([
			'名次',
			'单位',
			'学法计划完成率（%）',
			'学法活动举办率（%）',
			'出勤率（%）',
			'参考率（%）',
			'考试合格率（%）',
			'宪法宣誓覆盖率（%）',
			'执法证件有效率（%）',
			'法治建设考核得分',
			'折合年度考核得分（占 4%）'
		]);
		expect(row(3)).toEqual([1, '东城街道', '不适用', 100, 50, 100, 100, 0, '不适用', 75, 3]);
		expect(row(4)).toEqual([2, '区司法局', 66.7, 66.7, 75, 66.7, 100, 50, 66.7, 71.25, 2.85]);
		expect(String(row(6)[0])).toContain('学法计划完成率 20');
		expect(String(row(6)[0])).toContain('占年度考核总分的 4%');
	});
});

describe('the recount on a worker thread', () => {
	it('stores the same counts as counting on the request thread, on a known district', async () => {
		const s = await knownDistrict();
		const w = yearWindow(2026, NOW);
		const inline = await countsByUnit(s.db, '/', w);
		expect(inline.units.get(s.a.id)?.attendance).toEqual({ expected: 4, attended: 3 });
		const url = embeddedUrlOf(s.db);
		expect(url).not.toBeNull();
		const counted = await recountInWorker(url!, w);
		expect(counted.units).toEqual(inline.units);
		expect(counted.months).toEqual(inline.months);
		// the refresh counts through the worker and stores what it counted
		await refreshSnapshot(s.db, 2026, NOW);
		const { snapshot } = await snapshotFor(s.db, 2026, NOW);
		expect(snapshot.units).toEqual(inline.units);
		expect(snapshot.months).toEqual(inline.months);
	});

	it('lets the request thread run on while the district is counted', async () => {
		const { db, client } = await testDatabase();
		const d = await district(db);
		const p = await makePerson(db, d.a.id);
		const q = await makeQuestion(db, (await makeBank(db, d.a.id)).id);
		// enough practice answers that counting them holds a thread for a while (a statement of the
		// embedded driver blocks its thread to the end)
		await client.execute({
			sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
				INSERT INTO practice_answer
					(person_id, question_id, version, mode, response, fraction, outcome, time_ms, answered_at)
				SELECT ?, ?, 1, 'free', '{}', 1, 'right', 1000, ? + i * 1000 FROM n`,
			args: [p.id, q, day('2026-01-02').getTime()]
		});
		let ticks = 0;
		let counting = true;
		const tick = () => {
			ticks++;
			if (counting) setImmediate(tick);
		};
		setImmediate(tick);
		const snapshot = await refreshSnapshot(db, 2026, NOW);
		counting = false;
		expect(snapshot.units.get(d.a.id)?.practice).toEqual({ answers: 100_000, people: 1 });
		// counted on this thread, the loop turns only between the count's statements (a few dozen
		// times); on the worker it turns all along, thousands of times
		expect(ticks).toBeGreaterThan(1000);
	});
});

describe('the assessment settings form', () => {
	const form = {
		planKept: '0',
		sessionsHeld: '0',
		attendance: '0',
		examParticipation: '0',
		examPassRate: '0',
		oathCoverage: '0',
		certificatesValid: '0',
		sharePercent: '4.5'
	};
	it('refuses all weights zero, a share out of range, and takes a share with one decimal', () => {
		const zero = assessmentSettingsInput.safeParse(form);
		expect(zero.success).toBe(false);
		expect(zero.error?.issues[0]?.message).toBe('oversight_err_weights_zero');
		expect(
			assessmentSettingsInput.safeParse({ ...form, planKept: '5', sharePercent: '0' }).success
		).toBe(false);
		expect(
			assessmentSettingsInput.safeParse({ ...form, planKept: '5', sharePercent: '4.55' }).success
		).toBe(false);
		expect(assessmentSettingsInput.parse({ ...form, planKept: '5' })).toMatchObject({
			planKept: 5,
			sharePercent: 4.5
		});
	});
});
