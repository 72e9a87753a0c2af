import { z } from 'zod';
import { MAX_CASE_PARTS, QUESTION_TYPES } from '@xuefa/core';
import { SAVES_PER_REQUEST } from '../exams/limits.ts';
import { RANKS } from './enums.ts';
import { checkbox, id, optionalText, required, text, typedNumber } from './common.ts';
import { answerFields } from './practice.ts';
import {
	CERTIFICATE_PARTS,
	EXAM_KINDS,
	MULTIPLE_POLICIES,
	PAPER_KINDS,
	RETAKE_COUNTS,
	REVIEW_WHEN
} from './exam-enums.ts';

// a rule left blank is refused as required, never read as 0 (a pass mark of 0 passes everyone)
const num = (min: number, max: number) =>
	typedNumber('err_not_a_number', (n) =>
		n.min(min, { error: 'err_exam_number_range' }).max(max, { error: 'err_exam_number_range' })
	);
const int = (min: number, max: number) =>
	typedNumber('err_not_a_number', (n) =>
		n
			.int({ error: 'err_not_whole_number' })
			.min(min, { error: 'err_exam_number_range' })
			.max(max, { error: 'err_exam_number_range' })
	);
/** An empty field reads as 0 (a blueprint row left blank is no section). */
const blankZero = (schema: z.ZodType<number>) =>
	z.preprocess(
		(v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? 0 : v),
		schema
	);

/** One row of the blueprint form per question type: how many, how many points each, which law. */
const sectionFields = Object.fromEntries(
	QUESTION_TYPES.flatMap((type) => [
		[`count_${type}`, blankZero(int(0, 500))],
		[`points_${type}`, blankZero(num(0, 100))],
		[`law_${type}`, optionalText(100)]
	])
) as Record<`count_${(typeof QUESTION_TYPES)[number]}`, z.ZodType<number>> &
	Record<`points_${(typeof QUESTION_TYPES)[number]}`, z.ZodType<number>> &
	Record<`law_${(typeof QUESTION_TYPES)[number]}`, z.ZodType<string>>;

/** Question ids typed as a list (spaces, commas, 、 or new lines between them). */
const idList = z
	.string()
	.max(10_000, { error: 'err_too_long' })
	.optional()
	.default('')
	.transform((s, c) => {
		const parts = s.split(/[\s,，、;；]+/).filter(Boolean);
		const ids = parts.map(Number);
		if (ids.some((n) => !Number.isInteger(n) || n <= 0)) {
			c.addIssue({ code: 'custom', message: 'err_exam_question_ids' });
			return z.NEVER;
		}
		return [...new Set(ids)];
	});

/** A list of ids from repeated form fields (checkboxes) or one value. */
const ids = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(id).max(200)
);

/** A number field that may stay blank (null then). */
const blankNull = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), schema.nullable());

/**
 * The study-credit requirement (资格) of an exam (its sittings' default) or of a sitting: ticked,
 * a candidate must have earned `creditsRequired` credits (blank: the district's annual
 * requirement) in `creditsYear` (blank: the sitting's opening year).
 */
const creditFields = {
	requireCredits: checkbox,
	creditsRequired: blankNull(num(0, 1000)),
	creditsYear: blankNull(int(2000, 2100))
};
/** The credit requirement as the forms send it. */
export type CreditFields = {
	requireCredits: boolean;
	creditsRequired: number | null;
	creditsYear: number | null;
};

/** Create or edit a draft exam. */
export const examInput = z
	.object({
		examId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
		unitId: id,
		title: text(200),
		kind: z.enum(EXAM_KINDS, required),
		/** An enforcement exam's part of the qualification; blank: a paper on both parts. */
		certificatePart: z.preprocess(
			(v) => (v === '' || v === undefined ? null : v),
			z.enum(CERTIFICATE_PARTS, { error: 'err_invalid' }).nullable()
		),
		paperKind: z.enum(PAPER_KINDS, required),
		bankIds: ids,
		...sectionFields,
		fixedIds: idList,
		shuffle: checkbox,
		// percent of the paper's total (the core's default measure): above 100 nobody could pass
		passMark: num(0, 100),
		bandExcellent: num(0, 100),
		bandGood: num(0, 100),
		durationMinutes: int(1, 600),
		maxAttempts: int(1, 20),
		/** Blank: no limit on leaving the exam page. */
		focusLimit: z.preprocess(
			(v) => (v === '' || v === undefined || v === null ? null : v),
			int(1, 50).nullable()
		),
		counts: z.enum(RETAKE_COUNTS, required),
		onlyAfterFail: checkbox,
		multiple: z.enum(MULTIPLE_POLICIES, required),
		reviewScore: z.enum(REVIEW_WHEN, required),
		reviewAnswers: z.enum(REVIEW_WHEN, required),
		reviewExplanations: z.enum(REVIEW_WHEN, required),
		...creditFields
	})
	.superRefine((v, c) => {
		if (v.bankIds.length === 0)
			c.addIssue({ code: 'custom', path: ['bankIds'], message: 'err_exam_banks_required' });
		if (!(v.bandExcellent > v.bandGood && v.bandGood > v.passMark))
			c.addIssue({ code: 'custom', path: ['bandGood'], message: 'err_exam_bands_order' });
		if (v.paperKind === 'fixed' && v.fixedIds.length === 0)
			c.addIssue({ code: 'custom', path: ['fixedIds'], message: 'err_required' });
	});
export type ExamInput = z.infer<typeof examInput>;

