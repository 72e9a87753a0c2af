import { describe, expect, it } from 'vitest';
import { type AnswerShape, fitsShape } from './answer-shape.ts';

const single: AnswerShape = { type: 'single', labels: 'ABCD' };
const multiple: AnswerShape = { type: 'multiple', labels: 'ABC' };
const fill: AnswerShape = { type: 'fill', blanks: 2 };
const caseShape: AnswerShape = { type: 'case', parts: [single, { type: 'essay' }] };

describe('fitsShape', () => {
	it('takes what the exam page sends, a cleared answer too', () => {
		expect(fitsShape(single, { type: 'single', choice: 'D' })).toBe(true);
		expect(fitsShape(single, { type: 'single', choice: null })).toBe(true);
		expect(fitsShape(multiple, { type: 'multiple', choices: ['A', 'C'] })).toBe(true);
		expect(fitsShape(fill, { type: 'fill', blanks: ['甲', ''] })).toBe(true);
		expect(fitsShape({ type: 'fill' }, { type: 'fill', blanks: ['甲'] })).toBe(true);
		expect(fitsShape({ type: 'truefalse' }, { type: 'truefalse', answer: false })).toBe(true);
		expect(
			fitsShape(caseShape, {
				type: 'case',
				parts: [{ type: 'single', choice: 'B' }, null]
			})
		).toBe(true);
		expect(fitsShape(single, null)).toBe(true);
	});

	it('refuses another type, an option not shown or given twice, too many blanks or parts', () => {
		expect(fitsShape(single, { type: 'truefalse', answer: true })).toBe(false);
		expect(fitsShape(single, { type: 'single', choice: 'E' })).toBe(false);
		expect(fitsShape(multiple, { type: 'multiple', choices: ['A', 'D'] })).toBe(false);
		expect(fitsShape(multiple, { type: 'multiple', choices: ['A', 'A'] })).toBe(false);
		expect(fitsShape(fill, { type: 'fill', blanks: ['一', '二', '三'] })).toBe(false);
		expect(fitsShape({ type: 'fill' }, { type: 'fill', blanks: ['一', '二'] })).toBe(false);
		expect(
			fitsShape(caseShape, { type: 'case', parts: [{ type: 'essay', text: '略' }, null] })
		).toBe(false);
		expect(fitsShape(caseShape, { type: 'case', parts: [null, null, null] })).toBe(false);
	});
});
