/**
 * What `/api/v1` answers, as zod schemas: the services' return types come from them, and the
 * OpenAPI document's schemas are generated from them (zod's own JSON Schema output), so the
 * document cannot drift from the code.
 */
import { z } from 'zod';
import { PERSON_STATUSES, RANKS } from './enums.ts';
import { EXAM_KINDS } from './exam-enums.ts';

/** The schemas the OpenAPI document names (`#/components/schemas/<id>`). */
export const apiSchemas = z.registry<{ id: string; description: string }>();

/** An employee number (工号) in a path: what the roster accepts. */
export const employeeNoParam = z.object({
	employeeNo: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/)
});

const day = z.iso.date();

export const apiPassRecord = z
	.object({
		attemptId: z.int().min(1),
		exam: z.object({ id: z.int().min(1), title: z.string() }),
		kind: z.enum(EXAM_KINDS),
		/** The day the attempt was taken (Beijing time). */
		takenOn: day,
		/** 1 for a first attempt, 2 for the retake… */
		attemptNumber: z.int().min(1),
		status: z.enum(['graded', 'pending', 'voided']),
		score: z.number().nullable(),
		maxScore: z.number(),
		percent: z.number().nullable(),
		band: z.string().nullable(),
		passed: z.boolean().nullable()
	})
	.register(apiSchemas, {
		id: 'PassRecord',
		description:
			'One graded, pending (awaiting hand marking) or voided exam attempt. score, percent and passed are null unless graded.'
	});

export const apiCertificate = z
	.object({
		id: z.int().min(1),
		kind: z.enum(EXAM_KINDS),
		examTitle: z.string(),
		/** The code anyone can check at /verify. */
		verificationCode: z.string(),
		validFrom: day,
		validUntil: day,
		revokedOn: day.nullable(),
		state: z.enum([
			'not_yet_valid',
			'valid',
			'expiring_soon',
			'review_overdue',
			'suspended',
			'expired',
			'revoked'
		]),
		/** Days from today (Beijing time) to the last valid day; negative once expired. */
		daysLeft: z.int()
	})
	.register(apiSchemas, {
		id: 'Certificate',
		description: 'A certificate granted for a pass, with its state today (Beijing time).'
	});

export const apiPerson = z
	.object({
		employeeNo: z.string(),
		name: z.string(),
		unit: z.object({ id: z.int().min(1), name: z.string() }),
		position: z.string(),
		rank: z.enum(RANKS),
		status: z.enum(PERSON_STATUSES),
		passRecords: z.array(apiPassRecord),
		certificates: z.array(apiCertificate)
	})
	.register(apiSchemas, {
		id: 'Person',
		description:
			'A cadre with every exam attempt on record (newest first) and every certificate (latest first).'
	});
export type ApiPerson = z.infer<typeof apiPerson>;

/** The stable codes of every error the API answers. */
export const API_ERROR_CODES = [
	'unauthorized',
	'token_expired',
	'forbidden',
	'not_found',
	'invalid_request',
	'rate_limited',
	'busy'
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiError = z
	.object({
		code: z.enum(API_ERROR_CODES),
		/** The same in words, in Chinese (or English, when the client's language cookie says so). */
		message: z.string()
	})
	.register(apiSchemas, {
		id: 'Error',
		description: 'Every error: a stable code to act on, and a message for people.'
	});
