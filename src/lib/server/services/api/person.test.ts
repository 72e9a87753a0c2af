import { describe, expect, it, vi } from 'vitest';
import { certificate, certificateEvent } from '../../db/schema/index.ts';
import { testDatabase } from '../../testing/db.ts';
import { answerEvery, at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { ctxFor } from '../../testing/factories.ts';
import { examRecord } from '../../testing/hr.ts';
import { startExamAttempt, submitExamAttempt } from '../exams/attempts.ts';
import { voidExamAttempt } from '../exams/integrity.ts';
import { apiPersonRecord } from './person.ts';

/** A cadre holding `n` certificates (one suspended), and a token for the whole district. */
async function holder(n: number) {
	const { db, client } = await testDatabase();
	const s = await examSetup({ db });
	const { examId, sittingId } = await publishedSitting(s);
	for (let i = 0; i < n; i++) {
		const takenOn = `2026-03-0${i + 1}`;
		const attemptId = await examRecord(db, {
			examId,
			sittingId,
			personId: s.cadre.person.id,
			takenOn,
			score: 90
		});
		const [c] = await db
			.insert(certificate)
			.values({
				personId: s.cadre.person.id,
				examId,
				attemptId,
				kind: 'pre_appointment',
				verificationCode: `CODE-${n}-${i}`,
				validFrom: takenOn,
				validUntil: '2029-03-01',
				createdAt: new Date()
			})
			.returning();
		if (i === 0)
			await db.insert(certificateEvent).values({
				certificateId: c!.id,
				kind: 'suspended',
				on: '2026-03-05',
				createdAt: new Date()
			});
	}
	const ctx = {
		db,
		now: new Date('2026-03-10T10:00:00+08:00'),
		token: { id: 1, name: 'HR', unitPaths: [s.root.path] }
	};
	return { ctx, client, employeeNo: s.cadre.person.employeeNo };
}

describe('the API’s person', () => {
	it('reads certificate states with the same number of queries for one certificate or five (no query per certificate)', async () => {
		const statements = async (n: number) => {
			const h = await holder(n);
			const execute = vi.spyOn(h.client, 'execute');
			const { body } = await apiPersonRecord(h.ctx, { employeeNo: h.employeeNo });
			expect(body.certificates).toHaveLength(n);
			expect(body.certificates.at(-1)!.state).toBe('suspended');
			return execute.mock.calls.length;
		};
		expect(await statements(5)).toBe(await statements(1));
	});

	it('gives a voided attempt no band, as no score: its result no longer stands', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 0);
		const attemptId = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		await answerEvery(ctx, attemptId, true);
		await submitExamAttempt(ctx, { attemptId });
		await voidExamAttempt(await ctxFor(s.db, s.organiser.user.id, at(30)), {
			sittingId,
			attemptId,
			reason: '替考'
		});
		const { body } = await apiPersonRecord(
			{ db: s.db, now: at(60), token: { id: 1, name: 'HR', unitPaths: [s.root.path] } },
			{ employeeNo: s.cadre.person.employeeNo }
		);
		expect(body.passRecords).toEqual([
			expect.objectContaining({
				attemptId,
				status: 'voided',
				score: null,
				percent: null,
				band: null,
				passed: null
			})
		]);
	});
});
