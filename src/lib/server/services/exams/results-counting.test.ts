import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { passRecord } from '../../db/schema/index.ts';
import { answerEvery, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { readListExport } from '../../testing/xlsx.ts';
import { startExamAttempt, submitExamAttempt } from './attempts.ts';
import { sittingAnalysis } from './analysis.ts';
import { sittingResults } from './manage.ts';
import { resultsWorkbook } from './results-workbook.ts';

/**
 * The annual exam's rule: three attempts, the highest counts. The cadre fails, passes, then fails
 * again (trying for a better band) in one sitting.
 */
async function threeAttempts(counts: 'highest' | 'last') {
	const s = await examSetup();
	const { sittingId } = await publishedSitting(s, {
		kind: 'annual',
		maxAttempts: '3',
		counts,
		onlyAfterFail: undefined,
		durationMinutes: '20'
	});
	const ids: number[] = [];
	for (const [i, right] of [false, true, false].entries()) {
		const ctx = await candidateCtx(s.db, s.cadre.user.id, i * 30);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		await answerEvery(ctx, id, right);
		await submitExamAttempt(ctx, { attemptId: id });
		ids.push(id);
	}
	return { s, sittingId, ids };
}

describe("a sitting's results with retakes", () => {
	it('show the attempt that counts (the highest), as the pass record does, in the table and the .xlsx', async () => {
		const { s, sittingId, ids } = await threeAttempts('highest');
		const r = await sittingResults(s.org, sittingId);
		const [row] = r.rows;
		expect(row).toMatchObject({
			attempts: 3,
			attempt: { id: ids[1], number: 2, state: 'graded', score: 100, passed: true }
		});
		expect(r.exam.counts).toBe('highest');
		expect(r.figures).toMatchObject({ attempts: 3, graded: 1, passed: 1, passRate: 100 });
		// the pass HR reads is that attempt's record
		const passes = await s.db.select().from(passRecord).where(eq(passRecord.passed, true));
		expect(passes.map((p) => p.attemptId)).toEqual([ids[1]]);

		const sheet = await readListExport(await resultsWorkbook(s.org, sittingId));
		const col = (name: string) => sheet.rows[0]![sheet.header.indexOf(name)];
		expect(col('次数')).toBe('2');
		expect(col('作答次数')).toBe('3');
		expect(col('成绩')).toBe('100');
		expect(col('是否合格')).toBe('合格');

		// the score distribution beside the table counts the same attempt, once per person
		const { distribution } = await sittingAnalysis(s.org, sittingId);
		expect(distribution).toMatchObject({ n: 1, mean: 100 });
	});

	it('show the last graded attempt where the last counts', async () => {
		const { s, sittingId, ids } = await threeAttempts('last');
		const [row] = (await sittingResults(s.org, sittingId)).rows;
		expect(row).toMatchObject({ attempts: 3, attempt: { id: ids[2], number: 3, passed: false } });
		expect((await sittingAnalysis(s.org, sittingId)).distribution).toMatchObject({ n: 1, mean: 0 });
	});

	it('show the latest attempt while none is graded yet', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 0);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		const [row] = (await sittingResults(s.org, sittingId)).rows;
		expect(row).toMatchObject({ attempts: 1, attempt: { id, state: 'in_progress' } });
	});
});
