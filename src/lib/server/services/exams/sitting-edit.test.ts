import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sittingEditInput } from '$lib/schemas/exams.ts';
import {
	auditEntry,
	person,
	promotionCase,
	promotionCaseSitting,
	sitting
} from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../errors.ts';
import { at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { startExamAttempt } from './attempts.ts';
import { sittingFormValues, updateSitting } from './sitting-edit.ts';
import { isOnRoster } from './sittings.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

/** The edit form as it comes back, with `changes` made to what the sitting is. */
async function edit(s: Setup, sittingId: number, changes: Record<string, string>, minutes = -60) {
	const ctx = await ctxFor(s.db, s.organiser.user.id, at(minutes));
	const { values } = await sittingFormValues(ctx, sittingId);
	const form: Record<string, string> = { ...values, ...changes, sittingId: String(sittingId) };
	const input = sittingEditInput.parse({
		...form,
		unitIds: form.unitIds ? form.unitIds.split(',') : [],
		ranks: form.ranks ? form.ranks.split(',') : []
	});
	return updateSitting(ctx, input);
}

describe('changing a sitting', () => {
	it('moves the window, changes the roster and proctors, and is audited with before and after', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const ctx = await ctxFor(s.db, s.organiser.user.id, at(-60));
		const shown = await sittingFormValues(ctx, sittingId);
		expect(shown.values).toMatchObject({
			name: '第一场',
			opensAt: '2026-03-02T09:00',
			closesAt: '2026-03-02T11:00',
			unitIds: String(s.a1.id),
			employeeNos: '',
			proctors: ''
		});
		expect(shown.started).toBe(false);
		const b = await makeUser(s.db, s.b.id);
		const [bPerson] = await s.db.select().from(person).where(eq(person.id, b.person.id));
		await edit(s, sittingId, {
			name: '第一场（改期）',
			opensAt: '2026-03-03T14:00',
			closesAt: '2026-03-03T16:00',
			employeeNos: bPerson!.employeeNo,
			proctors: s.organiser.user.username
		});
		const [row] = await s.db.select().from(sitting).where(eq(sitting.id, sittingId));
		expect(row).toMatchObject({ name: '第一场（改期）' });
		expect(row!.opensAt.toISOString()).toBe('2026-03-03T06:00:00.000Z');
		expect(await isOnRoster(s.db, sittingId, b.person.id)).toBe(true);
		expect(await isOnRoster(s.db, sittingId, s.cadre.person.id)).toBe(true);
		const [entry] = await s.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'sitting.updated'));
		expect(entry!.before).toMatchObject({ name: '第一场', personIds: [] });
		expect(entry!.after).toMatchObject({ name: '第一场（改期）', personIds: [b.person.id] });
	});

	it('once someone has started, keeps the opening, the close out of the past and them on the roster', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		await startExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 5), {
			sittingId,
			confirm: 'on'
		});
		expect(
			(await sittingFormValues(await ctxFor(s.db, s.organiser.user.id, at(10)), sittingId)).started
		).toBe(true);
		await expect(edit(s, sittingId, { opensAt: '2026-03-02T10:00' }, 10)).rejects.toEqual(
			new InvalidInputError({ opensAt: ['err_sitting_started_opens'] })
		);
		await expect(edit(s, sittingId, { closesAt: '2026-03-02T09:05' }, 10)).rejects.toEqual(
			new InvalidInputError({ closesAt: ['err_sitting_close_past'] })
		);
		// the cadre's unit off the roster, someone else's in its place: refused, naming the cadre
		const other = await makeUser(s.db, s.a.id);
		const [p] = await s.db.select().from(person).where(eq(person.id, other.person.id));
		const refused = edit(s, sittingId, { unitIds: '', employeeNos: p!.employeeNo }, 10);
		await expect(refused).rejects.toBeInstanceOf(ConflictError);
		await expect(refused).rejects.toMatchObject({ code: 'err_sitting_roster_drops' });
		// nothing was written
		expect(await isOnRoster(s.db, sittingId, s.cadre.person.id)).toBe(true);
		expect(await isOnRoster(s.db, sittingId, other.person.id)).toBe(false);
		// a later close and a new name are fine
		await edit(s, sittingId, { closesAt: '2026-03-02T12:00', employeeNos: p!.employeeNo }, 10);
		expect(await isOnRoster(s.db, sittingId, other.person.id)).toBe(true);
	});

	it("keeps HR's candidate for a promotion case on the roster", async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const candidate = await makeUser(s.db, s.b.id);
		const [p] = await s.db.select().from(person).where(eq(person.id, candidate.person.id));
		await edit(s, sittingId, { employeeNos: p!.employeeNo });
		const [c] = await s.db
			.insert(promotionCase)
			.values({
				personId: candidate.person.id,
				proposedPost: '副科长',
				leadingPost: true,
				appointmentRoute: 'government',
				appointingBody: 'government',
				createdAt: at(-60),
				updatedAt: at(-60)
			})
			.returning();
		await s.db
			.insert(promotionCaseSitting)
			.values({ caseId: c!.id, sittingId, assignedAt: at(-60) });
		await expect(edit(s, sittingId, { employeeNos: '' })).rejects.toMatchObject({
			code: 'err_sitting_roster_drops'
		});
		expect(await isOnRoster(s.db, sittingId, candidate.person.id)).toBe(true);
	});

	it('is for the exam’s organisers only', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		await expect(
			sittingFormValues(await ctxFor(s.db, s.cadre.user.id, at(-60)), sittingId)
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});
