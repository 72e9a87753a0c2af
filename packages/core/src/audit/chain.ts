/**
 * The append-only audit chain: each entry carries a sequence number and the previous entry's hash, and
 * its own hash = SHA-256(prevHash + canonicalJson(entry without `hash`)). Changing, removing or
 * reordering any entry breaks the chain at that point. Rewriting the tail *and* every hash after it is
 * only detectable against a hash kept elsewhere: pass it as `expectedLastHash`.
 */
import { ValidationError } from '../errors.ts';
import { canonicalJson, type JsonValue } from './canonical.ts';
import { sha256Hex, type Sha256Hex } from './sha256.ts';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the caller supplies to append an entry. */
export interface AuditEntryInput {
	/** The instant, ISO-8601 UTC (e.g. `now.toISOString()`). */
	at: string;
	/** Who acted. */
	actorId: string;
	/** What happened, e.g. `promotion.checked`, `pass.changed`, `oath.recorded`. */
	action: string;
	/** The kind of record, e.g. `PromotionCase`. */
	subjectType: string;
	/** The record's id. */
	subjectId: string;
	/** Details (canonical JSON rules apply; Dates become ISO strings). */
	data?: { readonly [key: string]: JsonValue | undefined };
}

/** A stored audit entry. */
export interface AuditEntry extends AuditEntryInput {
	/** 1 for the first entry, then +1 each. */
	seq: number;
	/** The previous entry's hash ({@link GENESIS_HASH} for the first). */
	prevHash: string;
	/** This entry's hash. */
	hash: string;
}

/**
 * An entry's content serialised ahead of chaining: the canonical JSON of the entry without `hash`
 * is these two parts around `"prevHash":…,"seq":…` (keys in sorted order), the only fields that
 * depend on where in the chain the entry lands.
 */
export interface PreparedEntry {
	/** `{"action":…,"actorId":…,"at":…[,"data":…]` up to and including `,"prevHash":`. */
	readonly head: string;
	/** From `,"subjectId":…` to the closing brace. */
	readonly tail: string;
}

/**
 * Serialises an entry's content once (checking its fields and data), so that it can be chained
 * after any head later at the cost of one hash ({@link chainPrepared}) — for appending thousands
 * of entries after a head that is known only at the last moment.
 *
 * @param input - the entry's content
 * @returns the serialised parts around the chain position
 * @throws ValidationError for a missing field or data canonical JSON refuses
 * @example
 * const p = prepareEntry({ at, actorId: 'hr1', action: 'person.created', subjectType: 'person', subjectId: '7' });
 * const e = chainPrepared(head, p); // { seq, prevHash, hash } as appendEntry would give
 */
export function prepareEntry(input: AuditEntryInput): PreparedEntry {
	const missing = (['at', 'actorId', 'action', 'subjectType', 'subjectId'] as const).filter(
		(k) => !input[k]
	);
	if (missing.length > 0)
		throw new ValidationError(missing.map((k) => ({ code: 'audit.field.missing', path: k })));
	return preparedParts(input);
}

// the same bytes `canonicalJson` gives for the entry, without sorting the fixed keys a million times
function preparedParts(e: AuditEntryInput): PreparedEntry {
	return {
		head:
			'{"action":' +
			canonicalJson(e.action) +
			',"actorId":' +
			canonicalJson(e.actorId) +
			',"at":' +
			canonicalJson(e.at) +
			(e.data === undefined ? '' : ',"data":' + canonicalJson(e.data)) +
			',"prevHash":',
		tail:
			',"subjectId":' +
			canonicalJson(e.subjectId) +
			',"subjectType":' +
			canonicalJson(e.subjectType) +
			'}'
	};
}

/** The hash of a prepared entry at `seq` after `prevHash`. */
function preparedHash(p: PreparedEntry, seq: number, prevHash: string, hash: Sha256Hex): string {
	if (!Number.isSafeInteger(seq))
		throw new ValidationError([{ code: 'audit.json.number', path: 'seq' }]);
	return hash(prevHash + p.head + canonicalJson(prevHash) + ',"seq":' + seq + p.tail);
}

/**
 * The hashed text: the canonical JSON of the entry without `hash`, written field by field in sorted key
 * order (see {@link preparedParts}).
 */
function entryHash(e: Omit<AuditEntry, 'hash'>, hash: Sha256Hex): string {
	return preparedHash(preparedParts(e), e.seq, e.prevHash, hash);
}

/**
 * Chains a {@link prepareEntry prepared} entry after `previous` (or first, when null): the same
 * `seq`, `prevHash` and `hash` that {@link appendEntry} gives for its content.
 *
 * @param previous - the chain's last entry (its `seq` and `hash`), or null for the first
 * @param prepared - the entry's serialised content
 * @param hash - SHA-256 as hex (default: pure TS; inject node:crypto on the server for speed)
 * @returns where the entry lands and its hash
 */
