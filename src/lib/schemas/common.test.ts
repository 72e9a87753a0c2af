import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodFieldErrors } from '$lib/server/http.ts';
import { optionalText, searchQuery, text, uploadedFile, wholeNumber } from './common.ts';
import { certificatePolicyInput } from './certificates.ts';
import { extendAttemptInput } from './exam-monitor.ts';
import { examInput } from './exams.ts';
import { policyInput } from './hr-policy.ts';
import { lawSearchInput } from './laws.ts';
import { deleteLessonInput } from './lessons.ts';
import { listPeopleInput } from './org.ts';
import { deleteMaterialInput, deleteReadingInput, removeTeamMemberInput } from './study.ts';

describe('typed text', () => {
	it('strips control characters but keeps tabs and line breaks', () => {
		const schema = z.object({ name: text(20), note: optionalText(50) });
		expect(schema.parse({ name: '张\u0000三\u0007', note: 'a\tb\r\nc\u001b[31m' })).toEqual({
			name: '张三',
			note: 'a\tb\nc[31m'
		});
		// nothing left but control characters is as empty as nothing at all
		expect(schema.safeParse({ name: '\u0000\u0001' }).success).toBe(false);
	});
});

describe('search boxes', () => {
	it('search a pasted paragraph by its start rather than dropping it', () => {
		const paragraph =
			'行政机关作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据。'.repeat(
				10
			);
		const { q } = lawSearchInput.parse({ q: ` ${paragraph} ` });
		expect(q).toBe([...paragraph].slice(0, 100).join(''));
		// cut by character: a character outside the BMP is never split in two
		expect(searchQuery(3).parse('𠀀𠀀𠀀𠀀')).toBe('𠀀𠀀𠀀');
		expect(listPeopleInput.parse({}).q).toBe('');
		expect(listPeopleInput.parse({ q: ['a', 'b'] }).q).toBe('');
	});
});

describe('uploadedFile', () => {
	const keys = { required: 'choose', empty: 'empty', tooLarge: 'large' };
	const schema = uploadedFile(10, keys);
	const message = (f: File) => schema.safeParse(f).error?.issues[0]?.message;

	it('tells no file, an empty file and a too large one apart', () => {
		expect(message(new File([], ''))).toBe('choose');
		expect(message(new File([], 'roster.xlsx'))).toBe('empty');
		expect(message(new File(['x'.repeat(11)], 'big.csv'))).toBe('large');
		expect(schema.safeParse(new File(['a,b'], 'ok.csv')).success).toBe(true);
	});
});

describe('numbers typed into fields', () => {
	it('say a number, or a whole one, is wanted when words are typed', () => {
		const form = {
			title: '考试',
			unitId: '1',
			kind: 'annual',
			paperKind: 'blueprint',
			passMark: '六十',
			bandExcellent: '90',
			bandGood: '80',
			durationMinutes: '1.5',
			maxAttempts: '2',
			count_single: 'abc'
		};
		const r = examInput.safeParse(form);
		expect(r.success).toBe(false);
		const fields = zodFieldErrors(r.error!.issues);
		expect(fields.passMark).toEqual(['err_not_a_number']);
		expect(fields.durationMinutes).toEqual(['err_not_whole_number']);
		expect(fields.count_single).toEqual(['err_not_a_number']);
		// a rule left blank is not a rule of 0: a pass mark of 0 would pass every candidate
		const blank = examInput.safeParse({
			...form,
			passMark: ' ',
			maxAttempts: '',
			count_single: ''
		});
		expect(zodFieldErrors(blank.error!.issues)).toMatchObject({
			passMark: ['err_required'],
			maxAttempts: ['err_required']
		});
		expect(zodFieldErrors(blank.error!.issues).count_single).toBeUndefined();
		// the pass mark is a percentage of the paper's total: above 100 nobody could pass
		const over = examInput.safeParse({ ...form, passMark: '120', bandExcellent: '190' });
		expect(zodFieldErrors(over.error!.issues)).toMatchObject({
			passMark: ['err_exam_number_range'],
			bandExcellent: ['err_exam_number_range']
		});
		expect(wholeNumber(1, 9).safeParse('三').error?.issues[0]?.message).toBe(
			'err_not_whole_number'
		);
	});
});

describe('whole numbers typed into a field', () => {
	it('a blank one is asked for, not saved as 0: HR and certificate settings, extra exam minutes', () => {
		const errors = (schema: z.ZodType, form: Record<string, unknown>) =>
			zodFieldErrors(schema.safeParse(form).error?.issues ?? []);
		expect(wholeNumber(0, 9).safeParse(' ').error?.issues[0]?.message).toBe('err_required');
		expect(wholeNumber(0, 9).parse(' 0 ')).toBe(0);
		const hr = {
			countFrom: 'public_notice',
			governmentMaxRetakes: '',
			congressMaxRetakes: '1',
			voidedAttempt: 'counts_as_fail',
			voidMonths: '',
			days: ' ',
			unit: 'calendar'
		};
		// the months a voided attempt bars stay optional: blank is "no bar"
		expect(errors(policyInput, hr)).toEqual({
			governmentMaxRetakes: ['err_required'],
			days: ['err_required']
		});
		const certificate = {
			validYears: '',
			expiringSoonDays: '90',
			reviewEveryYears: '0',
			revocationWaitYears: ''
		};
		expect(errors(certificatePolicyInput, certificate)).toEqual({
			validYears: ['err_required'],
			revocationWaitYears: ['err_required']
		});
		const extend = { sittingId: '1', attemptId: '2', reason: '断网' };
		expect(errors(extendAttemptInput, { ...extend, minutes: '' })).toEqual({
			minutes: ['err_required']
		});
		expect(errors(extendAttemptInput, { ...extend, minutes: '0' })).toEqual({
			minutes: ['err_exam_number_range']
		});
		expect(errors(extendAttemptInput, { ...extend, minutes: '1.5' })).toEqual({
			minutes: ['err_not_whole_number']
		});
	});
});

describe('deletes that cannot be undone', () => {
	it('are refused until confirmed: a lesson, a written-study material, a session’s file, a team member', () => {
		for (const [schema, key] of [
			[deleteLessonInput, 'lessonId'],
			[deleteReadingInput, 'readingId'],
			[deleteMaterialInput, 'materialId'],
			[removeTeamMemberInput, 'personId']
		] as const) {
			const ids = { [key]: '3', sessionId: '1', teamId: '2' };
			const first = schema.safeParse(ids);
			expect(first.success).toBe(false);
			expect(zodFieldErrors(first.error!.issues)).toEqual({ confirmed: ['err_confirm_first'] });
			expect(schema.safeParse({ ...ids, confirmed: 'yes' }).success).toBe(true);
		}
	});
});
