import { type SQL, sql } from 'drizzle-orm';
import { GENESIS_HASH, type PreparedEntry, chainPrepared } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import type { ReadDb, Tx } from '../../db/index.ts';
import { checkpointIfDue } from '../audit/anchor.ts';
import {
	type AuditInput,
	auditContent,
	auditHead,
	nodeSha256,
	prepareAuditContent
} from '../audit/append.ts';
import { stageTyped } from './rows.ts';

/**
 * The audit entries of an import job. Each entry's hash covers the previous one, so they can only
 * be hashed once the chain's head is known — under the write lock, since any writer may append.
 * What takes time does not depend on the head: building and serialising each entry's content.
 * That is done ahead, and the contents staged (`prepareAudit`); chaining them is then one SHA-256
 * per entry (`chainAudit`: a few microseconds each, yet tens of ms for thousands on a busy
 * machine). So they are chained just before the publishing transaction; when another writer
 * appended meanwhile (a login on another process), the transaction gives up at once and the job
 * chains them again outside it — and after a few such attempts, inside it.
 */

/** The chain moved after the entries were chained: chain them again, then publish. */
export class AuditHeadMoved extends Error {}

/** Entries prepared between two turns of the event loop. */
const SLICE = 500;
const STAGED_COLUMNS = [
	'at',
	'actor_user_id',
	'action',
	'entity_type',
	'entity_id',
	'unit_id',
	'before',
	'after'
] as const;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A job's entries, their contents staged and serialised for chaining. */
export interface PreparedAudit {
	jobId: string;
	entries: PreparedEntry[];
}

/** The entries chained after a head: their hashes in order. */
export interface ChainedAudit {
	after: { seq: number; hash: string };
	hashes: string[];
}

/**
 * Builds the job's entries as `ctx` appends them and stages their contents, outside any
 * transaction (in short ones, like every staged row).
 */
export async function prepareAudit(
	ctx: Pick<Ctx, 'db' | 'now' | 'user'>,
	jobId: string,
	inputs: readonly AuditInput[]
): Promise<PreparedAudit> {
	const entries: PreparedEntry[] = [];
	let ord = 0;
	for (let i = 0; i < inputs.length; i += SLICE) {
		const rows = inputs.slice(i, i + SLICE).map((input) => auditContent(ctx, input));
		for (const row of rows) entries.push(prepareAuditContent(row));
		ord = await stageTyped(
			ctx.db,
			jobId,
			'import_audit_entry',
			STAGED_COLUMNS,
			rows.map((r) => [
				r.at.getTime(),
				r.actorUserId,
				r.action,
				r.entityType,
				r.entityId,
				r.unitId,
				r.before === null ? null : JSON.stringify(r.before),
				r.after === null ? null : JSON.stringify(r.after)
			]),
			ord
		);
		await yieldToLoop();
	}
	return { jobId, entries };
}

/** The chain's head as stored (genesis for an empty log). */
async function headOf(db: ReadDb | Tx): Promise<{ seq: number; hash: string }> {
	const head = await auditHead(db);
	return { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
}

/** Hashes the prepared entries after `after`. */
function chainAfter(after: { seq: number; hash: string }, audit: PreparedAudit): ChainedAudit {
	const hashes: string[] = [];
	let previous = after.seq === 0 ? null : after;
	for (const entry of audit.entries) {
		previous = chainPrepared(previous, entry, nodeSha256);
		hashes.push(previous.hash);
	}
	return { after, hashes };
}

/** Chains the prepared entries after the head as it is now (outside the transaction). */
export async function chainAudit(db: ReadDb, audit: PreparedAudit): Promise<ChainedAudit> {
	return chainAfter(await headOf(db), audit);
}

/**
 * Appends the job's entries inside the publishing transaction: chained as `chained` when the head
 * is still the one they follow, else chained again here after the head as it is now — unless
 * `rechain` is false.
 * @throws AuditHeadMoved when the head moved and `rechain` is false: nothing is written then
 */
export async function publishAudit(
	tx: Ctx & { db: Tx },
	audit: PreparedAudit,
	chained?: ChainedAudit,
	rechain = true
): Promise<void> {
	if (audit.entries.length === 0) return;
	const head = await headOf(tx.db);
	const current = chained && chained.after.seq === head.seq && chained.after.hash === head.hash;
	if (!current && !rechain) throw new AuditHeadMoved();
	const chain = current ? chained : chainAfter(head, audit);
	// the head's hash and then every entry's, as the 64 hex digits they are stored as, in one
	// parameter: entry `ord` finds its previous hash at `ord` and its own at `ord + 1`. A blob, so
	// that substr counts bytes (on text it counts characters from the start: quadratic); read in
	// place, where a JSON array would be parsed, or hex() and lower() run twice a row (10 % of the
	// statement's time, measured)
	const hashes = Buffer.from(head.hash + chain.hashes.join(''), 'latin1');
	const at = (k: SQL) => sql`CAST(substr(${hashes}, ${k} * 64 + 1, 64) AS TEXT)`;
	const { rowsAffected } = await tx.db.run(sql`INSERT INTO audit_entry
		(seq, at, actor_user_id, action, entity_type, entity_id, unit_id, before, after, prev_hash, hash)
		SELECT ${head.seq} + 1 + ord, at, actor_user_id, action, entity_type, entity_id, unit_id,
			before, after, ${at(sql`ord`)}, ${at(sql`(ord + 1)`)}
		FROM import_audit_entry WHERE job_id = ${audit.jobId} ORDER BY ord`);
	if (rowsAffected !== audit.entries.length) {
		throw new Error(`${audit.entries.length} audit entries staged, ${rowsAffected} found`);
	}
	// the checkpoint rule of every append holds for a bulk one too: thousands of entries at once
	// are far more than the 100 after which the head is signed
	await checkpointIfDue(tx.db, (await auditHead(tx.db))!, tx.now);
}
