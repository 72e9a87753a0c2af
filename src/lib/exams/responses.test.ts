import { describe, expect, it } from 'vitest';
import { isAnswered, isFullyAnswered, responseFromForm } from './responses.ts';

const form = (pairs: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of pairs) f.append(k, v);
	return f;
};

describe('reading an exam answer from its form', () => {
	it('reads each type with the field names the server reads', () => {
		expect(responseFromForm({ type: 'single' }, form([['a', 'C']]))).toEqual({
			type: 'single',
			choice: 'C'
		});
		expect(
			responseFromForm(
				{ type: 'multiple' },
				form([
					['a', 'A'],
					['a', 'D']
				])
			)
		).toEqual({
			type: 'multiple',
			choices: ['A', 'D']
		});
		expect(responseFromForm({ type: 'truefalse' }, form([['a', 'false']]))).toEqual({
			type: 'truefalse',
			answer: false
		});
		expect(responseFromForm({ type: 'fill', blanks: 2 }, form([['a_1', '听证']]))).toEqual({
			type: 'fill',
			blanks: ['', '听证']
		});
		expect(
			responseFromForm(
				{ type: 'case', parts: [{ type: 'single' }, { type: 'essay' }] },
				form([['p1', '应当告知']])
			)
		).toEqual({
			type: 'case',
			parts: [
				{ type: 'single', choice: null },
				{ type: 'essay', text: '应当告知' }
			]
		});
	});

	it('tells an untouched or cleared answer from a given one', () => {
		expect(isAnswered(responseFromForm({ type: 'single' }, form([])))).toBe(false);
		expect(isAnswered(responseFromForm({ type: 'fill', blanks: 1 }, form([['a_0', '  ']])))).toBe(
			false
		);
		expect(isAnswered({ type: 'case', parts: [null, { type: 'truefalse', answer: true }] })).toBe(
			true
		);
		expect(isAnswered(null)).toBe(false);
	});

	it('tells a case or fill-in begun but left partly blank from one answered in full', () => {
		const half = { type: 'fill', blanks: ['十', ' '] } as const;
		expect(isAnswered({ ...half, blanks: [...half.blanks] })).toBe(true);
		expect(isFullyAnswered({ ...half, blanks: [...half.blanks] })).toBe(false);
		expect(isFullyAnswered({ type: 'fill', blanks: ['十', '十五'] })).toBe(true);
		const part = { type: 'truefalse', answer: true } as const;
		expect(isFullyAnswered({ type: 'case', parts: [null, part] })).toBe(false);
		expect(isFullyAnswered({ type: 'case', parts: [{ type: 'single', choice: 'B' }, part] })).toBe(
			true
		);
		expect(isFullyAnswered({ type: 'essay', text: ' ' })).toBe(false);
	});
});
