import { createHmac, timingSafeEqual } from 'node:crypto';
import { asc, desc } from 'drizzle-orm';
// relative, not $lib: the command-line scripts (admin:create) append audit entries too
import { AUDIT_HEAD_FORMAT, AUDIT_HEAD_VERSION } from '../../../schemas/audit.ts';
import type { ReadDb, Tx } from '../../db/index.ts';
import { auditCheckpoint } from '../../db/schema/index.ts';
import { auditKey } from './key.ts';

/** The chain's head at a moment: the last entry's sequence number and hash. */
export interface Head {
	seq: number;
	hash: string;
	/** When the head was taken, ISO-8601. */
	at: string;
}

/** A head with its HMAC: a checkpoint, or the small document an administrator downloads. */
export interface SignedHead extends Head {
	mac: string;
}

// A checkpoint is written with an append when the last one is this old or this many entries
// behind: at most one per minute of activity, however busy, and nothing needs a timer (several
// processes append; each append decides for itself, inside its transaction).
const CHECKPOINT_EVERY_MS = 60_000;
const CHECKPOINT_EVERY_ENTRIES = 100;

function mac(head: Head): string {
	return createHmac('sha256', auditKey())
		.update(`${AUDIT_HEAD_FORMAT}/${AUDIT_HEAD_VERSION}\n${head.seq}\n${head.hash}\n${head.at}`)
		.digest('hex');
}

/** Signs a head with the installation's audit key. */
export function signHead(head: Head): SignedHead {
	return { ...head, mac: mac(head) };
}

/** Was this head signed with this installation's key (and left unchanged)? */
export function headIsAuthentic(head: SignedHead): boolean {
	const expected = Buffer.from(mac(head), 'hex');
	const given = Buffer.from(head.mac, 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Stores a checkpoint of `head` (inside the caller's write transaction). */
export async function writeCheckpoint(db: Tx, head: { seq: number; hash: string }, now: Date) {
	const signed = signHead({ ...head, at: now.toISOString() });
	await db.insert(auditCheckpoint).values({ ...signed, at: now });
	return signed;
}

/** After an append: a checkpoint of the new head when the last one is old or far behind. */
export async function checkpointIfDue(
	db: Tx,
	head: { seq: number; hash: string },
	now: Date
): Promise<void> {
	const [last] = await db
		.select({ seq: auditCheckpoint.seq, at: auditCheckpoint.at })
		.from(auditCheckpoint)
		.orderBy(desc(auditCheckpoint.id))
		.limit(1);
	if (
		!last ||
		head.seq - last.seq >= CHECKPOINT_EVERY_ENTRIES ||
		now.getTime() - last.at.getTime() >= CHECKPOINT_EVERY_MS
	) {
		await writeCheckpoint(db, head, now);
	}
}

/** Every stored checkpoint, as signed heads, by sequence number. */
export async function checkpoints(db: ReadDb): Promise<SignedHead[]> {
	const rows = await db.select().from(auditCheckpoint).orderBy(asc(auditCheckpoint.seq));
	return rows.map((r) => ({ seq: r.seq, hash: r.hash, at: r.at.toISOString(), mac: r.mac }));
}

/** The downloadable document of a signed head. */
export function headDocument(head: SignedHead) {
	return { format: AUDIT_HEAD_FORMAT, version: AUDIT_HEAD_VERSION, ...head };
}
