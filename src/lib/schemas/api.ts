/**
 * What `/api/v1` answers, as zod schemas: the services' return types come from them, and the
 * OpenAPI document's schemas are generated from them (zod's own JSON Schema output), so the
 * document cannot drift from the code.
 */
import { z } from 'zod';
import { APPOINTMENT_ROUTES, PERSON_STATUSES, RANKS } from './enums.ts';
import { EXAM_KINDS } from './exam-enums.ts';
import { APPOINTING_BODIES, CASE_STATES, OATH_FORMS } from './hr-enums.ts';

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

/** A promotion case's id in a path. */
export const caseIdParam = z.object({
	id: z.coerce
		.number()
		.int()
		.min(1)
		.max(2 ** 31)
});

/** A reason of the core's, as a code to act on and in words. */
const apiReason = z
	.object({
		code: z.string(),
		/** In Chinese (or English, when the client's language cookie says so). */
		text: z.string()
	})
	.register(apiSchemas, {
		id: 'Reason',
		description: 'A rule’s reason: a stable code and its words.'
	});

const unitRef = z.object({ id: z.int().min(1), name: z.string() });

export const apiOathAppointment = z
	.object({
		id: z.int().min(1),
		post: z.string(),
		appointingBody: z.enum(APPOINTING_BODIES),
		appointedOn: day,
		/** Whether the oath policy requires this appointee to swear, and why. */
		required: z.boolean(),
		ground: apiReason,
		state: z.enum(['due', 'overdue', 'done', 'not_required']),
		/** The last day for the oath; null when none is required. */
		deadline: day.nullable(),
		/** Days from today to the deadline (negative when overdue); null when sworn or not required. */
		daysLeft: z.int().nullable(),
		overdue: z.boolean(),
		/** The promotion case the appointment was recorded from. */
		caseId: z.int().min(1).nullable(),
		ceremony: z
			.object({
				id: z.int().min(1),
				form: z.enum(OATH_FORMS),
				date: day,
				place: z.string(),
				/** Sworn after the deadline. */
				late: z.boolean()
			})
			.nullable()
	})
	.register(apiSchemas, {
		id: 'OathAppointment',
		description: 'An appointment with its constitutional oath state today (Beijing time).'
	});

export const apiPersonOath = z
	.object({
		employeeNo: z.string(),
		name: z.string(),
		unit: unitRef,
		appointments: z.array(apiOathAppointment)
	})
	.register(apiSchemas, {
		id: 'PersonOath',
		description: 'A person’s appointments, newest first, each with its oath state.'
	});
export type ApiPersonOath = z.infer<typeof apiPersonOath>;

const gateEvidence = z.object({
	attemptId: z.int().min(1),
	/** The exam and sitting, in words. */
	sitting: z.string(),
	takenOn: day,
	score: z.number().nullable(),
	maxScore: z.number().nullable(),
	outcome: z.enum(['pass', 'fail', 'pending']),
	/**
	 * How the gate used the attempt (counted, before the counting date, for another case, superseded
	 * by another attempt of its sitting …).
	 */
	use: z.string(),
	attemptNo: z.int().min(1).nullable(),
	/** The attempt of the same sitting that counts instead under the exam's rules, when superseded. */
	supersededBy: z.int().min(1).nullable()
});

/** A pass the case relied on that no longer holds, with HR's review of an appointment made on it. */
const evidenceLapse = z.object({
	attemptId: z.int().min(1),
	takenOn: day,
	/**
	 * Voided for cheating, regraded to a fail, regraded back to awaiting a grader, or superseded: a
	 * later attempt of the same sitting that did not pass counts instead under the exam's rules.
	 */
	change: z.enum(['voided', 'failed', 'pending', 'superseded']),
	/**
	 * The score the case relied on, and the score now (null when voided or awaiting a grader; when
	 * superseded, that of the attempt counted instead).
	 */
	scoreBefore: z.number().nullable(),
	scoreNow: z.number().nullable(),
	/** The attempt of the same sitting counted instead, when superseded. */
	supersededBy: z.int().min(1).nullable(),
	changedAt: z.iso.datetime(),
	changedBy: z.string().nullable(),
	reason: z.string().nullable(),
	/** The case was appointed on it: the appointment stands until HR reviews it. */
	appointed: z.boolean(),
	/** HR's review of this change (an appointed case only); null while it awaits one. */
	review: z
		.object({ reviewedAt: z.iso.datetime(), reviewedBy: z.string().nullable(), note: z.string() })
		.nullable()
});

export const apiCase = z
	.object({
		id: z.int().min(1),
		employeeNo: z.string(),
		name: z.string(),
		unit: unitRef,
		proposedPost: z.string(),
		leadingPost: z.boolean(),
		appointmentRoute: z.enum(APPOINTMENT_ROUTES),
		appointingBody: z.enum(APPOINTING_BODIES),
		nominatedOn: day.nullable(),
		publicNoticeOn: day.nullable(),
		publicNoticeEndsOn: day.nullable(),
		plannedOn: day.nullable(),
		state: z.enum(CASE_STATES),
		/** The exam gate as the case page shows it: checked now for an open case (and logged). */
		eligibility: z
			.object({
				checkId: z.int().min(1),
				checkedAt: z.iso.datetime(),
				allowed: z.boolean(),
				reasons: z.array(apiReason),
				evidence: z.array(gateEvidence),
				exemptions: z.array(
					z.object({
						kind: z.string(),
						documentName: z.string(),
						documentDate: day,
						use: z.string()
					})
				)
			})
			.nullable(),
		/** The pass the case relied on, voided, regraded or superseded since (考试依据已不成立); null when it holds. */
		evidenceLapse: evidenceLapse.nullable()
	})
	.register(apiSchemas, {
		id: 'PromotionCase',
		description:
			'A promotion case with its eligibility under the exam gate (先考后提): allowed or not, the reasons, the attempts weighed and the exemptions claimed. Null eligibility: a closed case never checked. evidenceLapse: the pass the case relied on was voided, regraded or superseded since (the gate shuts an open case; an appointed one awaits HR’s review, given once recorded); null while it holds.'
	});
export type ApiCase = z.infer<typeof apiCase>;

/** The stable codes of every error the API answers. */
export const API_ERROR_CODES = [
	'unauthorized',
	'token_expired',
	'token_suspended',
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
