/**
 * The year-end assessment's exam pass rate reads the attempt a sitting counts under the exam's
 * retake policy, as the sitting's results, HR and the promotion gate do: not any passing record.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { exam } from '../../db/schema/index.ts';
import { examSetup, publishedSitting } from '../../testing/exams.ts';
import { examRecord } from '../../testing/hr.ts';
import { countsByUnit, yearWindow } from './counts.ts';

/** The cadre of A1 passes (80) then fails (40) the one sitting: how A1 counts them on 30 June. */
async function passThenFail(counts: 'highest' | 'last') {
	const s = await examSetup();
	const { examId, sittingId } = await publishedSitting(s);
	await s.db.update(exam).set({ counts }).where(eq(exam.id, examId));
	const personId = s.cadre.person.id;
	for (const score of [80, 40])
		await examRecord(s.db, { examId, sittingId, personId, takenOn: '2026-03-02', score });
	const w = yearWindow(2026, new Date('2026-06-30T12:00:00+08:00'));
	const { units } = await countsByUnit(s.db, '/', w);
	return units.get(s.a1.id)!.exams.pre_appointment;
}

describe('oversight exam pass rate', () => {
	it('counts a pass a later fail replaced as not passed when the last attempt counts', async () => {
		expect(await passThenFail('last')).toEqual({ required: 1, sat: 1, passed: 0 });
	});

	it('counts the better pass when the highest attempt counts', async () => {
		expect(await passThenFail('highest')).toEqual({ required: 1, sat: 1, passed: 1 });
	});
});
