import { describe, expect, it } from 'vitest';
import { OPTION_LABELS, ValidationError } from '@xuefa/core';
import { InvalidInputError } from '../../errors.ts';
import {
	attemptRow,
	candidateCtx,
	examForm,
	examSetup,
	publishedSitting
} from '../../testing/exams.ts';
import { makeBank, makeQuestion, singleChoice } from '../../testing/factories.ts';
import { saveAnswers, startExamAttempt, submitExamAttempt } from './attempts.ts';
import { publishExam, saveExam } from './mutate.ts';

describe('a fixed paper', () => {
	it('gives every candidate exactly the questions chosen, with their points', async () => {
		const s = await examSetup();
		const chosen = [s.ready[1]!, s.ready[3]!, s.ready[5]!];
		const { sittingId } = await publishedSitting(s, {
			paperKind: 'fixed',
			fixedIds: chosen.join(','),
			count_single: '0',
			points_single: '30'
		});
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		const row = await attemptRow(s.db, await startExamAttempt(ctx, { sittingId, confirm: 'on' }));
		expect([...row.questionIds].sort()).toEqual(chosen.map(String).sort());
		expect(row.paper.totalPoints).toBe(90);
	});

	it('refuses a question of another bank when saved, and a draft one when published', async () => {
		const s = await examSetup();
		const other = await makeBank(s.db, s.a.id, '另一题库');
		const elsewhere = await makeQuestion(s.db, other.id, singleChoice());
		await expect(
			saveExam(
				s.org,
				examForm({
					unitId: s.a.id,
					bankIds: [s.bank.id],
					paperKind: 'fixed',
					fixedIds: `${s.ready[0]},${elsewhere}`,
					count_single: '0'
				})
			)
		).rejects.toBeInstanceOf(InvalidInputError);
		const examId = await saveExam(
			s.org,
			examForm({
				unitId: s.a.id,
				bankIds: [s.bank.id],
				paperKind: 'fixed',
				fixedIds: `${s.ready[0]},${s.draft}`,
				count_single: '0'
			})
		);
		// only questions marked ready are ever drawn: the draft makes the paper impossible
		const refused = await publishExam(s.org, { examId }).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).issues.map((i) => i.code)).toEqual(['paper.fixed.missing']);
	});
});

/** A multiple-choice question whose options a, b, c are right and d is wrong. */
const threeRight = () =>
	singleChoice({
		type: 'multiple',
		stem: '下列哪些属于行政处罚？',
		options: [
			{ id: 'a', text: '警告', correct: true },
			{ id: 'b', text: '罚款', correct: true },
			{ id: 'c', text: '没收违法所得', correct: true },
			{ id: 'd', text: '批评教育', correct: false }
		]
	} as never);

describe('multiple-choice marking, as the exam sets it', () => {
	/** Sits a one-question exam answering options `ids`, under `policy`; the score. */
	async function scoreOf(policy: string, ids: string[]) {
		const s = await examSetup({ questions: 0 });
		const q = await makeQuestion(s.db, s.bank.id, threeRight());
		const { sittingId } = await publishedSitting(s, {
			count_single: '0',
			count_multiple: '1',
			points_multiple: '30',
			passMark: '10',
			bandGood: '20',
			bandExcellent: '25',
			multiple: policy
		});
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 5);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		const item = (await attemptRow(s.db, id)).paper.sections[0]!.items[0]!;
		const order = item.optionOrder ?? ['a', 'b', 'c', 'd'];
		await saveAnswers(ctx, {
			attemptId: id,
			saves: [
				{
					questionId: String(q),
					seq: 1,
					response: { type: 'multiple', choices: ids.map((o) => OPTION_LABELS[order.indexOf(o)]!) },
					flagged: false
				}
			]
		});
		await submitExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 10), { attemptId: id });
		return (await attemptRow(s.db, id)).score;
	}

	it('all or nothing: full points for exactly the right set, none for two of three', async () => {
		expect(await scoreOf('all_or_nothing', ['a', 'b', 'c'])).toBe(30);
		expect(await scoreOf('all_or_nothing', ['a', 'b'])).toBe(0);
	});

	it('half marks: half the points for a right subset, none with a wrong choice', async () => {
		expect(await scoreOf('partial_half', ['a', 'b'])).toBe(15);
		expect(await scoreOf('partial_half', ['a', 'b', 'd'])).toBe(0);
	});

	it('in proportion: the share of right options chosen', async () => {
		expect(await scoreOf('proportional', ['a'])).toBe(10);
		expect(await scoreOf('proportional', ['a', 'b'])).toBe(20);
		expect(await scoreOf('proportional', ['a', 'd'])).toBe(0);
	});
});
