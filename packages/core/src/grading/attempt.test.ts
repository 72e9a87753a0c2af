import { describe, expect, it } from 'vitest';
import {
	canStartAttempt,
	closeIfOverdue,
	countingAttempt,
	gradeAttempt,
	newAttempt,
	recordResponse,
	RuleError,
	scoreManually,
	startAttempt,
	submitAttempt,
	voidAttempt,
	type Attempt,
	type Paper
} from '../index.ts';
import { makeQuestion } from '../testing/factories.ts';

const single = makeQuestion('single', 1); // correct: B
const essay = makeQuestion('essay', 2);
const paper: Paper = {
	totalPoints: 100,
	sections: [
		{
			type: 'single',
			points: 60,
			items: [{ question: single, points: 60, optionOrder: ['A', 'B', 'C', 'D'] }]
		},
		{ type: 'essay', points: 40, items: [{ question: essay, points: 40 }] }
	]
};
const policy = { multiple: 'all_or_nothing' as const };
const at = (min: number) => new Date(Date.UTC(2025, 0, 6, 9, min));
const window = { opensAt: at(0), closesAt: at(150) };

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof RuleError ? e.code : 'other';
	}
	return 'none';
};

describe('attempt lifecycle', () => {
	it('goes not_started → in_progress → submitted → needs_grading → graded', () => {
		let a = newAttempt();
		a = startAttempt(a, { now: at(10), durationMinutes: 120, window });
		expect(a).toMatchObject({ state: 'in_progress', deadline: at(130) });
		a = recordResponse(a, single.id, { type: 'single', choice: 'B' }, at(20));
		a = recordResponse(a, essay.id, { type: 'essay', text: '答' }, at(21));
		a = submitAttempt(a, at(30));
		expect(a).toMatchObject({ state: 'submitted', submittedAt: at(30), autoSubmitted: false });
		a = gradeAttempt(a, paper, policy, at(31));
		expect(a.state).toBe('needs_grading');
		a = scoreManually(a, paper, policy, essay.id, 30, at(40));
		expect(a).toMatchObject({ state: 'graded', gradedAt: at(40) });
		expect(a.grade!.score).toBe(90);
	});

	it('caps the deadline by the window end, and auto-submits at the deadline', () => {
		let a = startAttempt(newAttempt(), { now: at(100), durationMinutes: 120, window });
		expect(a.deadline).toEqual(at(150));
		expect(closeIfOverdue(a, at(149))).toBe(a);
		expect(code(() => recordResponse(a, single.id, { type: 'single', choice: 'A' }, at(150)))).toBe(
			'attempt.deadline_passed'
		);
		a = closeIfOverdue(a, at(200));
		expect(a).toMatchObject({ state: 'submitted', submittedAt: at(150), autoSubmitted: true });
	});

	it('throws RuleError with codes on illegal transitions', () => {
		const a = newAttempt();
		expect(code(() => submitAttempt(a, at(1)))).toBe('attempt.illegal_transition');
		expect(code(() => startAttempt(a, { now: at(151), durationMinutes: 10, window }))).toBe(
			'attempt.window_closed'
		);
		expect(code(() => recordResponse(a, 'x', { type: 'essay', text: '' }, at(1)))).toBe(
			'attempt.not_in_progress'
		);
		const v = voidAttempt(a, 'cheating', at(2));
		expect(v).toMatchObject({ state: 'voided', voidReason: 'cheating' });
		expect(code(() => voidAttempt(v, 'x', at(3)))).toBe('attempt.illegal_transition');
		expect(a.state).toBe('not_started');
	});
});

describe('retakes', () => {
	const graded = (number: number, score: number): Attempt => ({
		...newAttempt(number),
		state: 'graded',
		grade: { items: [], score, maxScore: 100, pending: false }
	});

	it('allows one retake after a fail, none after a pass or beyond the limit', () => {
		const rules = { maxAttempts: 2, counts: 'last' as const, onlyAfterFail: true };
		expect(canStartAttempt([], rules)).toEqual({ allowed: true, nextNumber: 1 });
		expect(canStartAttempt([graded(1, 55)], rules, { passMark: 60 })).toEqual({
			allowed: true,
			nextNumber: 2
		});
		expect(canStartAttempt([graded(1, 75)], rules, { passMark: 60 }).reason).toBe(
			'attempt.already_passed'
		);
		expect(canStartAttempt([graded(1, 55), graded(2, 50)], rules, { passMark: 60 }).reason).toBe(
			'attempt.limit_reached'
		);
		expect(canStartAttempt([{ ...newAttempt(1), state: 'in_progress' }], rules).reason).toBe(
			'attempt.open_exists'
		);
		// an essay still to be marked: the first attempt may yet pass
		const marking = { ...graded(1, 30), state: 'needs_grading' as const };
		expect(canStartAttempt([marking], rules, { passMark: 60 })).toMatchObject({
			allowed: false,
			reason: 'attempt.result_pending',
			data: { number: 1 }
		});
		// retakes whatever the result: no need to wait
		expect(
			canStartAttempt([marking], { ...rules, onlyAfterFail: false }, { passMark: 60 }).allowed
		).toBe(true);
	});

	it('counts the highest or the last graded attempt, never a voided one', () => {
		const list = [graded(1, 80), graded(2, 70), { ...graded(3, 99), state: 'voided' as const }];
		expect(countingAttempt(list, { counts: 'highest' })!.number).toBe(1);
		expect(countingAttempt(list, { counts: 'last' })!.number).toBe(2);
	});

	it('picks the counting attempt from stored rows as they are (number, state, score), ties the earlier', () => {
		const rows = [
			{ id: 'a', number: 1, state: 'graded' as const, grade: { score: 85 } },
			{ id: 'b', number: 2, state: 'graded' as const, grade: { score: 85 } },
			{ id: 'c', number: 3, state: 'in_progress' as const }
		];
		expect(countingAttempt(rows, { counts: 'highest' })).toBe(rows[0]);
		expect(countingAttempt(rows, { counts: 'last' })?.id).toBe('b');
	});
});
