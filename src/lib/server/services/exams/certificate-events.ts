/**
 * What happens to a certificate after it was granted: an organiser of the exam's unit suspends (暂扣),
 * reinstates, revokes (吊销) or records a review (审验), each with its day and reason, checked by the
 * core's rules and written to the audit chain.
 */
import { asc, eq } from 'drizzle-orm';
import { type CertificateEvent, shanghaiDate, validateCertificateEvent } from '@xuefa/core';
import type { CertificateEventInput } from '$lib/schemas/certificates.ts';
import { can } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { issueFields } from '../../core-messages.ts';
import type { ReadDb } from '../../db/index.ts';
import { certificate, certificateEvent, exam, unit } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { certificatePolicy } from './certificate-policy.ts';

/** The audit entry of each event (one `action:` per line: the audit words test reads them). */
const AUDIT = {
	suspended: { action: 'certificate.suspended' },
	reinstated: { action: 'certificate.reinstated' },
	revoked: { action: 'certificate.revoked' },
	reviewed: { action: 'certificate.reviewed' }
} as const;

/** A certificate's events, oldest first, with who recorded each. */
export async function certificateEvents(db: ReadDb, certificateId: number) {
	return db
		.select({
			id: certificateEvent.id,
			kind: certificateEvent.kind,
			on: certificateEvent.on,
			reason: certificateEvent.reason,
			createdAt: certificateEvent.createdAt
		})
		.from(certificateEvent)
		.where(eq(certificateEvent.certificateId, certificateId))
		.orderBy(asc(certificateEvent.on), asc(certificateEvent.id));
}

/** The rows as the core reads them. */
export const coreEvents = (
	rows: readonly { kind: CertificateEvent['kind']; on: string; reason: string | null }[]
): CertificateEvent[] =>
	rows.map((r) => ({ kind: r.kind, on: r.on, ...(r.reason ? { reason: r.reason } : {}) }));

/** Records a suspension, reinstatement, revocation or review; organisers of the exam's unit only. */
export async function recordCertificateEvent(ctx: Ctx, input: CertificateEventInput) {
	const [row] = await ctx.db
		.select({
			id: certificate.id,
			personId: certificate.personId,
			code: certificate.verificationCode,
			validFrom: certificate.validFrom,
			validUntil: certificate.validUntil,
			revokedOn: certificate.revokedOn,
			unitId: exam.unitId,
			unitPath: unit.path
		})
		.from(certificate)
		.innerJoin(exam, eq(exam.id, certificate.examId))
		.innerJoin(unit, eq(unit.id, exam.unitId))
		.where(eq(certificate.id, input.certificateId));
	if (!row) throw new NotFoundError();
	if (!can(ctx.user, 'exam.manage', row.unitPath)) throw new ForbiddenError();
	const event: CertificateEvent = {
		kind: input.kind,
		on: input.on,
		...(input.reason ? { reason: input.reason } : {})
	};
	const policy = await certificatePolicy(ctx.db);
	return transact(ctx, async (tx) => {
		// read again inside the transaction: two organisers may act on it at once
		const events = coreEvents(await certificateEvents(tx.db, row.id));
		const issues = validateCertificateEvent(
			{
				validFrom: row.validFrom,
				validUntil: row.validUntil,
				...(row.revokedOn ? { revokedOn: row.revokedOn } : {}),
				events
			},
			event,
			shanghaiDate(ctx.now),
			policy
		);
		if (issues.length) throw new InvalidInputError(issueFields(issues, (path) => path || 'kind'));
		await tx.db.insert(certificateEvent).values({
			certificateId: row.id,
			kind: event.kind,
			on: event.on,
			reason: event.reason ?? null,
			createdAt: tx.now,
			createdBy: ctx.user.id
		});
		// the column says it too: "held", the result page and the voiding of an attempt read it
		if (event.kind === 'revoked')
			await tx.db
				.update(certificate)
				.set({ revokedOn: event.on, revokeReason: event.reason ?? null })
				.where(eq(certificate.id, row.id));
		await appendAudit(tx, {
			action: AUDIT[event.kind].action,
			entityType: 'certificate',
			entityId: row.id,
			unitId: row.unitId,
			after: {
				personId: row.personId,
				certificate: row.code,
				date: event.on,
				...(event.reason ? { reason: event.reason } : {})
			}
		});
		return { kind: event.kind };
	});
}
