/**
 * The revoke reasons the app records by itself when it withdraws a certificate (a person's — a void
 * for cheating, an organiser's 吊销 — are their own words). A certificate withdrawn for one of these
 * may be given back (./certificate-restore.ts), and the passes that made it may make another
 * (./certificate-parts.ts).
 */
import { and, eq, exists } from 'drizzle-orm';
import type { ReadDb } from '../../db/index.ts';
import { certificate, certificateEvent } from '../../db/schema/index.ts';

/** The revoke reason of a certificate whose pass a later attempt of its sitting outranked. */
export const SUPERSEDED = 'superseded';
/** The revoke reason of a certificate whose pass (or one of whose parts) was regraded to a fail. */
export const REGRADED = 'regraded';

/**
 * The revoke reason of a certificate withdrawn as one of the others whose pass counts again, kept
 * withdrawn because another certificate for the same exam (or qualification) is in force by then:
 * one in force at a time, the later one, which its holder has in hand. It is not given back.
 */
export const REPLACED = 'replaced';

/** The reasons of the app's own withdrawals that are given back once what withdrew them is undone. */
export const WITHDRAWN_BY_APP: readonly string[] = [SUPERSEDED, REGRADED];

/**
 * The reasons of the app's own withdrawals that leave the certificate's passes free to make up
 * another (./certificate-parts.ts): those given back, and `replaced`, which never is — the passes
 * that made it are the ones the certificate in force in its place was counted on too.
 */
export const PASSES_FREED: readonly string[] = [...WITHDRAWN_BY_APP, REPLACED];

/**
 * Whether the certificate (of the outer query) was revoked by an organiser, an event: that
 * revocation is theirs, whatever reason they typed, and the app never takes it for its own.
 */
export const revokedByOrganiser = (db: ReadDb) =>
	exists(
		db
			.select({ id: certificateEvent.id })
			.from(certificateEvent)
			.where(
				and(
					eq(certificateEvent.certificateId, certificate.id),
					eq(certificateEvent.kind, 'revoked')
				)
			)
	);
