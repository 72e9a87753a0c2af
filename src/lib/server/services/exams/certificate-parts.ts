/**
 * A certificate issued for a required set of parts (通用 and 专门) stands only while the set does:
 * voiding the attempt of one part, or regrading it to a fail, revokes the certificate the set gave
 * (audited, with the reason) even when it was granted on the other part's attempt.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { partsPassed, shanghaiDate } from '@xuefa/core';
import type { Tx } from '../../db/index.ts';
import { certificate, exam, examAttempt, passRecord } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/append.ts';
import { certificatePolicy } from './certificate-policy.ts';

/**
 * Re-checks each enforcement certificate of the person still unrevoked against the passes that
 * made it: those of attempts started after the certificate before it and up to its issue (as
 * `grantCertificate` counted them). `cause` is the attempt that lost its pass and why.
 */
export async function recheckPartCertificates(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	personId: number,
	cause: { attemptId: number; reason: string }
) {
	const policy = await certificatePolicy(tx.db);
	if ((policy.requiredParts?.length ?? 0) === 0) return;
	const certs = await tx.db
		.select({
			id: certificate.id,
			code: certificate.verificationCode,
			createdAt: certificate.createdAt,
			revokedOn: certificate.revokedOn,
			unitId: exam.unitId
		})
		.from(certificate)
		.innerJoin(exam, eq(exam.id, certificate.examId))
		.where(and(eq(certificate.personId, personId), eq(certificate.kind, 'enforcement')))
		.orderBy(asc(certificate.createdAt), asc(certificate.id));
	if (!certs.some((c) => c.revokedOn === null)) return;
	const passes = await tx.db
		.select({
			part: exam.certificatePart,
			passedOn: passRecord.takenOn,
			startedAt: examAttempt.startedAt
		})
		.from(passRecord)
		.innerJoin(exam, eq(exam.id, passRecord.examId))
		.innerJoin(examAttempt, eq(examAttempt.id, passRecord.attemptId))
		.where(
			and(
				eq(passRecord.personId, personId),
				eq(passRecord.kind, 'enforcement'),
				eq(passRecord.passed, true)
			)
		);
	let since: Date | null = null;
	for (const c of certs) {
		const set = passes.filter(
			(p) => (since === null || p.startedAt > since) && p.startedAt <= c.createdAt
		);
		since = c.createdAt;
		if (c.revokedOn !== null || partsPassed(set, policy).complete) continue;
		const today = shanghaiDate(tx.now);
		await tx.db
			.update(certificate)
			.set({ revokedOn: today, revokeReason: cause.reason })
			.where(and(eq(certificate.id, c.id), isNull(certificate.revokedOn)));
		await appendAudit(tx, {
			action: 'certificate.revoked',
			entityType: 'certificate',
			entityId: c.id,
			unitId: c.unitId,
			after: {
				personId,
				certificate: c.code,
				date: today,
				reason: cause.reason,
				attemptId: cause.attemptId
			}
		});
	}
}
