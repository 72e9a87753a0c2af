import { describe, expect, it } from 'vitest';
import {
	assertValidQuestion,
	MARKDOWN_MAX_LENGTH,
	MAX_CASE_PARTS,
	QUESTION_TYPES,
	validateQuestion,
	ValidationError,
	type QuestionVersion
} from '../index.ts';
import { makeQuestion } from '../testing/factories.ts';

const codes = (q: QuestionVersion) => validateQuestion(q).errors.map((i) => i.code);

describe('validateQuestion', () => {
	it('accepts a valid question of every type', () => {
		for (const t of QUESTION_TYPES) expect(validateQuestion(makeQuestion(t, 1)).ok).toBe(true);
	});

	it('rejects a single-choice question with two correct options', () => {
		const q = makeQuestion('single', 1);
		if (q.type !== 'single') throw new Error();
		const bad = { ...q, options: q.options.map((o, i) => ({ ...o, correct: i < 2 })) };
		expect(validateQuestion(bad).errors).toEqual([
			{ code: 'question.single.correct_count', path: 'options', data: { count: 2 } }
		]);
	});

	it('rejects a multiple-choice question with fewer than two options', () => {
		const q = makeQuestion('multiple', 1);
		if (q.type !== 'multiple') throw new Error();
		expect(codes({ ...q, options: [{ id: 'A', text: 'x', correct: true }] })).toEqual([
			'question.options.too_few'
		]);
		expect(codes({ ...q, options: q.options.map((o) => ({ ...o, correct: false })) })).toEqual([
			'question.multiple.no_correct'
		]);
	});

	it('lists every issue at once: empty stem, duplicate options, difficulty', () => {
		const q = makeQuestion('single', 1);
		if (q.type !== 'single') throw new Error();
		const bad: QuestionVersion = {
			...q,
			stem: '  ',
			difficulty: 6,
			options: [
				{ id: 'A', text: 'ＡＢＣ', correct: true },
				{ id: 'B', text: 'abc', correct: false },
				{ id: 'B', text: '', correct: false }
			]
		};
		expect(codes(bad).sort()).toEqual(
			[
				'question.difficulty.range',
				'question.option.duplicate',
				'question.option.duplicate_id',
				'question.option.empty',
				'question.stem.empty'
			].sort()
		);
		expect(() => assertValidQuestion(bad)).toThrow(ValidationError);
	});

	it('checks fill-in blank markers against the blanks', () => {
		const q = makeQuestion('fill', 1);
		if (q.type !== 'fill') throw new Error();
		expect(codes({ ...q, stem: '只有一个___' })).toEqual(['question.fill.blank_count']);
		expect(codes({ ...q, stem: '没有空格标记', blanks: [{ answers: ['a'] }] })).toEqual([]);
		expect(codes({ ...q, blanks: [] })).toContain('question.fill.no_blanks');
		expect(codes({ ...q, blanks: [{ answers: [] }, { answers: ['x'] }] })).toEqual([
			'question.fill.blank_empty'
		]);
	});

	it('rejects a case without parts and reports part issues with their path', () => {
		const q = makeQuestion('case', 1);
		if (q.type !== 'case') throw new Error();
		expect(codes({ ...q, parts: [] })).toEqual(['question.case.no_parts']);
		// a case answered on one screen: as many parts as an answer may carry, no more
		const part = q.parts[0]!;
		expect(codes({ ...q, parts: Array.from({ length: MAX_CASE_PARTS }, () => part) })).toEqual([]);
		expect(codes({ ...q, parts: Array.from({ length: MAX_CASE_PARTS + 1 }, () => part) })).toEqual([
			'question.case.too_many_parts'
		]);
		const issues = validateQuestion({
			...q,
			parts: [{ type: 'single', stem: '', options: [] }]
		}).errors;
		expect(issues.map((i) => i.path)).toEqual([
			'parts.0.stem',
			'parts.0.options',
			'parts.0.options'
		]);
	});

	it('checks law references', () => {
		expect(codes(makeQuestion('essay', 1, { laws: [{ lawId: '', articleNo: 1.5 }] }))).toEqual([
			'question.law.empty',
			'question.law.article'
		]);
	});

	// regression: an explanation nested 5,000 levels deep was saved, then broke the learner's
	// feedback page (the renderer's stack overflowed)
	it('refuses Markdown nested too deeply or too long, at the field that holds it', () => {
		const deep = '>'.repeat(5000) + ' 引文';
		const q = makeQuestion('single', 1, { explanation: deep });
		expect(validateQuestion(q).errors).toEqual([
			{ code: 'question.markdown.too_deep', path: 'explanation', data: { max: 20 } }
		]);
		if (q.type !== 'single') throw new Error();
		const options = q.options.map((o, i) =>
			i === 1 ? { ...o, text: '*a '.repeat(3000) + 'x' + ' a*'.repeat(3000) } : o
		);
		expect(validateQuestion({ ...q, explanation: '', options }).errors.map((i) => i.path)).toEqual([
			'options.1.text'
		]);
		const essay = makeQuestion('case', 1);
		if (essay.type !== 'case') throw new Error();
		const parts = [
			{ type: 'essay' as const, stem: '问', rubric: 'x'.repeat(MARKDOWN_MAX_LENGTH + 1) }
		];
		expect(validateQuestion({ ...essay, parts }).errors).toEqual([
			{
				code: 'question.markdown.too_long',
				path: 'parts.0.rubric',
				data: { length: MARKDOWN_MAX_LENGTH + 1, max: MARKDOWN_MAX_LENGTH }
			}
		]);
	});
});
