import { describe, expect, it } from 'vitest';
import { match as articleNo } from './articleno.ts';
import { match as id } from './id.ts';

describe('URL parameters', () => {
	it('accept plain ids only (a malformed id is a 404, never a header or a query)', () => {
		expect(['1', '42', '123456789012345'].every(id)).toBe(true);
		expect(['0', '01', '0x1', '1e0', ' 1', '1\n', '-1', '1.0', ''].some(id)).toBe(false);
	});

	it('accept article numbers, 0 being the preamble', () => {
		expect(['0', '27', '143'].every(articleNo)).toBe(true);
		expect(['00', '27a', '第二十七条', '-1'].some(articleNo)).toBe(false);
	});
});
