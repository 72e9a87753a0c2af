import { desc } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Tx } from '../../db/index.ts';
import { auditEntry } from '../../db/schema/index.ts';

export interface AuditInput {
	action: string;
	entityType: string;
	entityId: string | number;
	unitId?: number | null;
	before?: unknown;
	after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

function canonical(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/**
 * Appends one audit entry inside the caller's transaction, chained to the previous entry's hash.
 * The write transaction serialises appenders, so two app processes cannot fork the chain.
 */
export async function appendAudit(
	ctx: { db: Tx; now: Date; user: { id: number } | null },
	input: AuditInput
): Promise<void> {
	const [last] = await ctx.db
		.select({ seq: auditEntry.seq, hash: auditEntry.hash })
		.from(auditEntry)
		.orderBy(desc(auditEntry.seq))
		.limit(1);
	const body = {
		seq: (last?.seq ?? 0) + 1,
		at: ctx.now.getTime(),
		actorUserId: ctx.user?.id ?? null,
		action: input.action,
		entityType: input.entityType,
		entityId: String(input.entityId),
		unitId: input.unitId ?? null,
		before: input.before ?? null,
		after: input.after ?? null
	};
	const prevHash = last?.hash ?? GENESIS_HASH;
	const hash = encodeHexLowerCase(sha256(new TextEncoder().encode(prevHash + canonical(body))));
	await ctx.db.insert(auditEntry).values({ ...body, at: ctx.now, prevHash, hash });
}
