import { describe, expect, it } from 'vitest';
import { nextVersion, questionContentHash, sameContent } from '../index.ts';
import { makeQuestion } from '../testing/factories.ts';

describe('versions', () => {
	const v1 = makeQuestion('single', 3);

	it('ignores id, version and key order in the content hash', () => {
		const reordered = Object.fromEntries(Object.entries(v1).reverse()) as typeof v1;
		expect(questionContentHash({ ...reordered, version: 9 })).toBe(questionContentHash(v1));
		expect(sameContent(v1, { ...v1, id: 'other' })).toBe(true);
	});

	it('detects any change', () => {
		expect(questionContentHash({ ...v1, stem: v1.stem + '。' })).not.toBe(questionContentHash(v1));
		expect(sameContent(v1, { ...v1, tags: ['x'] })).toBe(false);
	});

	it('makes a new version only when content changed, never mutating', () => {
		expect(nextVersion(v1, { ...v1 })).toBe(v1);
		const v2 = nextVersion(v1, { ...v1, stem: '新题干', version: 77, id: 'x' });
		expect(v2).toMatchObject({ id: v1.id, version: 2, stem: '新题干' });
		expect(v1.version).toBe(1);
	});
});
