/**
 * The gate, the case's evidence, its lapse and the person's record read the attempt of a sitting
 * that counts under the exam's policy, the one the sitting's results show.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lapseText } from '$lib/labels/hr.ts';
import { exam } from '../../db/schema/index.ts';
import { cadreTakes, hrSetup } from '../../testing/hr.ts';
import { readListExport } from '../../testing/xlsx.ts';
import { sittingResults } from '../exams/manage.ts';
import { caseView } from './case-view.ts';
import { exportCases } from './cases-export.ts';
import { personRecord } from './record.ts';

type Setup = Awaited<ReturnType<typeof hrSetup>>;

/** A case whose exam counts the `counts` attempt, a retake allowed after a pass unless `onlyAfterFail`. */
async function setup(counts: 'highest' | 'last', onlyAfterFail = false) {
	const s = await hrSetup();
	await s.db.update(exam).set({ counts, onlyAfterFail }).where(eq(exam.id, s.examId));
	return s;
}

/** The gate on the case page on 2026-03-10, reasons in Chinese. */
async function gateOn(s: Setup, date = '2026-03-10') {
	const view = await caseView(await s.hrAt(date), s.caseId);
	return { ...view.gate!, reasons: view.gate!.reasons.map((r) => r.text), lapse: view.lapse };
}

/** The cadre's row in the sitting's results, as the organiser sees it. */
async function resultOf(s: Setup) {
	const results = await sittingResults(s.org, s.sittingId);
	return results.rows.find((r) => r.id === s.cadre.person.id)!.attempt!;
}

describe('the gate reads the attempt its sitting counts', () => {
	it('under “the last counts”, a pass then a fail is 不合格 in the results and shuts the gate, saying why', async () => {
		const s = await setup('last');
		const pass = await cadreTakes(s, '2026-03-02', 85);
		const fail = await cadreTakes(s, '2026-03-02', 40);
		expect(await resultOf(s)).toMatchObject({ id: fail, passed: false });

		const gate = await gateOn(s);
		expect(gate.allowed).toBe(false);
		expect(gate.reasons).toEqual([
			'考试不合格 1 次，还可补考 1 次',
			'有 1 次合格成绩按考试计分规则由同一场次的另一次作答取代，不予认定'
		]);
		expect(gate.evidence.map((e) => [e.attemptId, e.score, e.use, e.supersededBy])).toEqual([
			[pass, 85, 'superseded', fail],
			[fail, 40, 'counted', null]
		]);

		// HR's list and its export say the same
		const exported = await readListExport(
			await exportCases(await s.hrAt('2026-03-10'), { state: 'all' })
		);
		expect(exported.rows[0]).toEqual(
			expect.arrayContaining(['不能任命', '考试不合格 1 次，还可补考 1 次'])
		);

		// the person's record marks the pass its sitting does not count
		const record = await personRecord(await s.hrAt('2026-03-10'), {
			personId: s.cadre.person.id
		});
		const byId = new Map(record.exams!.attempts.map((a) => [a.id, a]));
		expect(byId.get(pass)).toMatchObject({ passed: true, countsInstead: expect.any(Number) });
		expect(byId.get(fail)).toMatchObject({ passed: false, countsInstead: null });
	});

	it('a pass the gate opened on, outranked by a later fail of its sitting, is a lapse with the attempt counted instead', async () => {
		const s = await setup('last');
		const pass = await cadreTakes(s, '2026-03-02', 85);
		expect((await gateOn(s, '2026-03-05')).allowed).toBe(true);
		const fail = await cadreTakes(s, '2026-03-06', 40);
		const gate = await gateOn(s);
		expect(gate.allowed).toBe(false);
		expect(gate.lapse).toMatchObject({
			attemptId: pass,
			change: 'superseded',
			scoreBefore: 85,
			scoreNow: 40,
			supersededBy: fail,
			appointed: false
		});
		expect(lapseText(gate.lapse!, '2026-03-06')).toBe(
			`本案所依据的合格成绩（2026-03-02 考试，答卷 ${pass}）已不计分：按考试计分规则，以同一场次的答卷 ${fail}（成绩 40，2026-03-06 评定）为准。`
		);
	});

	it('under “the highest counts”, the better pass is the evidence; a lower score after a pass changes nothing', async () => {
		const s = await setup('highest');
		await cadreTakes(s, '2026-03-02', 70);
		const best = await cadreTakes(s, '2026-03-02', 90);
		const gate = await gateOn(s);
		expect(gate.allowed).toBe(true);
		expect(gate.reasons[0]).toBe('已通过任前法律知识考试（2026-03-02，90 分，第 1 次）');
		expect(gate.evidence.find((e) => e.use === 'counted')!.attemptId).toBe(best);
		expect(gate.lapse).toBeNull();

		const kept = await setup('highest');
		const first = await cadreTakes(kept, '2026-03-02', 80);
		await cadreTakes(kept, '2026-03-02', 50);
		const still = await gateOn(kept);
		expect(still.allowed).toBe(true);
		expect(still.evidence.map((e) => e.use)).toEqual(['counted', 'after_pass']);
		expect(still.evidence[0]!.attemptId).toBe(first);
	});

	it('a retake only after a fail is unchanged: the pass opens the gate, two fails use up the retake', async () => {
		const s = await setup('last', true);
		await cadreTakes(s, '2026-03-02', 40);
		await cadreTakes(s, '2026-03-02', 75);
		const gate = await gateOn(s);
		expect(gate.allowed).toBe(true);
		expect(gate.reasons[0]).toBe('已通过任前法律知识考试（2026-03-02，75 分，第 2 次）');

		const twice = await setup('last', true);
		await cadreTakes(twice, '2026-03-02', 40);
		await cadreTakes(twice, '2026-03-02', 50);
		expect((await gateOn(twice)).reasons).toEqual(['考试不合格 2 次（可补考 1 次），不得任职']);
	});

	it('a later attempt voided or still being graded leaves the pass counting, as in the results', async () => {
		for (const later of ['voided', 'pending'] as const) {
			const s = await setup('last');
			const pass = await cadreTakes(s, '2026-03-02', 85);
			await cadreTakes(s, '2026-03-02', later);
			expect(await resultOf(s)).toMatchObject({ id: pass, passed: true });
			const gate = await gateOn(s);
			expect(gate.allowed).toBe(true);
			expect(gate.evidence.map((e) => e.use)).toEqual(['counted', 'after_pass']);
		}
	});
});
