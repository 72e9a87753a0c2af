import { asc, gt } from 'drizzle-orm';
import { type ChainVerification, GENESIS_HASH, verifyChain } from '@xuefa/core';
import { authorizeAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { auditEntry } from '../../db/schema/index.ts';
import { nodeSha256, toChainEntry } from './append.ts';

const BATCH = 5000;

/**
 * Verifies the whole audit chain in batches (memory stays flat however long the log is); the
 * result names the first altered, removed or reordered entry.
 */
export async function verifyAuditChain(ctx: Ctx): Promise<ChainVerification> {
	authorizeAnywhere(ctx, 'audit.read');
	let from = { seq: 0, hash: GENESIS_HASH };
	let count = 0;
	for (;;) {
		const rows = await ctx.db
			.select()
			.from(auditEntry)
			.where(gt(auditEntry.seq, from.seq))
			.orderBy(asc(auditEntry.seq))
			.limit(BATCH);
		if (rows.length === 0) return { ok: true, count, lastHash: from.hash, lastSeq: from.seq };
		// `from` must be the stored predecessor even when a row is missing, so a gap shows as 'removed'
		const result = verifyChain(rows.map(toChainEntry), { hash: nodeSha256, from });
		if (!result.ok) return { ...result, index: result.index + count };
		count += result.count;
		from = { seq: result.lastSeq, hash: result.lastHash };
	}
}
