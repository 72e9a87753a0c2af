import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appointment, promotionCase } from '../../db/schema/index.ts';
import { ConflictError } from '../../errors.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { answerEvery, at, candidateCtx, correctKeyToB } from '../../testing/exams.ts';
import { cadreTakes, hrSetup } from '../../testing/hr.ts';
import { startExamAttempt, submitExamAttempt } from '../exams/attempts.ts';
import { voidExamAttempt } from '../exams/integrity.ts';
import { regradeSitting } from '../exams/release.ts';
import { recordAppointment } from './case-actions.ts';
import { caseView } from './case-view.ts';
import { casesWithLapsedEvidence, listCases } from './cases.ts';

type Setup = Awaited<ReturnType<typeof hrSetup>>;

/** The cadre sits the case's sitting and answers every question right: a pass, graded at once. */
async function cadrePasses(s: Setup) {
	const cadre = await candidateCtx(s.db, s.cadre.user.id, 5);
	const attemptId = await startExamAttempt(cadre, { sittingId: s.sittingId, confirm: 'on' });
	await answerEvery(cadre, attemptId, true);
	await submitExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 30), { attemptId });
	return attemptId;
}

/** The case's row in HR's list of every case on `date`. */
async function listed(s: Setup, date: string) {
	return (await listCases(await s.hrAt(date), { state: 'all' })).find((c) => c.id === s.caseId)!;
}

