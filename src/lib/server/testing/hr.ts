/**
 * A district with a published pre-appointment exam and its sitting (from the exam fixtures), an HR
 * officer of the whole district, one of street B only, and a promotion case for the cadre of A1.
 */
import { caseInput, ceremonyInput } from '$lib/schemas/hr.ts';
import type { Db } from '../db/index.ts';
import { examAttempt, passRecord } from '../db/schema/index.ts';
import { assignSitting } from '../services/hr/case-actions.ts';
import { openCase } from '../services/hr/cases.ts';
import { at, emptyPaper, examSetup, publishedSitting } from './exams.ts';
import { ctxFor, makePerson, makeUser } from './factories.ts';

export async function hrSetup(caseOverrides: Record<string, unknown> = {}) {
	const s = await examSetup();
	const { examId, sittingId } = await publishedSitting(s);
	const hrUser = await makeUser(s.db, s.root.id, [['hr', s.root.id]]);
	const streetHrUser = await makeUser(s.db, s.b.id, [['hr', s.b.id]]);
	const hr = await ctxFor(s.db, hrUser.user.id, at(-60 * 24));
	const caseId = await openCase(
		hr,
		caseInput.parse({
			employeeNo: s.cadre.person.employeeNo,
			proposedPost: '法治督察科科长',
			leadingPost: 'on',
			appointingBody: 'government',
			nominatedOn: '2026-02-10',
			publicNoticeOn: '2026-02-20',
			...caseOverrides
		})
	);
	await assignSitting(hr, { caseId, sittingId });
	/** HR's context at another time (days after the sitting's day, 2026-03-02). */
	const hrAt = (date: string) => ctxFor(s.db, hrUser.user.id, new Date(`${date}T10:00:00+08:00`));
	return { ...s, examId, sittingId, hrUser, streetHrUser, hr, hrAt, caseId };
}

/**
 * The oath form for `appointmentId` as HR sends it by default (individual, no leader) on 2026-03-12,
 * presided by a new person P0001 of the district; `overrides` change any field.
 */
export async function ceremonyForm(s: Awaited<ReturnType<typeof hrSetup>>, appointmentId: number) {
	const presider = await makePerson(s.db, s.root.id, { employeeNo: 'P0001' });
	return (overrides: Record<string, unknown> = {}) =>
		ceremonyInput.parse({
			form: 'individual',
			date: '2026-03-12',
			place: '区政府常务会议室',
			organiser: '区人民政府',
			presiderNo: presider.employeeNo,
			appointmentIds: [String(appointmentId)],
			leaderAppointmentId: '',
			flagOrEmblemDisplayed: 'on',
			anthemPlayed: 'on',
			textVersion: '2018',
			...overrides
		});
}

// far above the numbers an attempt started through the exam service takes (1, 2 …), so the two mix
let attemptNo = 1000;

/**
 * A graded (or voided, or pending) attempt of the cadre at a sitting on `takenOn`, with its pass
 * record as the exam module writes it: the gate reads nothing else.
 */
export async function examRecord(
	db: Db,
	opts: {
		examId: number;
		sittingId: number;
		personId: number;
		takenOn: string;
		score?: number;
		status?: 'graded' | 'pending' | 'voided';
	}
) {
	const started = new Date(`${opts.takenOn}T09:00:00+08:00`);
	const status = opts.status ?? 'graded';
	const score = opts.score ?? 0;
	// a graded attempt holds its score as the exam module writes it (the sitting's results read it)
	const graded = status === 'graded' ? { score, maxScore: 100, gradedAt: started } : {};
	const [a] = await db
		.insert(examAttempt)
		.values({
			sittingId: opts.sittingId,
			examId: opts.examId,
			personId: opts.personId,
			number: ++attemptNo,
			state: status === 'graded' ? 'graded' : status === 'voided' ? 'voided' : 'submitted',
			paperId: await emptyPaper(db),
			startedAt: started,
			deadline: new Date(started.getTime() + 7_200_000),
			manualScores: {},
			...graded
		})
		.returning({ id: examAttempt.id });
	await db.insert(passRecord).values({
		attemptId: a!.id,
		personId: opts.personId,
		examId: opts.examId,
		sittingId: opts.sittingId,
		kind: 'pre_appointment',
		takenOn: opts.takenOn,
		status,
		score: status === 'graded' ? score : null,
		maxScore: 100,
		percent: status === 'graded' ? score : null,
		passed: status === 'graded' ? score >= 60 : status === 'voided' ? false : null,
		updatedAt: started
	});
	return a!.id;
}

/** The cadre of {@link hrSetup} takes the case's sitting (or another) on `takenOn`: a score, or voided / pending. */
export function cadreTakes(
	s: Awaited<ReturnType<typeof hrSetup>>,
	takenOn: string,
	score: number | 'voided' | 'pending',
	sittingId = s.sittingId
) {
	return examRecord(s.db, {
		examId: s.examId,
		sittingId,
		personId: s.cadre.person.id,
		takenOn,
		...(typeof score === 'number' ? { score } : { status: score })
	});
}
