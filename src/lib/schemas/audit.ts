import { z } from 'zod';

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