/** Publish a draft exam (runs the feasibility check). */
export const publishExamInput = z.object({ examId: id });
export type PublishExamInput = z.infer<typeof publishExamInput>;

/** A local date and time in Asia/Shanghai, as `<input type="datetime-local">` sends it. */
const localDateTime = z
	.string(required)
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: 'err_invalid' })
	.transform((s) => new Date(`${s.slice(0, 16)}:00+08:00`))
	.refine((d) => !Number.isNaN(d.getTime()), { error: 'err_invalid' });

/** Names typed as a list (employee numbers, logins), spaces, commas or new lines between them. */
const nameList = z
	.string()
	.max(20_000, { error: 'err_too_long' })
	.optional()
	.default('')
	.transform((s) => [...new Set(s.split(/[\s,，、;；]+/).filter(Boolean))]);

/** A sitting's fields, as the create and edit forms send them. */
const sittingFields = {
	name: text(200),
	opensAt: localDateTime,
	closesAt: localDateTime,
	oneDevice: checkbox,
	unitIds: ids,
	employeeNos: nameList,
	ranks: z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z.array(z.enum(RANKS, { error: 'err_invalid' })).max(RANKS.length)
	),
	/** Proctors' logins. */
	proctors: nameList,
	...creditFields
};

function checkSitting(
	v: { opensAt: Date; closesAt: Date; unitIds: number[]; employeeNos: string[]; ranks: string[] },
	c: z.RefinementCtx
) {
	if (v.closesAt <= v.opensAt)
		c.addIssue({ code: 'custom', path: ['closesAt'], message: 'err_sitting_window' });
	if (v.unitIds.length === 0 && v.employeeNos.length === 0 && v.ranks.length === 0)
		c.addIssue({ code: 'custom', path: ['unitIds'], message: 'err_sitting_roster_empty' });
}

/**
 * Create a sitting with its roster: units (and their sub-units), ranks (within the exam's unit) and
 * people by employee number; and its proctors by login.
 */
export const sittingInput = z.object({ examId: id, ...sittingFields }).superRefine(checkSitting);
export type SittingInput = z.infer<typeof sittingInput>;

/** Change a sitting: its window, roster, proctors, device rule and credit requirement. */
export const sittingEditInput = z
	.object({ sittingId: id, ...sittingFields })
	.superRefine(checkSitting);
export type SittingEditInput = z.infer<typeof sittingEditInput>;

/** 豁免: exempt a person on a sitting's roster from its credit requirement, with the reason. */
export const creditExemptionInput = z.object({
	sittingId: id,
	personId: id,
	reason: text(500)
});
export type CreditExemptionInput = z.infer<typeof creditExemptionInput>;

/** Revoke a person's exemption from a sitting's credit requirement. */
export const revokeCreditExemptionInput = z.object({ sittingId: id, personId: id });
export type RevokeCreditExemptionInput = z.infer<typeof revokeCreditExemptionInput>;

/** Start an attempt in a sitting, after reading the rules. */
export const startAttemptInput = z.object({
	sittingId: id,
	confirm: z.literal('on', { error: 'err_exam_confirm_rules' }),
	/** The browser's random id, for sittings that allow one device only (set by a cookie). */
	deviceId: z.string().max(64).optional()
});
export type StartAttemptInput = z.infer<typeof startAttemptInput>;

const label = z.string().regex(/^[A-Z]$/);
const blankText = z.string().max(500);
const essayText = z.string().max(5000);

/** One body's response, as the core reads it (choices are the labels shown). */
const bodyResponse = z.discriminatedUnion('type', [
	z.object({ type: z.literal('single'), choice: label.nullable() }),
	z.object({ type: z.literal('multiple'), choices: z.array(label).max(26) }),
	z.object({ type: z.literal('truefalse'), answer: z.boolean().nullable() }),
	z.object({ type: z.literal('fill'), blanks: z.array(blankText).max(30) }),
	z.object({ type: z.literal('essay'), text: essayText })
]);
const response = z.union([
	bodyResponse,
	z.object({
		type: z.literal('case'),
		parts: z.array(bodyResponse.nullable()).max(MAX_CASE_PARTS)
	})
]);

/** One save of one question: the answer (null when cleared), the flag and the sender's sequence. */
export const answerSave = z.object({
	questionId: z.string().regex(/^\d{1,12}$/),
	seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
	response: response.nullable(),
	flagged: z.boolean().default(false)
});
export type AnswerSave = z.infer<typeof answerSave>;

/** A batch of saves (the browser's offline queue sends them together). */
export const saveAnswersInput = z.object({
	attemptId: id,
	saves: z.array(answerSave).min(1).max(SAVES_PER_REQUEST)
});
export type SaveAnswersInput = z.infer<typeof saveAnswersInput>;

/** Submit an attempt. */
export const submitAttemptInput = z.object({ attemptId: id });
export type SubmitAttemptInput = z.infer<typeof submitAttemptInput>;

/** A certificate code typed or scanned on /verify. */
export const verifyInput = z.object({ code: z.string(required).trim().min(1, required).max(64) });
export type VerifyInput = z.infer<typeof verifyInput>;

/** One question's form on the exam page without JavaScript (fields as in practice: `a`, `p0` …). */
export const answerFieldsInput = z.object({
	attemptId: id,
	questionId: z.string().regex(/^\d{1,12}$/),
	fields: answerFields,
	flagged: checkbox
});
export type AnswerFields = z.infer<typeof answerFieldsInput>;
