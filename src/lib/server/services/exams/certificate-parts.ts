/**
 * A certificate issued for a required set of parts (通用 and 专门) stands only while the set does,
 * each part passed by the attempt its sitting counts: voiding the attempt of one part, regrading it
 * to a fail, or a later attempt of its sitting that outranks the pass revokes the certificate the set
 * gave (audited, with the reason) even when it was granted on the other part's attempt.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type CertificatePolicy, partsPassed, shanghaiDate } from '@xuefa/core';
import type { ReadDb, Tx } from '../../db/index.ts';
import { certificate, exam, examAttempt, passRecord } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/append.ts';
import { certificatePolicy } from './certificate-policy.ts';
import { PASSES_FREED, revokedByOrganiser } from './certificate-reasons.ts';
import { attemptsToCount, countingOfEach } from './counting.ts';

/**
 * The person's enforcement passes that make up a set of parts: each the attempt its sitting counts,
 * and a pass (one a later attempt of its sitting outranks, or a voided one, is none), with its
 * exam's part, its day and when it was started.
 */
export async function countingPartPasses(db: ReadDb, personId: number) {
	const rows = await attemptsToCount(
		db,
		{ part: exam.certificatePart, passedOn: passRecord.takenOn, startedAt: examAttempt.startedAt },
		and(eq(examAttempt.personId, personId), eq(exam.kind, 'enforcement'))
	);
	return countingOfEach(rows).flatMap(({ passed, part, passedOn, startedAt }) =>
		passed === true && passedOn !== null ? [{ part, passedOn, startedAt }] : []
	);
}

type PartPass = Awaited<ReturnType<typeof countingPartPasses>>[number];

/** The person's enforcement certificates, in the order they were issued. */
function enforcementCertificates(db: ReadDb, personId: number) {
	return db
		.select({
			id: certificate.id,
			code: certificate.verificationCode,
			createdAt: certificate.createdAt,
			revokedOn: certificate.revokedOn,
			reason: certificate.revokeReason,
			sanctioned: sql<boolean>`${revokedByOrganiser(db)}`.mapWith(Boolean),
			unitId: exam.unitId
		})
		.from(certificate)
		.innerJoin(exam, eq(exam.id, certificate.examId))
		.where(and(eq(certificate.personId, personId), eq(certificate.kind, 'enforcement')))
		.orderBy(asc(certificate.createdAt), asc(certificate.id));
}

type Held = Awaited<ReturnType<typeof enforcementCertificates>>[number];

/**
 * Whether the passes that made a certificate went into it for good: not where the app withdrew it
 * by itself (a part regraded to a fail, or outranked): those passes that still count make up the
 * set of a later certificate with a part passed again. Nor where it stays withdrawn as `replaced`:
 * the certificate in force in its place was counted on those passes, and its set is checked on
 * them. A certificate standing, revoked by a person (a void for cheating, an organiser's 吊销) or
 * run out keeps its passes.
 */
const keepsItsPasses = (c: Pick<Held, 'revokedOn' | 'reason' | 'sanctioned'>) =>
	c.revokedOn === null || c.sanctioned || !PASSES_FREED.includes(c.reason ?? '');

/** Whether an attempt started at `startedAt` falls in a certificate's window, after `from`. */
const inWindow = (startedAt: Date, from: Date | null, to: Date) =>
	(from === null || startedAt > from) && startedAt <= to;

/**
 * Each certificate (in issue order) with the passes that made it: those of attempts started after
 * the last one before it that keeps its passes was issued (`from`) and up to its own issue, as
 * `grantCertificate` counted them.
 */
function withSets(certs: readonly Held[], passes: readonly PartPass[]) {
	let since: Date | null = null;
	return certs.map((c) => {
		const from = since;
		if (keepsItsPasses(c)) since = c.createdAt;
		const set = passes.filter((p) => inWindow(p.startedAt, from, c.createdAt));
		return { cert: c, from, set };
	});
}

/**
 * From when the person's enforcement passes count towards a new certificate of parts: those of
 * attempts started after the last certificate that keeps its passes was issued (null: all).
 */
export async function partsCountSince(db: ReadDb, personId: number): Promise<Date | null> {
	const kept = (await enforcementCertificates(db, personId)).filter(keepsItsPasses);
	return kept.at(-1)?.createdAt ?? null;
}

/**
 * Whether the set of parts that made the enforcement certificate `certificateId` is whole, on the
 * passes that count today (always, where the settings require no parts).
 */
export async function partSetWhole(
	db: ReadDb,
	personId: number,
	certificateId: number,
	policy: CertificatePolicy
): Promise<boolean> {
	if ((policy.requiredParts?.length ?? 0) === 0) return true;
	const certs = await enforcementCertificates(db, personId);
	const mine = withSets(certs, await countingPartPasses(db, personId)).find(
		(c) => c.cert.id === certificateId
	);
	return mine !== undefined && partsPassed(mine.set, policy).complete;
}

/**
 * Re-checks each enforcement certificate of the person still unrevoked that the sitting of `cause`
 * had a part in against the passes that made it and still count (`withSets`). `cause` is the
 * attempt whose change undid a pass and why.
 */
export async function recheckPartCertificates(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	personId: number,
	cause: { attemptId: number; reason: string }
) {
	const policy = await certificatePolicy(tx.db);
	if ((policy.requiredParts?.length ?? 0) === 0) return;
	const certs = await enforcementCertificates(tx.db, personId);
	if (!certs.some((c) => c.revokedOn === null)) return;
	const passes = await countingPartPasses(tx.db, personId);
	// the person's attempts of the changed sitting: a certificate none of them fell in the window
	// of drew nothing from it (another exam's, or one issued before parts were required) and stands
	const changed = await tx.db
		.select({ startedAt: examAttempt.startedAt })
		.from(examAttempt)
		.where(
			and(
				eq(examAttempt.personId, personId),
				inArray(
					examAttempt.sittingId,
					tx.db
						.select({ id: examAttempt.sittingId })
						.from(examAttempt)
						.where(eq(examAttempt.id, cause.attemptId))
				)
			)
		);
	for (const { cert: c, from, set } of withSets(certs, passes)) {
		if (c.revokedOn !== null || partsPassed(set, policy).complete) continue;
		if (!changed.some((a) => inWindow(a.startedAt, from, c.createdAt))) continue;
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
