import { sql } from 'drizzle-orm';
import { GENESIS_HASH } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { auditEntry } from '../../db/schema/index.ts';
import { checkpointIfDue } from '../audit/anchor.ts';
import { type AuditInput, type AuditRow, auditHead, chainAuditRows } from '../audit/append.ts';
import { dropRows, stageRows, staged } from './rows.ts';

/**
 * The audit entries of an import job. Each entry's hash covers the previous one, so they can only
 * be hashed once the chain's head is known — and hashing thousands of them takes a few hundred
 * milliseconds, too long to hold the write lock for. So they are hashed and staged after the head
 * as it is before publishing ("sealed"), and the publishing transaction checks that the head has
 * not moved; if another writer appended meanwhile, the job seals again. A few entries are simply
 * hashed inside the transaction.
 */

/** Up to this many entries are hashed inside the publishing transaction. */
const INLINE = 50;
/** Entries hashed between two turns of the event loop. */
const SLICE = 500;
const TARGET = 'audit';

/** The chain moved between sealing and publishing: seal again. */
export class AuditHeadMoved extends Error {}

/** The head that the staged entries follow. */
export interface SealedChain {
	seq: number;
	hash: string;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function stagedRow(r: AuditRow) {
	return {
		seq: r.seq,
		at: r.at.getTime(),
		actor: r.actorUserId,
		action: r.action,
		entityType: r.entityType,
		entityId: r.entityId,
		unitId: r.unitId,
		before: r.before === null ? null : JSON.stringify(r.before),
		after: r.after === null ? null : JSON.stringify(r.after),
		prevHash: r.prevHash,
		hash: r.hash
	};
}

async function stageChain(
	ctx: Pick<Ctx, 'now' | 'user'> & { db: Ctx['db'] | Tx },
	jobId: string,
	head: AuditRow | undefined,
	inputs: readonly AuditInput[]
): Promise<void> {
	await dropRows(ctx.db, jobId, TARGET);
	let last = head;
	let ord = 0;
	for (let i = 0; i < inputs.length; i += SLICE) {
		const rows = chainAuditRows(last, ctx, inputs.slice(i, i + SLICE));
		last = rows.at(-1);
		ord = await stageRows(ctx.db, jobId, TARGET, rows.map(stagedRow), ord);
		await yieldToLoop();
	}
}

/**
 * Hashes and stages the job's entries after the current head, outside any transaction.
 * @returns the head they follow, or undefined when they are few enough to hash while publishing
 */
export async function sealAudit(
	ctx: Ctx,
	jobId: string,
	inputs: readonly AuditInput[]
): Promise<SealedChain | undefined> {
	if (inputs.length <= INLINE) return undefined;
	const head = await auditHead(ctx.db);
	await stageChain(ctx, jobId, head, inputs);
	return { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
}

/**
 * Appends the job's entries inside the publishing transaction: the sealed ones when the head is
 * still the one they follow, else hashed here (a few, or — after repeated moves — all of them).
 * @throws AuditHeadMoved when sealed entries no longer follow the head
 */
export async function publishAudit(
	tx: Ctx & { db: Tx },
	jobId: string,
	inputs: readonly AuditInput[],
	sealed: SealedChain | undefined
): Promise<void> {
	if (inputs.length === 0) return;
	const head = await auditHead(tx.db);
	if (sealed) {
		if ((head?.seq ?? 0) !== sealed.seq || (head?.hash ?? GENESIS_HASH) !== sealed.hash) {
			throw new AuditHeadMoved();
		}
	} else if (inputs.length <= INLINE) {
		const rows = chainAuditRows(head, tx, inputs);
		await tx.db.insert(auditEntry).values(rows);
		await checkpointIfDue(tx.db, rows.at(-1)!, tx.now);
		return;
	} else {
		await stageChain(tx, jobId, head, inputs);
	}
	await tx.db.run(sql`INSERT INTO audit_entry
		(seq, at, actor_user_id, action, entity_type, entity_id, unit_id, before, after, prev_hash, hash)
		SELECT data->>'seq', data->>'at', data->>'actor', data->>'action', data->>'entityType',
			data->>'entityId', data->>'unitId', data->>'before', data->>'after', data->>'prevHash', data->>'hash'
		FROM ${staged(jobId, TARGET)}`);
	// the checkpoint rule of every append holds for a bulk one too: thousands of entries at once
	// are far more than the 100 after which the head is signed
	await checkpointIfDue(tx.db, (await auditHead(tx.db))!, tx.now);
}
