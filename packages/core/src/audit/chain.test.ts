/// <reference types="node" />
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	GENESIS_HASH,
	ValidationError,
	appendEntry,
	canonicalJson,
	chainPrepared,
	prepareEntry,
	sha256Hex,
	verifyChain,
	type AuditEntry
} from '../index.ts';

const nodeSha: (t: string) => string = (t) => createHash('sha256').update(t, 'utf8').digest('hex');

function chain(n: number, hash = sha256Hex): AuditEntry[] {
	const out: AuditEntry[] = [];
	for (let i = 0; i < n; i++) {
		out.push(
			appendEntry(
				out[i - 1] ?? null,
				{
					at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
					actorId: `hr${i % 3}`,
					action: i % 2 ? 'pass.changed' : 'promotion.checked',
					subjectType: 'PromotionCase',
					subjectId: `case-${i}`,
					data: { allowed: i % 2 === 0, score: 60 + i, note: '合格 ✓' }
				},
				hash
			)
		);
	}
	return out;
}

describe('canonicalJson', () => {
	it('sorts keys, drops undefined properties, writes dates as ISO strings', () => {
		expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: -0, y: 1.5 } })).toBe(
			'{"a":[true,null,"x"],"b":1,"d":{"y":1.5,"z":0}}'
		);
		expect(canonicalJson({ t: new Date('2025-01-01T08:00:00+08:00') })).toBe(
			'{"t":"2025-01-01T00:00:00.000Z"}'
		);
	});

	it('refuses values two parties could disagree on', () => {
		expect(() => canonicalJson([1, undefined as never])).toThrow(ValidationError);
		expect(() => canonicalJson({ n: Number.NaN })).toThrow(ValidationError);
		expect(() => canonicalJson({ f: (() => 1) as never })).toThrow(ValidationError);
	});
});

describe('sha256Hex', () => {
	it('matches node:crypto, including non-ASCII, astral characters and lone surrogates', () => {
		expect(sha256Hex('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (s) => {
				expect(sha256Hex(s)).toBe(nodeSha(s));
			})
		);
		// any UTF-16, lone surrogates included (both encode them as U+FFFD)
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (s) => {
				expect(sha256Hex(s)).toBe(nodeSha(s));
			})
		);
		const long = '我宣誓：忠于中华人民共和国宪法'.repeat(200) + '𠀀';
		expect(sha256Hex(long)).toBe(nodeSha(long));
	});
});

describe('audit chain', () => {
	it('links entries and verifies a clean chain', () => {
		const c = chain(5);
		expect(c[0]).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
		expect(c[1]!.prevHash).toBe(c[0]!.hash);
		expect(verifyChain(c)).toEqual({ ok: true, count: 5, lastHash: c[4]!.hash, lastSeq: 5 });
		expect(verifyChain([])).toMatchObject({ ok: true, count: 0, lastHash: GENESIS_HASH });
	});

	it('gives the same hashes with an injected node:crypto hash', () => {
		expect(chain(4, nodeSha)).toEqual(chain(4));
		expect(verifyChain(chain(4), { hash: nodeSha }).ok).toBe(true);
	});

	it('pinpoints altered, removed and reordered entries', () => {
		const c = chain(6);
		const altered = c.map((e, i) => (i === 3 ? { ...e, actorId: 'mallory' } : e));
		expect(verifyChain(altered)).toMatchObject({ ok: false, index: 3, problem: 'altered' });
		expect(verifyChain([...c.slice(0, 2), ...c.slice(3)])).toMatchObject({
			ok: false,
			index: 2,
			seq: 4,
			expectedSeq: 3,
			problem: 'removed'
		});
		expect(verifyChain([c[0]!, c[2]!, c[1]!, ...c.slice(3)])).toMatchObject({
			ok: false,
			index: 1,
			problem: 'removed'
		});
		expect(verifyChain([c[0]!, c[1]!, c[3]!, c[2]!])).toMatchObject({
			ok: false,
			index: 2,
			problem: 'removed'
		});
		expect(verifyChain([c[0]!, c[1]!, c[1]!])).toMatchObject({
			ok: false,
			index: 2,
			problem: 'reordered'
		});
		// Rewriting entry 2 and rehashing it breaks the link to entry 3.
		const rewritten = [...c];
		rewritten[2] = appendEntry(c[1]!, { ...c[2]!, actorId: 'mallory' });
		expect(verifyChain(rewritten)).toMatchObject({ ok: false, index: 3, problem: 'broken_link' });
	});

	it('verifies a segment after a trusted entry and detects a rewritten tail against a kept hash', () => {
		const c = chain(6);
		expect(verifyChain(c.slice(3), { from: { seq: 3, hash: c[2]!.hash } }).ok).toBe(true);
		expect(verifyChain(c.slice(0, 5), { expectedLastHash: c[5]!.hash })).toMatchObject({
			ok: false,
			problem: 'tail_mismatch'
		});
	});

	it('detects any single mutation of any field (property)', () => {
		const c = chain(8);
		const fields = [
			'seq',
			'prevHash',
			'at',
			'actorId',
			'action',
			'subjectType',
			'subjectId',
			'data',
			'hash'
		] as const;
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 7 }),
				fc.constantFrom(...fields),
				fc.string({ minLength: 1 }),
				(i, field, junk) => {
					const e = c[i]!;
					const changed: Record<string, unknown> = { ...e };
					const old = changed[field];
					if (field === 'seq') changed[field] = (old as number) + junk.length;
					else if (field === 'data') changed[field] = { ...e.data, extra: junk };
					else changed[field] = String(old) + junk;
					const mutated = c.map((x, j) => (j === i ? (changed as unknown as AuditEntry) : x));
					const v = verifyChain(mutated);
					expect(v.ok).toBe(false);
					if (!v.ok) expect(v.index).toBe(i);
				}
			)
		);
	});

	it('refuses an entry without its required fields', () => {
		expect(() =>
			appendEntry(null, { at: '', actorId: 'a', action: 'x', subjectType: 's', subjectId: '1' })
		).toThrow(ValidationError);
	});
});

describe('entry hashing', () => {
	it('hashes prevHash + the canonical JSON of the entry without its hash', () => {
		const [e] = chain(1);
		const { hash, ...rest } = e!;
		expect(hash).toBe(sha256Hex(rest.prevHash + canonicalJson(rest)));
	});

	it('chains a prepared entry to the same seq, prevHash and hash as appendEntry, after any head', () => {
		const entries = chain(5);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 5 }),
				fc.record({
					action: fc.string({ minLength: 1 }),
					subjectId: fc.string({ minLength: 1 }),
					data: fc.option(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), {
						nil: undefined
					})
				}),
				(at, content) => {
					const previous = entries[at - 1] ?? null;
					const input = {
						at: '2025-01-01T00:00:00.000Z',
						actorId: 'hr1',
						subjectType: 'person',
						...content
					};
					const appended = appendEntry(previous, input, nodeSha);
					expect({ ...input, ...chainPrepared(previous, prepareEntry(input), nodeSha) }).toEqual(
						appended
					);
				}
			)
		);
	});

	it('refuses to prepare an entry without its fields', () => {
		expect(() =>
			prepareEntry({ at: '', actorId: 'hr1', action: 'x', subjectType: 'p', subjectId: '1' })
		).toThrow(ValidationError);
	});
});
