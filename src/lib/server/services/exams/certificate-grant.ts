/**
 * Granting the certificate a pass earns (./finish.ts, when an attempt is finished, marked, regraded
 * or voided): none while the person holds one in force for the exam (for a two-part qualification,
 * of its kind), none under a sanction, and for two parts (通用 and 专门) only once the set is whole.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
	type CertificatePolicy,
	IN_FORCE_STATES,
	createVerificationCode,
	issueCertificate,
	partsPassed,
	shanghaiDate
} from '@xuefa/core';
import type { ExamKind } from '$lib/schemas/exam-enums.ts';
import type { Tx } from '../../db/index.ts';
import { certificate } from '../../db/schema/index.ts';
import { requalificationOf } from './certificate-bar.ts';
import { countingPartPasses, partsCountSince } from './certificate-parts.ts';
import { certificatePolicy } from './certificate-policy.ts';
import { eventsOfCertificates, statusesOn } from './certificate-state.ts';
import type { AttemptRow } from './finish.ts';

/**
 * The person's certificates in force today (with their suspensions and revocations) that a pass of
 * the exam would duplicate: of the exam, or of its kind where the settings require several parts
 * (the qualification is one, whichever exam gave each part).
 */
export async function heldInForce(
	tx: { db: Tx; now: Date },
	of: { personId: number; examId: number; kind: ExamKind },
	policy: CertificatePolicy
) {
	const parts = of.kind === 'enforcement' && (policy.requiredParts?.length ?? 0) > 0;
	const mine = await tx.db
		.select({
			id: certificate.id,
			code: certificate.verificationCode,
			validFrom: certificate.validFrom,
			validUntil: certificate.validUntil,
			revokedOn: certificate.revokedOn
		})
		.from(certificate)
		.where(
			and(
				eq(certificate.personId, of.personId),
				parts ? eq(certificate.kind, of.kind) : eq(certificate.examId, of.examId)
			)
		);
	if (mine.length === 0) return [];
	const events = await eventsOfCertificates(
		tx.db,
		mine.map((r) => r.id)
	);
	return statusesOn(mine, events, shanghaiDate(tx.now), policy).filter((c) =>
		IN_FORCE_STATES.includes(c.status.state)
	);
}

/**
 * A certificate for the pass, unless the person already holds one in force for this exam. Where the
 * settings require several parts (通用 and 专门), only once each part has a pass; a province-wide window
 * that does not cover the pass day (the next window not set yet) gives way to the period from the pass,
 * because a pass must never fail to be recorded.
 */
export async function grantCertificate(
	tx: { db: Tx; now: Date },
	row: AttemptRow,
	kind: ExamKind,
	passedAt: Date
): Promise<string | undefined> {
	const policy = await certificatePolicy(tx.db);
	const parts = kind === 'enforcement' && (policy.requiredParts?.length ?? 0) > 0;
	// held means in force today: an expired one is requalified for by a pass, a suspended or
	// revoked one only once its sanction allows (./certificate-bar.ts)
	const held = await heldInForce(tx, { personId: row.personId, examId: row.examId, kind }, policy);
	if (held.length > 0) return undefined;
	const passedOn = shanghaiDate(passedAt);
	const barOn = await requalificationOf(tx.db, row.personId, kind, policy);
	// a pass taken under a sanction grants nothing, nor one graded (by hand, later) under it
	if (barOn(passedOn).barred || barOn(shanghaiDate(tx.now)).barred) return undefined;
	if (parts) {
		// the person's passes of the qualification's exams, this one included (written just before),
		// taken since their last certificate: the parts of that one do not count twice — unless the
		// app withdrew it by itself (a part regraded to a fail): then the passes that still count
		// make up the set again with the part passed anew
		const since = await partsCountSince(tx.db, row.personId);
		// (each the attempt its sitting counts: a pass a later attempt outranks makes up no part)
		const passes = await countingPartPasses(tx.db, row.personId);
		// nor does a part passed while a sanction stood count towards a later certificate
		const counted = passes.filter(
			(p) => (since === null || p.startedAt > since) && !barOn(p.passedOn).barred
		);
		if (!partsPassed(counted, policy).complete) return undefined;
	}
	const window = policy.window;
	const outside = window && (passedOn < window.from || passedOn > window.until);
	const code = createVerificationCode((n) => randomBytes(n));
	const cert = issueCertificate(
		{
			id: String(row.id),
			personId: String(row.personId),
			kind,
			attemptId: String(row.id),
			passedOn,
			verificationCode: code
		},
		outside ? { ...policy, window: null } : policy
	);
	await tx.db.insert(certificate).values({
		personId: row.personId,
		examId: row.examId,
		attemptId: row.id,
		kind,
		verificationCode: code,
		validFrom: cert.validFrom,
		validUntil: cert.validUntil,
		createdAt: tx.now
	});
	return code;
}
