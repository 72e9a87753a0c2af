import { describe, expect, it } from 'vitest';
import { decodeText, parseSource } from './source.ts';

const STATUTE =
	'中华人民共和国测试法\n\n第一条 为了规范测试，制定本法。\n第二条 本法自公布之日起施行。\n';

describe('an uploaded statute file', () => {
	it('reads as its text whether saved as UTF-8, GBK or Unicode (UTF-16) from Notepad', () => {
		const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STATUTE, 'utf16le')]);
		const utf16be = Buffer.from(utf16le).swap16();
		const gbk = new Uint8Array(Buffer.from('b2e2cad4', 'hex')); // 测试
		for (const bytes of [Buffer.from(STATUTE), utf16le, utf16be]) {
			const text = decodeText(new Uint8Array(bytes));
			expect(text).toBe(STATUTE);
			const { statute, issues } = parseSource(text, '测试法.txt', 'auto');
			expect(issues).toEqual([]);
			expect(statute.articles.map((a) => a.no)).toEqual([1, 2]);
		}
		expect(decodeText(gbk)).toBe('测试');
	});
});
