/**
 * Giving back a certificate the app withdrew by itself once what withdrew it is undone: its pass
 * outranked by a later attempt of its sitting (`superseded`) that is then voided or regraded below
 * it, or its pass regraded to a fail (`regraded`) and then back to a pass — for a certificate of
 * two parts, either part. It is the same pass, so it is the same certificate — un-revoked, valid as
 * issued, audited — and the code printed on the holder's paper keeps working at /verify; a new
 * certificate would leave that paper "revoked". A revocation a person made (a void for cheating, an
 * organiser's 吊销) is never undone here. Nor is one given back beside another in force for the
 * same exam (or qualification): the person holds one at a time.
 */
import { and, desc, eq, inArray, not } from 'drizzle-orm';
import { shanghaiDate } from '@xuefa/core';
import type { Tx } from '../../db/index.ts';
import { certificate, exam, examAttempt } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/append.ts';
import { requalificationOf } from './certificate-bar.ts';
import { heldInForce } from './certificate-grant.ts';
import { partSetWhole } from './certificate-parts.ts';
import { certificatePolicy } from './certificate-policy.ts';
import { REPLACED, WITHDRAWN_BY_APP, revokedByOrganiser } from './certificate-reasons.ts';
import { attemptsToCount, countingOfEach } from './counting.ts';

/**
 * Un-revokes (audited) each of the person's certificates withdrawn as superseded or regraded whose
 * attempt is again the one its sitting counts, and a pass. One whose set of parts is not whole stays
 * withdrawn, and so does one whose holder is under a sanction now (a suspension, a revocation's
 * wait): giving it back must not lift a sanction that a new pass would not. One whose holder has
 * another in force for its exam (or qualification) by now stays withdrawn as `replaced` (audited).
 */
export async function restoreWithdrawn(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	personId: number
) {
	const withdrawn = await tx.db
		.select({
			id: certificate.id,
			code: certificate.verificationCode,
			attemptId: certificate.attemptId,
			examId: certificate.examId,
			kind: certificate.kind,
			revokedOn: certificate.revokedOn,
			reason: certificate.revokeReason,
			sittingId: examAttempt.sittingId,
			unitId: exam.unitId
		})
		.from(certificate)
		.innerJoin(exam, eq(exam.id, certificate.examId))
		.innerJoin(examAttempt, eq(examAttempt.id, certificate.attemptId))
		.where(
			and(
				eq(certificate.personId, personId),
				inArray(certificate.revokeReason, [...WITHDRAWN_BY_APP]),
				not(revokedByOrganiser(tx.db))
			)
		)
		// the latest first: should two come back for one exam, the one its holder had last stands
		.orderBy(desc(certificate.createdAt), desc(certificate.id));
	if (withdrawn.length === 0) return;
	const attempts = await attemptsToCount(
		tx.db,
		{},
		and(
			eq(examAttempt.personId, personId),
			inArray(examAttempt.sittingId, [...new Set(withdrawn.map((c) => c.sittingId))])
		)
	);
	const counted = new Set(
		countingOfEach(attempts)
			.filter((a) => a.passed === true)
			.map((a) => a.id)
	);
	const policy = await certificatePolicy(tx.db);
	const today = shanghaiDate(tx.now);
	for (const c of withdrawn) {
		if (!counted.has(c.attemptId)) continue;
		if ((await requalificationOf(tx.db, personId, c.kind, policy))(today).barred) continue;
		if (c.kind === 'enforcement' && !(await partSetWhole(tx.db, personId, c.id, policy))) continue;
		// one in force at a time: where a certificate earned since (a real pass of another sitting)
		// stands for the exam, or the qualification, it stays — the one its holder has in hand, the
		// later lasting longer — and this one stays withdrawn, the reason now why it is not given back
		const [held] = await heldInForce(tx, { personId, examId: c.examId, kind: c.kind }, policy);
		await tx.db
			.update(certificate)
			.set(held ? { revokeReason: REPLACED } : { revokedOn: null, revokeReason: null })
			.where(and(eq(certificate.id, c.id), eq(certificate.revokeReason, c.reason!)));
		const what = { personId, certificate: c.code, attemptId: c.attemptId };
		await appendAudit(tx, {
			entityType: 'certificate',
			entityId: c.id,
			unitId: c.unitId,
			...(held
				? {
						action: 'certificate.revoked',
						before: { reason: c.reason },
						after: { ...what, date: c.revokedOn, reason: REPLACED, replacedBy: held.code }
					}
				: {
						action: 'certificate.restored',
						before: { revokedOn: c.revokedOn, reason: c.reason },
						after: { ...what, date: today }
					})
		});
	}
}
