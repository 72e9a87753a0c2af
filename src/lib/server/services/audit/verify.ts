import { asc, gt } from 'drizzle-orm';
import { type ChainProblem, GENESIS_HASH, verifyChain } from '@xuefa/core';
import { authorizeAnywhere } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { auditEntry } from '../../db/schema/index.ts';
import { nodeSha256, toChainEntry } from './append.ts';
import { type SignedHead, checkpoints, headIsAuthentic, writeCheckpoint } from './anchor.ts';

const BATCH = 5000;

/**
 * What can be wrong besides the chain's own links (the core's {@link ChainProblem}):
 * - `truncated`: a checkpoint (or the given head) names entries the log no longer has;
 * - `rewritten`: the log has the entry a checkpoint names, with another hash — it was rewritten
 *   and re-hashed from there or earlier;
 * - `checkpoint_forged` / `head_forged`: a checkpoint, or the head given to check against, was
 *   not signed with this installation's key (or was changed since).
 */
export type AuditProblem =
	ChainProblem | 'truncated' | 'rewritten' | 'checkpoint_forged' | 'head_forged';

export type AuditVerification =
	| {
			ok: true;
			count: number;
			lastSeq: number;
			lastHash: string;
			checkpoints: number;
			/** The checkpoint this verification wrote: the head, signed. */
			head: SignedHead;
	  }
	| { ok: false; seq: number; problem: AuditProblem };

/**
 * Verifies the whole audit chain in batches (memory stays flat however long the log is), then
 * against every signed checkpoint and, when given, a head downloaded earlier: a re-hashed or cut
 * tail no longer passes. The result names the first entry at fault. A chain that verifies gets a
 * checkpoint of its head.
 */
export async function verifyAuditChain(
	ctx: Ctx,
	options: { head?: SignedHead } = {}
): Promise<AuditVerification> {
	authorizeAnywhere(ctx, 'audit.read');
	const anchors = await checkpoints(ctx.db);
	const forged = anchors.find((a) => !headIsAuthentic(a));
	if (forged) return { ok: false, seq: forged.seq, problem: 'checkpoint_forged' };
	if (options.head) {
		if (!headIsAuthentic(options.head))
			return { ok: false, seq: options.head.seq, problem: 'head_forged' };
		anchors.push(options.head);
	}
	// the hash each anchored sequence number must have; two anchors disagreeing is a rewrite
	const expected = new Map<number, string>();
	for (const a of anchors) {
		const known = expected.get(a.seq);
		if (known !== undefined && known !== a.hash)
			return { ok: false, seq: a.seq, problem: 'rewritten' };
		expected.set(a.seq, a.hash);
	}

	let from = { seq: 0, hash: GENESIS_HASH };
	let count = 0;
	for (;;) {
		const rows = await ctx.db
			.select()
			.from(auditEntry)
			.where(gt(auditEntry.seq, from.seq))
			.orderBy(asc(auditEntry.seq))
			.limit(BATCH);
		if (rows.length === 0) break;
		// `from` must be the stored predecessor even when a row is missing, so a gap shows as 'removed'
		const result = verifyChain(rows.map(toChainEntry), { hash: nodeSha256, from });
		if (!result.ok) {
			return { ok: false, seq: result.seq ?? result.expectedSeq, problem: result.problem };
		}
		const rewritten = rows.find((r) => (expected.get(r.seq) ?? r.hash) !== r.hash);
		if (rewritten) return { ok: false, seq: rewritten.seq, problem: 'rewritten' };
		count += result.count;
		from = { seq: result.lastSeq, hash: result.lastHash };
	}
	const beyond = anchors.reduce((max, a) => Math.max(max, a.seq), 0);
	if (beyond > from.seq) return { ok: false, seq: from.seq + 1, problem: 'truncated' };
	const head = await transact(ctx, (tx) => writeCheckpoint(tx.db, from, ctx.now));
	return {
		ok: true,
		count,
		lastSeq: from.seq,
		lastHash: from.hash,
		checkpoints: anchors.length,
		head
	};
}