describe('a pass the case relied on that no longer holds', () => {
	it('voided for cheating after the gate opened: the case says what, when, why and by whom, and cannot be appointed', async () => {
		const s = await hrSetup();
		const attemptId = await cadrePasses(s);
		const opened = await caseView(await s.hrAt('2026-03-05'), s.caseId);
		expect(opened.gate!.allowed).toBe(true);
		expect(opened.lapse).toBeNull();

		await voidExamAttempt(await ctxFor(s.db, s.organiser.user.id, at(60 * 24 * 4)), {
			sittingId: s.sittingId,
			attemptId,
			reason: '经查替考'
		});
		const view = await caseView(await s.hrAt('2026-03-10'), s.caseId);
		expect(view.gate!.allowed).toBe(false);
		expect(view.lapse).toEqual({
			attemptId,
			takenOn: '2026-03-02',
			change: 'voided',
			scoreBefore: expect.any(Number) as number,
			scoreNow: null,
			supersededBy: null,
			at: at(60 * 24 * 4).getTime(),
			by: s.organiser.user.displayName,
			reason: '经查替考',
			appointed: false,
			review: null
		});
		expect((await listed(s, '2026-03-10')).lapse).toMatchObject({ change: 'voided' });
		const refused = await recordAppointment(await s.hrAt('2026-03-10'), {
			caseId: s.caseId,
			appointedOn: '2026-03-10',
			confirmed: 'yes'
		}).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ConflictError);
		expect(await s.db.select().from(appointment)).toEqual([]);

		// a new pass for the case is evidence that holds: the warning goes
		await cadreTakes(s, '2026-03-11', 88);
		expect((await caseView(await s.hrAt('2026-03-12'), s.caseId)).lapse).toBeNull();
	});

	it('regraded to a fail after the appointment: the appointment stands, flagged for HR to review', async () => {
		const s = await hrSetup();
		const attemptId = await cadrePasses(s);
		const hr = await s.hrAt('2026-03-10');
		await recordAppointment(hr, { caseId: s.caseId, appointedOn: '2026-03-10', confirmed: 'yes' });
		expect((await caseView(hr, s.caseId)).lapse).toBeNull();

		// the key was wrong: corrected, the sitting regraded, every answer the cadre gave is now wrong
		await correctKeyToB(s.db);
		const grader = await makeUser(s.db, s.root.id, [['grader', s.root.id]]);
		const regradedAt = new Date('2026-03-11T15:00:00+08:00');
		expect(
			await regradeSitting(await ctxFor(s.db, grader.user.id, regradedAt), {
				sittingId: s.sittingId
			})
		).toBe(1);

		const later = await s.hrAt('2026-03-12');
		const view = await caseView(later, s.caseId);
		expect(view.case.state).toBe('appointed');
		expect(view.appointment).not.toBeNull();
		expect(view.lapse).toMatchObject({
			attemptId,
			change: 'failed',
			scoreNow: 0,
			at: regradedAt.getTime(),
			by: grader.user.displayName,
			reason: null,
			appointed: true
		});
		expect(view.lapse!.scoreBefore).toBeGreaterThan(0);
		// the list flags it too, and the case stays appointed (nothing is undone by itself)
		expect((await listed(s, '2026-03-12')).lapse).toMatchObject({ appointed: true });
		const [c] = await s.db.select().from(promotionCase).where(eq(promotionCase.id, s.caseId));
		expect(c!.state).toBe('appointed');
		// the home page reminds HR of the candidate's units, and no one else
		expect(await casesWithLapsedEvidence(later)).toEqual([
			{ id: s.caseId, name: s.cadre.person.name, post: '法治督察科科长', appointed: true }
		]);
		expect(await casesWithLapsedEvidence(await ctxFor(s.db, s.streetHrUser.user.id))).toEqual([]);
		expect(await casesWithLapsedEvidence(await ctxFor(s.db, s.cadre.user.id))).toBeNull();
	});

	it('is not raised for a fail the gate never relied on, nor for a case the gate still lets through', async () => {
		const s = await hrSetup();
		await cadreTakes(s, '2026-03-02', 40);
		expect((await caseView(await s.hrAt('2026-03-10'), s.caseId)).lapse).toBeNull();
		await cadreTakes(s, '2026-03-05', 75);
		const view = await caseView(await s.hrAt('2026-03-10'), s.caseId);
		expect(view.gate!.allowed).toBe(true);
		expect(view.lapse).toBeNull();
		expect((await listed(s, '2026-03-10')).lapse).toBeNull();
	});

	it('reaches the home page for an appointment made long ago, behind 500 newer cases', async () => {
		const s = await hrSetup();
		const attemptId = await cadrePasses(s);
		await recordAppointment(await s.hrAt('2026-03-10'), {
			caseId: s.caseId,
			appointedOn: '2026-03-10',
			confirmed: 'yes'
		});
		// a district's later promotions: the list shows the newest 500 cases only
		const [mine] = await s.db.select().from(promotionCase).where(eq(promotionCase.id, s.caseId));
		const { id: _id, ...template } = mine!;
		await s.db.insert(promotionCase).values(
			Array.from({ length: 500 }, (_, i) => ({
				...template,
				state: 'withdrawn' as const,
				gateAllowed: null,
				createdAt: new Date(template.createdAt.getTime() + (i + 1) * 60_000)
			}))
		);
		await voidExamAttempt(await ctxFor(s.db, s.organiser.user.id, at(60 * 24 * 20)), {
			sittingId: s.sittingId,
			attemptId,
			reason: '经查替考'
		});
		const later = await s.hrAt('2026-03-25');
		expect((await listCases(later, { state: 'all' })).some((c) => c.id === s.caseId)).toBe(false);
		expect(await casesWithLapsedEvidence(later)).toEqual([
			{ id: s.caseId, name: s.cadre.person.name, post: '法治督察科科长', appointed: true }
		]);
	});

	it('flags an open case on the home page only while the gate blocks it', async () => {
		const s = await hrSetup();
		const attemptId = await cadrePasses(s);
		expect((await caseView(await s.hrAt('2026-03-05'), s.caseId)).gate!.allowed).toBe(true);
		await voidExamAttempt(await ctxFor(s.db, s.organiser.user.id, at(60 * 24 * 4)), {
			sittingId: s.sittingId,
			attemptId,
			reason: '经查替考'
		});
		// nobody has opened the case since: the home page judges it, and flags it
		expect(await casesWithLapsedEvidence(await s.hrAt('2026-03-10'))).toEqual([
			{ id: s.caseId, name: s.cadre.person.name, post: '法治督察科科长', appointed: false }
		]);
		// a new pass lets it through again: nothing lapsed any more
		await cadreTakes(s, '2026-03-11', 88);
		expect(await casesWithLapsedEvidence(await s.hrAt('2026-03-12'))).toEqual([]);
	});
});
