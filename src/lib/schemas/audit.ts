import { z } from 'zod';
import { isIsoDate } from '@xuefa/core';

export const AUDIT_HEAD_FORMAT = 'xuefa-audit-head';
export const AUDIT_HEAD_VERSION = 1;
/** A downloaded head is a few hundred bytes; anything much larger is not one. */
export const AUDIT_HEAD_MAX_BYTES = 4096;

/** A signed head of the audit chain, as downloaded from the audit page, to verify against. */
export const auditHeadInput = z.object({
	format: z.literal(AUDIT_HEAD_FORMAT),
	version: z.literal(AUDIT_HEAD_VERSION),
	seq: z.number().int().min(0),
	hash: z.string().regex(/^[0-9a-f]{64}$/),
	at: z.string().max(40),
	mac: z.string().regex(/^[0-9a-f]{64}$/)
});
export type AuditHeadInput = z.infer<typeof auditHeadInput>;

/**
 * An ISO day from a GET form, or undefined when empty, malformed or no day of the calendar
 * (2026-13-45): the filter is then not applied, and the date field is not given a value it rejects.
 */
const filterDay = z.string().refine(isIsoDate).optional().catch(undefined);

/**
 * The audit page's filters, from its address (a GET form, so a filtered view can be shared and
 * works without JavaScript). A malformed value is dropped rather than refused.
 */
export const auditFilterInput = z
	.object({
		/** Who acted: a login name, or part of a display name. */
		actor: z.string().trim().max(40).optional().default('').catch(''),
		/** An action code such as `exam.published`. */
		action: z
			.string()
			.regex(/^[a-z_]+(\.[a-z_]+)+$/)
			.max(60)
			.optional()
			.catch(undefined),
		/** A unit: entries about it and every unit below it. */
		unitId: z.coerce.number().int().positive().optional().catch(undefined),
		/** First and last day of the period (Beijing time), both included. */
		from: filterDay,
		to: filterDay,
		page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1)
	})
	// a period typed the wrong way round (from after to) means the days between them
	.transform((f) => (f.from && f.to && f.from > f.to ? { ...f, from: f.to, to: f.from } : f));
export type AuditFilter = z.infer<typeof auditFilterInput>;