export function chainPrepared(
	previous: { seq: number; hash: string } | null,
	prepared: PreparedEntry,
	hash: Sha256Hex = sha256Hex
): { seq: number; prevHash: string; hash: string } {
	const seq = previous ? previous.seq + 1 : 1;
	const prevHash = previous ? previous.hash : GENESIS_HASH;
	return { seq, prevHash, hash: preparedHash(prepared, seq, prevHash, hash) };
}

/**
 * Appends an entry after `previous` (or starts the chain when `previous` is null).
 *
 * @param previous - the last entry of the chain, or null for the first
 * @param input - the entry's content
 * @param hash - SHA-256 as hex (default: pure TS; inject node:crypto on the server for speed)
 * @returns the new entry, with `seq`, `prevHash` and `hash`
 * @throws ValidationError for a missing field or data canonical JSON refuses
 * @example
 * const e1 = appendEntry(null, { at: now.toISOString(), actorId: 'hr1', action: 'promotion.checked',
 * 	subjectType: 'PromotionCase', subjectId: 'case-1', data: { allowed: true } });
 * const e2 = appendEntry(e1, { … });
 */
export function appendEntry(
	previous: AuditEntry | null,
	input: AuditEntryInput,
	hash: Sha256Hex = sha256Hex
): AuditEntry {
	const missing = (['at', 'actorId', 'action', 'subjectType', 'subjectId'] as const).filter(
		(k) => !input[k]
	);
	if (missing.length > 0)
		throw new ValidationError(missing.map((k) => ({ code: 'audit.field.missing', path: k })));
	const entry: Omit<AuditEntry, 'hash'> = {
		seq: previous ? previous.seq + 1 : 1,
		prevHash: previous ? previous.hash : GENESIS_HASH,
		at: input.at,
		actorId: input.actorId,
		action: input.action,
		subjectType: input.subjectType,
		subjectId: input.subjectId,
		...(input.data !== undefined ? { data: input.data } : {})
	};
	return { ...entry, hash: entryHash(entry, hash) };
}

/** What went wrong at the first bad entry. */
export type ChainProblem =
	/** The entry's content no longer matches its hash. */
	| 'altered'
	/** Sequence numbers jump: entries before this one were removed. */
	| 'removed'
	/** Sequence numbers go back or repeat: entries were reordered or duplicated. */
	| 'reordered'
	/** The entry does not point at the previous entry's hash: one of the two was rewritten and rehashed. */
	| 'broken_link'
	/** The chain checks out but does not end at the expected (externally kept) hash. */
	| 'tail_mismatch';

/** The outcome of {@link verifyChain}. */
export type ChainVerification =
	| { ok: true; count: number; lastHash: string; lastSeq: number }
	| {
			ok: false;
			index: number;
			seq: number | undefined;
			expectedSeq: number;
			problem: ChainProblem;
	  };

/**
 * Verifies a chain (or a segment of it) and pinpoints the first altered, removed or reordered entry.
 *
 * @param entries - the entries in stored order
 * @param options - `hash` (default pure TS SHA-256); `from` to verify a segment that continues after a
 *   trusted entry (`{ seq, hash }`); `expectedLastHash` to detect a rewritten tail
 * @returns `{ ok: true, … }` or the index (0-based, in `entries`) and kind of the first problem
 * @example
 * const v = verifyChain(entries);
 * if (!v.ok) alert(`entry #${v.index} ${v.problem}`);
 */
export function verifyChain(
	entries: readonly AuditEntry[],
	options: {
		hash?: Sha256Hex;
		from?: { seq: number; hash: string };
		expectedLastHash?: string;
	} = {}
): ChainVerification {
	const hash = options.hash ?? sha256Hex;
	let prev = options.from?.hash ?? GENESIS_HASH;
	let expectedSeq = (options.from?.seq ?? 0) + 1;
	for (let index = 0; index < entries.length; index++) {
		const e = entries[index]!;
		let problem: ChainProblem | undefined;
		try {
			if (entryHash(e, hash) !== e.hash) problem = 'altered';
		} catch {
			problem = 'altered';
		}
		if (problem === undefined && e.seq !== expectedSeq)
			problem = e.seq > expectedSeq ? 'removed' : 'reordered';
		if (problem === undefined && e.prevHash !== prev) problem = 'broken_link';
		// the failure object is built only on failure: this loop runs a million times
		if (problem !== undefined) return { ok: false, index, seq: e.seq, expectedSeq, problem };
		prev = e.hash;
		expectedSeq++;
	}
	if (options.expectedLastHash !== undefined && options.expectedLastHash !== prev) {
		return {
			ok: false,
			index: entries.length,
			seq: undefined,
			expectedSeq,
			problem: 'tail_mismatch'
		};
	}
	return { ok: true, count: entries.length, lastHash: prev, lastSeq: expectedSeq - 1 };
}
