import { describe, expect, it } from 'vitest';
import { zodFieldErrors } from '$lib/server/http.ts';
import { markInput, releaseResultsInput } from './grading.ts';

const scoreError = (score: string) =>
	zodFieldErrors(markInput.safeParse({ attemptId: '1', key: '7', score }).error?.issues ?? [])
		.score;

describe('a grader’s mark as posted', () => {
	it('is required: a blank field is no mark of 0', () => {
		expect(scoreError('')).toEqual(['err_required']);
		expect(scoreError('  ')).toEqual(['err_required']);
		expect(zodFieldErrors(markInput.safeParse({ attemptId: '1', key: '7' }).error!.issues)).toEqual(
			{ score: ['err_required'] }
		);
	});

	it('takes a case part’s full mark to the hundredth, and nothing finer', () => {
		expect(markInput.parse({ attemptId: '1', key: '7#0', score: ' 3.33 ' }).score).toBe(3.33);
		expect(markInput.parse({ attemptId: '1', key: '7#1', score: '6.67' }).score).toBe(6.67);
		expect(markInput.parse({ attemptId: '1', key: '7', score: '0' }).score).toBe(0);
		expect(scoreError('3.333')).toEqual(['err_mark_hundredths']);
		expect(scoreError('-1')).toEqual(['err_mark_range']);
		expect(scoreError('十')).toEqual(['err_mark_number']);
	});
});

describe('releasing a sitting’s results', () => {
	it('is refused until confirmed: one stray tap does not tell every candidate their score', () => {
		const first = releaseResultsInput.safeParse({ sittingId: '4' });
		expect(zodFieldErrors(first.error!.issues)).toEqual({ confirmed: ['err_confirm_first'] });
		expect(releaseResultsInput.parse({ sittingId: '4', confirmed: 'yes' }).sittingId).toBe(4);
	});
});
