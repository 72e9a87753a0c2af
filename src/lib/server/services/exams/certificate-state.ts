/**
 * A stored certificate's state by the core's rule, for one certificate or many at once: the one
 * place the certificate pages, the certificate list and the oversight counts judge it, and name
 * which states each filter of the list (and each count) takes in.
 */
import {
	type CertificateEvent,
	type CertificatePolicy,
	type CertificateState,
	IN_FORCE_STATES,
	certificateStatus
} from '@xuefa/core';
import { asc, inArray } from 'drizzle-orm';
import type { CertificateFilter } from '$lib/schemas/exam-enums.ts';
import type { ReadDb } from '../../db/index.ts';
import { certificateEvent } from '../../db/schema/index.ts';
import { coreEvents } from './certificate-events.ts';

/** What the rule reads of a stored certificate. */
export type StatusRow = {
	id: number;
	validFrom: string;
	validUntil: string;
	revokedOn: string | null;
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

/** The core's rule on one stored certificate with its events (oldest first). */
export const statusOf = (
	row: StatusRow,
	events: CertificateEvent[],
	day: string,
	policy: CertificatePolicy
) =>
	certificateStatus(
		{
			validFrom: row.validFrom,
			validUntil: row.validUntil,
			...(row.revokedOn ? { revokedOn: row.revokedOn } : {}),
			events
		},
		day,
		policy
	);

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
	const byCertificate = new Map<number, EventRow[]>();
	// a stable sort: events of one day keep the order they were read in (by id)
	for (const e of [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) {
		const list = byCertificate.get(e.certificateId);
		if (list) list.push(e);
		else byCertificate.set(e.certificateId, [e]);
	}
	return rows.map((row) => ({
		...row,
		status: statusOf(row, coreEvents(byCertificate.get(row.id) ?? []), day, policy)
	}));
}

/** Which states each filter of the certificate list takes in (the oversight counts use the same). */
export const stateIn: Record<CertificateFilter, (state: CertificateState) => boolean> = {
	all: () => true,
	in_force: (s) => IN_FORCE_STATES.includes(s),
	expiring_soon: (s) => s === 'expiring_soon',
	expired: (s) => s === 'expired',
	revoked: (s) => s === 'revoked'
};
