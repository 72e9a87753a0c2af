import { hash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import {
	type AuditEntry,
	type AuditEntryInput,
	type JsonValue,
	type PreparedEntry,
	appendEntry,
	prepareEntry
} from '@xuefa/core';
import type { ReadDb, Tx } from '../../db/index.ts';
import { auditEntry } from '../../db/schema/index.ts';
import { checkpointIfDue } from './anchor.ts';

export interface AuditInput {
	action: string;
	entityType: string;
	entityId: string | number;
	unitId?: number | null;
	before?: unknown;
	after?: unknown;
}

/**
 * node:crypto's one-shot SHA-256: the same digest as the core's pure default, many times faster
 * (and twice as fast as createHash() per call, which counts when a long log is verified).
 */
export const nodeSha256 = (text: string) => hash('sha256', text, 'hex');

export type AuditRow = typeof auditEntry.$inferSelect;

/** The hashed part of a stored row, in the core's chain-entry shape. */
function chainInput(row: AuditContent): AuditEntryInput {
	const data: Record<string, JsonValue> = {};
	if (row.unitId !== null) data.unitId = row.unitId;
	if (row.before !== null) data.before = row.before as JsonValue;
	if (row.after !== null) data.after = row.after as JsonValue;
	return {
		at: row.at.toISOString(),
		actorId: row.actorUserId === null ? 'system' : String(row.actorUserId),
		action: row.action,
		subjectType: row.entityType,
		subjectId: row.entityId,
		...(Object.keys(data).length > 0 ? { data } : {})
	};
}

/** The stored row as the core's chain entry (the core hashes and verifies this shape). */
export function toChainEntry(row: AuditRow): AuditEntry {
	return { ...chainInput(row), seq: row.seq, prevHash: row.prevHash, hash: row.hash };
}

/** Drops `undefined` and turns Dates into strings, so values hash and store the same way. */
function json(value: unknown): JsonValue | null {
	return value === undefined || value === null
		? null
		: (JSON.parse(JSON.stringify(value)) as JsonValue);
}

/** The newest stored entry (the chain's head), or undefined when the log is empty. */
export async function auditHead(db: ReadDb): Promise<AuditRow | undefined> {
	const [last] = await db.select().from(auditEntry).orderBy(desc(auditEntry.seq)).limit(1);
	return last;
}

/** What an entry stores apart from its place in the chain (`seq`, `prevHash`, `hash`). */
export type AuditContent = Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>;

/** The stored content of an entry `actor` appends at `actor.now`. */
export function auditContent(
	actor: { now: Date; user: { id: number } | null },
	input: AuditInput
): AuditContent {
	return {
		at: actor.now,
		actorUserId: actor.user?.id ?? null,
		action: input.action,
		entityType: input.entityType,
		entityId: String(input.entityId),
		unitId: input.unitId ?? null,
		before: json(input.before),
		after: json(input.after)
	};
}

/**
 * An entry's content serialised for hashing ahead of knowing the chain's head (see
 * services/imports/audit-batch.ts): `chainPrepared` then gives what {@link chainAuditRows} would.
 */
export const prepareAuditContent = (row: AuditContent): PreparedEntry =>
	prepareEntry(chainInput(row));

/**
 * The rows that append `inputs` after `last` (the stored head, or undefined for an empty log),
 * chained and hashed exactly as {@link appendAudit} does.
 */
export function chainAuditRows(
	last: AuditRow | undefined,
	actor: { now: Date; user: { id: number } | null },
	inputs: readonly AuditInput[]
): AuditRow[] {
	let previous = last ? toChainEntry(last) : null;
	return inputs.map((input) => {
		const row = auditContent(actor, input);
		const entry = appendEntry(previous, chainInput(row), nodeSha256);
		previous = entry;
		return { ...row, seq: entry.seq, prevHash: entry.prevHash, hash: entry.hash };
	});
}

/**
 * Appends one audit entry inside the caller's transaction, chained to the previous entry by
 * `@xuefa/core`'s `appendEntry`, and a signed checkpoint of the head when one is due. The write
 * transaction serialises appenders, so two app processes cannot fork the chain.
 */
export async function appendAudit(
	ctx: { db: Tx; now: Date; user: { id: number } | null },
	input: AuditInput
): Promise<void> {
	const [row] = chainAuditRows(await auditHead(ctx.db), ctx, [input]);
	await ctx.db.insert(auditEntry).values(row!);
	await checkpointIfDue(ctx.db, row!, ctx.now);
}
