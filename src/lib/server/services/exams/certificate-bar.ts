/**
 * A holder under sanction is not requalified by a pass (the core's `requalificationBar`): while
 * one of their enforcement certificates (执法证) is suspended, and for the set years after one was
 * revoked, a pass grants no new certificate. Read here for the grant (./finish.ts) and for the
 * result page, which says why a pass brought no certificate. The bar is the person's, whichever
 * enforcement exam the certificate came from; other kinds of certificate bar nothing.
 */
import {
	type CertificatePolicy,
	type IsoDate,
	type RequalificationBar,
	requalificationBar
} from '@xuefa/core';
import { and, eq } from 'drizzle-orm';
import { m } from '$lib/i18n.ts';
import type { ExamKind } from '$lib/schemas/exam-enums.ts';
import { coreMessage } from '../../core-messages.ts';
import type { ReadDb } from '../../db/index.ts';
import { certificate } from '../../db/schema/index.ts';
import { coreEvents } from './certificate-events.ts';
import { certificatePolicy } from './certificate-policy.ts';
import { eventsOfCertificates } from './certificate-state.ts';

const NOT_BARRED: RequalificationBar = { barred: false, reasons: [] };

/**
 * The person's bar on a day, for any day asked (the pass's and today): their enforcement
 * certificates and events read once.
 */
export async function requalificationOf(
	db: ReadDb,
	personId: number,
	kind: ExamKind,
	policy: CertificatePolicy
): Promise<(day: IsoDate) => RequalificationBar> {
	if (kind !== 'enforcement') return () => NOT_BARRED;
	const rows = await db
		.select({
			id: certificate.id,
			validFrom: certificate.validFrom,
			validUntil: certificate.validUntil,
			revokedOn: certificate.revokedOn
		})
		.from(certificate)
		.where(and(eq(certificate.personId, personId), eq(certificate.kind, 'enforcement')));
	if (rows.length === 0) return () => NOT_BARRED;
	const events = await eventsOfCertificates(
		db,
		rows.map((r) => r.id)
	);
	const held = rows.map((r) => ({
		id: String(r.id),
		validFrom: r.validFrom,
		validUntil: r.validUntil,
		...(r.revokedOn ? { revokedOn: r.revokedOn } : {}),
		events: coreEvents(events.filter((e) => e.certificateId === r.id))
	}));
	return (day) => requalificationBar(held, day, policy);
}

/**
 * Why a pass brought its candidate no certificate, in words, when a sanction is the reason: as
 * judged on the pass's day or today (the grant looked at both); null otherwise.
 */
export async function requalificationNotice(
	db: ReadDb,
	personId: number,
	kind: ExamKind,
	days: readonly IsoDate[]
): Promise<string | null> {
	const barOn = await requalificationOf(db, personId, kind, await certificatePolicy(db));
	const bar = days.map(barOn).find((b) => b.barred);
	return bar
		? bar.reasons.map((r) => coreMessage(r.code, r.data)).join(m.common_semicolon())
		: null;
}
