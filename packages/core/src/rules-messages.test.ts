/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES } from './index.ts';

const dirs = [
	'calendar',
	'study-plan',
	'promotion',
	'certificate',
	'oath',
	'policy',
	'audit',
	'assessment',
	'ical'
];
const files = (dir: string): string[] =>
	readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory()
			? files(p)
			: p.endsWith('.ts') && !p.endsWith('.test.ts')
				? [p]
				: [];
	});

describe('the rules in CORE_MESSAGES', () => {
	it('has the same codes in both locales', () => {
		expect(Object.keys(CORE_MESSAGES.en).sort()).toEqual(
			Object.keys(CORE_MESSAGES['zh-CN']).sort()
		);
	});

	it('covers every code the rules emit', () => {
		const src = dirs
			.flatMap((d) => files(join(import.meta.dirname, d)))
			.map((f) => readFileSync(f, 'utf8'))
			.join('\n');
		const used = new Set([...src.matchAll(/code: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]!));
		for (const c of [
			'none',
			'valid',
			'expiring_soon',
			'expired',
			'not_yet_valid',
			'revoked',
			'suspended',
			'review_overdue'
		])
			used.add(`certificate.${c}`);
		for (const p of ['altered', 'removed', 'reordered', 'broken_link', 'tail_mismatch'])
			used.add(`audit.chain.${p}`);
		const missing = [...used].filter((c) => !(c in CORE_MESSAGES['zh-CN']));
		expect(missing).toEqual([]);
	});
});
