/**
 * A stored certificate's state by the core's rule, for one certificate or many at once: the one
 * place the certificate pages, the certificate list and the oversight counts judge it, and name
 * which states each filter of the list (and each count) takes in.
 */
import {
	type Certificate,
	type CertificateEvent,
	type CertificatePolicy,
	type CertificateState,
	IN_FORCE_STATES,
	type Qualification,
	certificateStatus,
	qualification
} from '@xuefa/core';
import { asc, inArray } from 'drizzle-orm';
import type { CertificateFilter } from '$lib/schemas/exam-enums.ts';
import type { ReadDb } from '../../db/index.ts';
import { certificateEvent } from '../../db/schema/index.ts';
import { coreEvents } from './certificate-events.ts';

/**
 * What the rule reads of a stored certificate; with its revoke reason where the state is shown to
 * its holder, organisers or HR (never at /verify, which shows the state alone).
 */
export type StatusRow = {
	id: number;
	validFrom: string;
	validUntil: string;
	revokedOn: string | null;
	revokeReason?: string | null;
};

/** The columns of the stored events that {@link statusesOn} reads. */
export const eventColumns = {
	certificateId: certificateEvent.certificateId,
	kind: certificateEvent.kind,
	on: certificateEvent.on,
	reason: certificateEvent.reason
};

/** The stored events of the certificates, oldest first, in one query, for {@link statusesOn}. */
export function eventsOfCertificates(db: ReadDb, certificateIds: readonly number[]) {
	return db
		.select(eventColumns)
		.from(certificateEvent)
		.where(inArray(certificateEvent.certificateId, [...certificateIds]))
		.orderBy(asc(certificateEvent.on), asc(certificateEvent.id));
}

/** An event as stored, of whichever certificate. */
type EventRow = Parameters<typeof coreEvents>[0][number] & { certificateId: number };

/**
 * The core's rule on one stored certificate with its events (oldest first). The core knows the
 * reason of an organiser's revocation (an event); one the app made (a void, a regrade, a pass
 * outranked) is in the row's revoke reason, given here when the row has it.
 */
export const statusOf = (
	row: StatusRow,
	events: CertificateEvent[],
	day: string,
	policy: CertificatePolicy
) => {
	const status = certificateStatus(
		{
			validFrom: row.validFrom,
			validUntil: row.validUntil,
			...(row.revokedOn ? { revokedOn: row.revokedOn } : {}),
			events
		},
		day,
		policy
	);
	return status.state === 'revoked' && status.reason === undefined && row.revokeReason
		? { ...status, reason: row.revokeReason }
		: status;
};

/** Events grouped by certificate, each list oldest first (a stable sort: one day's keep their order). */
function eventsByCertificate(events: readonly EventRow[]): Map<number, CertificateEvent[]> {
	const byCertificate = new Map<number, EventRow[]>();
	for (const e of [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) {
		const list = byCertificate.get(e.certificateId);
		if (list) list.push(e);
		else byCertificate.set(e.certificateId, [e]);
	}
	return new Map([...byCertificate].map(([id, list]) => [id, coreEvents(list)]));
}

/**
 * Many certificates' states on `day`, given their events in any order (grouped by certificate and
 * put oldest first here): one pass over both, whatever their number.
 */
export function statusesOn<R extends StatusRow>(
	rows: readonly R[],
	events: readonly EventRow[],
	day: string,
	policy: CertificatePolicy
): (R & { status: ReturnType<typeof certificateStatus> })[] {
	const byCertificate = eventsByCertificate(events);
	return rows.map((row) => ({
		...row,
		status: statusOf(row, byCertificate.get(row.id) ?? [], day, policy)
	}));
}

/** What the core's qualification reads of a stored certificate besides its state. */
export type QualificationRow = StatusRow & {
	personId: number;
	kind: string;
	attemptId: number;
	verificationCode: string;
};

/**
 * Each person's qualification of `kind` on `day` by the core's `qualification` over all their
 * certificates of the kind (events in any order): a suspended one leaves its holder unqualified,
 * whatever else they hold. Keyed by person, for those with a certificate of the kind among `rows`.
 */
export function qualificationsOn(
	rows: readonly QualificationRow[],
	events: readonly EventRow[],
	kind: string,
	day: string,
	policy: CertificatePolicy
): Map<number, Qualification> {
	const byCertificate = eventsByCertificate(events);
	const byPerson = new Map<number, Certificate[]>();
	for (const r of rows) {
		if (r.kind !== kind) continue;
		const held: Certificate = {
			id: String(r.id),
			personId: String(r.personId),
			kind: r.kind,
			attemptId: String(r.attemptId),
			validFrom: r.validFrom,
			validUntil: r.validUntil,
			verificationCode: r.verificationCode,
			...(r.revokedOn ? { revokedOn: r.revokedOn } : {}),
			events: byCertificate.get(r.id) ?? []
		};
		const list = byPerson.get(r.personId);
		if (list) list.push(held);
		else byPerson.set(r.personId, [held]);
	}
	return new Map(
		[...byPerson].map(([personId, held]) => [personId, qualification(held, kind, day, policy)])
	);
}

/** Which states each filter of the certificate list takes in (the oversight counts use the same). */
export const stateIn: Record<CertificateFilter, (state: CertificateState) => boolean> = {
	all: () => true,
	in_force: (s) => IN_FORCE_STATES.includes(s),
	expiring_soon: (s) => s === 'expiring_soon',
	expired: (s) => s === 'expired',
	revoked: (s) => s === 'revoked'
};
