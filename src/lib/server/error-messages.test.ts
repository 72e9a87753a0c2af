import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The codes the app's errors carry are message keys (http.ts localises them): a code without a
// message reaches the person as the bare key.
const THROWN =
	/new (?:AppError|ForbiddenError|(?:Counted)?ConflictError|RateLimitedError|UnauthorizedError)\(\s*'([a-z0-9_]+)'/g;

// errors whose message reads from a `<code>_one` twin at a count of one (their messageKey)
const COUNTED = /new (?:RateLimitedError|CountedConflictError)\(\s*'([a-z0-9_]+)'/g;

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return e.name === 'paraglide' ? [] : sources(path);
		return /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('error codes', () => {
	it('every code the app throws has a message in both languages', () => {
		const codes = new Map<string, string>();
		for (const file of [...sources('src/lib'), ...sources('src/routes')])
			for (const [, code] of readFileSync(file, 'utf8').matchAll(THROWN)) codes.set(code!, file);
		expect(codes.size).toBeGreaterThan(20);
		for (const locale of ['zh-CN', 'en']) {
			const messages = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as object;
			const missing = [...codes].filter(([code]) => !(code in messages));
			expect(missing, locale).toEqual([]);
		}
	});

	it('a wait after too many tries, or a count in the way, has its “1 minute” twin (messageKey)', () => {
		const codes = new Set<string>();
		for (const file of [...sources('src/lib'), ...sources('src/routes')])
			for (const [, code] of readFileSync(file, 'utf8').matchAll(COUNTED)) codes.add(code!);
		expect(codes.size).toBeGreaterThan(3);
		expect(codes).toContain('err_release_pending');
		const messages = JSON.parse(readFileSync('messages/en.json', 'utf8')) as object;
		expect([...codes].filter((code) => !(`${code}_one` in messages))).toEqual([]);
	});
});
