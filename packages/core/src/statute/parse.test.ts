/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	type Statute,
	type StatuteHeading,
	diffStatutes,
	formatStatuteMarkdown,
	formatStatutePlainText,
	parseStatuteMarkdown,
	parseStatutePlainText,
	statuteFingerprint,
	statuteVersionLabel
} from '../index.ts';

const MD = `# 中华人民共和国示例法

2001年1月1日 第九届全国人民代表大会常务委员会第二十次会议通过

2010年6月30日 第十一届全国人民代表大会常务委员会第十五次会议修订

<!-- INFO END -->

## 序言

这是序言的第一段。

这是序言的第二段。

## 第一章 总 则

第一条 为了示例，制定本法。

\u200b
第二条 本法适用于示例。

前款所称示例，包括其他示例。

## 第二章 程序

### 第一节 一般规定

第三条 程序应当公开。

### 第二节 听证

第四条 当事人可以要求听证。
`;

const TEXT = `中华人民共和国示例法

（2001年1月1日第九届全国人民代表大会常务委员会第二十次会议通过~根据2005年2月28日第十届全国人民代表大会常务委员会第十四次会议《关于修改部分法律的决定》修正~2010年6月30日第十一届全国人民代表大会常务委员会第十五次会议修订）

目~~录

第一章~总~~则
第二章~程~~序
~第一节~一般规定

第一章~总~~则

第一条~为了示例，制定本法。

第二条~本法适用于示例。
~~前款所称示例，包括其他示例。

第二章~程~~序
第一节~一般规定
第三条~程序应当公开。第三十条规定的除外。
第三十条规定的期限，不适用本条。
`.replaceAll('~', '\u3000');

describe('parseStatuteMarkdown', () => {
	it('reads title, history, preamble, chapters, sections and multi-paragraph articles', () => {
		const { statute, issues } = parseStatuteMarkdown(MD);
		expect(issues).toEqual([]);
		expect(statute.title).toBe('中华人民共和国示例法');
		expect(statute.shortTitle).toBe('示例法');
		expect(statute.history).toHaveLength(2);
		expect(statute.headings.map((h) => [h.level, h.title])).toEqual([
			[1, '序言'],
			[1, '第一章 总则'],
			[1, '第二章 程序']
		]);
		expect(statute.headings[0]!.preamble).toBe('这是序言的第一段。\n这是序言的第二段。');
		expect(statute.headings[2]!.children.map((h) => [h.level, h.title])).toEqual([
			[2, '第一节 一般规定'],
			[2, '第二节 听证']
		]);
		expect(statute.articles.map((a) => [a.no, a.headingPath, a.line])).toEqual([
			[1, [1], 17],
			[2, [1], 20],
			[3, [2, 0], 28],
			[4, [2, 1], 32]
		]);
		expect(statute.articles[1]!.text).toBe('本法适用于示例。\n前款所称示例，包括其他示例。');
	});

	it('reports numbers out of order, duplicates, empty articles and stray text with lines', () => {
		const { statute, issues } = parseStatuteMarkdown(
			'# 示例法\n\n<!-- INFO END -->\n\n孤立的一段\n\n## 第一章 总则\n\n第一条 甲。\n\n第三条 丙。\n\n第三条 重复。\n\n重复的第二款\n\n第四条\n'
		);
		expect(issues.map((i) => [i.code, i.line, i.data])).toEqual([
			['statute.text.orphan', 5, { text: '孤立的一段' }],
			['statute.article.order', 11, { no: 3, expected: 2 }],
			['statute.article.duplicate', 13, { no: 3 }],
			['statute.article.empty', 17, { no: 4 }]
		]);
		expect(statute.articles.map((a) => [a.no, a.text])).toEqual([
			[1, '甲。'],
			[3, '丙。'],
			[4, '']
		]);
	});

	it('reports a text without title or articles', () => {
		expect(parseStatuteMarkdown('只是一段话').issues.map((i) => i.code)).toEqual([
			'statute.title.missing',
			'statute.articles.none'
		]);
		expect(parseStatuteMarkdown('').issues.map((i) => i.code)).toContain('statute.articles.none');
	});

	it('reads headings with runs of spaces in one pass, closing #s dropped', () => {
		const spaces = ' '.repeat(500_000);
		const { statute } = parseStatuteMarkdown(
			`# 示例${spaces}法 #\n\n<!-- INFO END -->\n\n## 第一章${spaces}总则${spaces}##\n\n### a${spaces}#b\n\n第一条 甲。\n`
		);
		expect(statute.title).toBe(`示例${spaces}法`);
		expect(statute.headings.map((h) => [h.title, h.children.map((c) => c.title)])).toEqual([
			['第一章 总则', [`a #b`]]
		]);
		expect(parseStatuteMarkdown('# C#\n\n第一条 甲。').statute.title).toBe('C');
	});
});

describe('parseStatutePlainText', () => {
	it('reads the national database layout: history in parentheses, 目录 skipped, full-width spaces', () => {
		const { statute, issues } = parseStatutePlainText(TEXT);
		expect(issues).toEqual([]);
		expect(statute.shortTitle).toBe('示例法');
		expect(statute.history).toEqual([
			'2001年1月1日第九届全国人民代表大会常务委员会第二十次会议通过',
			'根据2005年2月28日第十届全国人民代表大会常务委员会第十四次会议《关于修改部分法律的决定》修正',
			'2010年6月30日第十一届全国人民代表大会常务委员会第十五次会议修订'
		]);
		expect(statute.headings.map((h) => [h.title, h.children.map((c) => c.title)])).toEqual([
			['第一章 总则', []],
			['第二章 程序', ['第一节 一般规定']]
		]);
		expect(statute.articles.map((a) => [a.no, a.text, a.headingPath])).toEqual([
			[1, '为了示例，制定本法。', [0]],
			[2, '本法适用于示例。\n前款所称示例，包括其他示例。', [0]],
			[3, '程序应当公开。第三十条规定的除外。\n第三十条规定的期限，不适用本条。', [1, 0]]
		]);
	});

	it('parses the same statute from Markdown and from plain text', () => {
		const md = parseStatuteMarkdown(MD).statute;
		const text = parseStatutePlainText(formatStatutePlainText(md));
		expect(text.issues).toEqual([]);
		expect(statuteFingerprint(text.statute)).toBe(statuteFingerprint(md));
	});

	it('reads a history with runs of spaces in one pass', () => {
		const spaces = ' '.repeat(500_000);
		const { statute } = parseStatutePlainText(
			`示例法\n（ 2001年1月1日通过${spaces}根据2005年修正${spaces}x${spaces}）\n第一条\u3000甲。`
		);
		expect(statute.history).toEqual(['2001年1月1日通过', `根据2005年修正${spaces}x`]);
	});

	it('reports a table of contents that never ends', () => {
		const { issues } = parseStatutePlainText('示例法\n目录\n第一章　总则\n第二章　附则\n');
		expect(issues.map((i) => [i.code, i.line])).toEqual([
			['statute.articles.none', 1],
			['statute.toc.unterminated', 2]
		]);
	});
});

describe('diffStatutes and version labels', () => {
	it('marks new, changed and unchanged articles, ignoring whitespace, and lists removed ones', () => {
		const diff = diffStatutes(
			{
				articles: [
					{ no: 1, text: '甲乙' },
					{ no: 2, text: '丙' },
					{ no: 3, text: '丁' }
				]
			},
			{
				articles: [
					{ no: 1, text: '甲 乙\n' },
					{ no: 2, text: '丙丙' },
					{ no: 4, text: '戊' }
				]
			}
		);
		expect(diff.articles).toEqual([
			{ no: 1, change: 'unchanged' },
			{ no: 2, change: 'changed' },
			{ no: 4, change: 'new' }
		]);
		expect(diff.changed).toEqual([2, 4]);
		expect(diff.removed).toEqual([3]);
	});

	it('labels a version by its last history date, else the file name', () => {
		expect(statuteVersionLabel(parseStatuteMarkdown(MD).statute.history)).toBe('2010-06-30 修订');
		expect(statuteVersionLabel(['通过'], '行政处罚法(2021-01-22).md')).toBe('2021-01-22');
		expect(statuteVersionLabel([], '示例.md')).toBe('');
	});
});

// ── property: format → parse gives the statute back ──

const paragraph = fc
	.stringMatching(/^[\u4e00-\u4e2f][\u4e00-\u4e2f，。、；：“”（）0-9]{0,30}$/)
	.filter((s) => !s.startsWith('第'));
const headingName = fc.stringMatching(/^[\u4e00-\u4e2f]{1,8}$/);

const statuteArb = (withPreamble: boolean): fc.Arbitrary<Statute> =>
	fc
		.record({
			name: fc.stringMatching(/^[\u4e00-\u4e2f]{1,6}法$/),
			history: fc.array(
				fc.stringMatching(/^20[0-2][0-9]年[1-9]月[1-9]日第[\u4e00-\u4e2f]{2,6}(通过|修正|修订)$/),
				{ maxLength: 3 }
			),
			preamble: withPreamble
				? fc.option(fc.array(paragraph, { minLength: 1, maxLength: 3 }), { nil: undefined })
				: fc.constant(undefined),
			chapters: fc.array(
				fc.record({
					name: headingName,
					sections: fc.array(headingName, { maxLength: 3 }),
					// articles per section, or directly under the chapter when it has no sections
					counts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 })
				}),
				{ minLength: 1, maxLength: 4 }
			),
			texts: fc.array(fc.array(paragraph, { minLength: 1, maxLength: 3 }), {
				minLength: 50,
				maxLength: 50
			})
		})
		.map(({ name, history, preamble, chapters, texts }) => {
			const headings: StatuteHeading[] = [];
			const articles: Statute['articles'] = [];
			const add = (path: number[], n: number) => {
				for (let k = 0; k < n; k++) {
					const no = articles.length + 1;
					articles.push({
						no,
						text: texts[no % texts.length]!.join('\n'),
						headingPath: path,
						line: 0
					});
				}
			};
			if (preamble) {
				headings.push({
					level: 1,
					title: '序言',
					preamble: preamble.join('\n'),
					line: 0,
					children: []
				});
			}
			for (const [c, ch] of chapters.entries()) {
				const ci = headings.length;
				const cn = `第${'一二三四五'[c]}章 ${ch.name}`;
				headings.push({
					level: 1,
					title: cn,
					line: 0,
					children: ch.sections.map((s, i) => ({
						level: 2,
						title: `第${'一二三'[i]}节 ${s}`,
						line: 0,
						children: []
					}))
				});
				if (ch.sections.length === 0) add([ci], ch.counts[0]!);
				else ch.sections.forEach((_, i) => add([ci, i], ch.counts[i]!));
			}
			const title = `中华人民共和国${name}`;
			return { title, shortTitle: name, history, headings, articles };
		});

/** The statute without source line numbers, to compare structures. */
function withoutLines(s: Statute): unknown {
	const h = (x: StatuteHeading): unknown => ({
		...x,
		line: 0,
		children: x.children.map(h)
	});
	return {
		...s,
		headings: s.headings.map(h),
		articles: s.articles.map((a) => ({ ...a, line: 0 }))
	};
}

describe('round trip', () => {
	it('property: formatStatuteMarkdown → parseStatuteMarkdown gives the statute back', () => {
		fc.assert(
			fc.property(statuteArb(true), (s) => {
				const parsed = parseStatuteMarkdown(formatStatuteMarkdown(s));
				expect(parsed.issues).toEqual([]);
				expect(withoutLines(parsed.statute)).toEqual(withoutLines(s));
			})
		);
	});

	it('property: formatStatutePlainText → parseStatutePlainText gives the statute back', () => {
		fc.assert(
			fc.property(statuteArb(false), (s) => {
				const parsed = parseStatutePlainText(formatStatutePlainText(s));
				expect(parsed.issues).toEqual([]);
				expect(withoutLines(parsed.statute)).toEqual(withoutLines(s));
			})
		);
	});
});

// ── the project's real statutes, when ../shared/data/laws is there ──

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..');
const lawsDir = process.env.XUEFA_LAWS_DIR ?? resolve(repoRoot, '..', 'shared', 'data', 'laws');
const REAL: [string, number, number][] = [
	// file, articles, top-level headings (宪法: 序言 + 4 chapters)
	['宪法.md', 143, 5],
	['公务员法(2018-12-29).md', 113, 18],
	['行政诉讼法(2017-06-27).md', 103, 10],
	['行政复议法(2023-09-01).md', 90, 7],
	['行政处罚法(2021-01-22).md', 86, 8],
	['行政许可法(2019-04-23).md', 83, 8]
];

describe.skipIf(!existsSync(lawsDir))('the six statutes in ../shared/data/laws', () => {
	for (const [file, count, chapters] of REAL) {
		it(`${file}: ${count} articles in order, ${chapters} top-level headings, no issues`, () => {
			const { statute, issues } = parseStatuteMarkdown(readFileSync(join(lawsDir, file), 'utf8'));
			expect(issues).toEqual([]);
			expect(statute.articles).toHaveLength(count);
			expect(statute.articles.map((a) => a.no)).toEqual(
				Array.from({ length: count }, (_, i) => i + 1)
			);
			expect(statute.headings).toHaveLength(chapters);
			expect(statute.title.startsWith('中华人民共和国')).toBe(true);
			// and it survives the plain-text layout
			const again = parseStatutePlainText(formatStatutePlainText(statute));
			expect(again.issues).toEqual([]);
			expect(statuteFingerprint(again.statute)).toBe(statuteFingerprint(statute));
		});
	}

	it('宪法: the 序言 is preamble text, and 第二十七条 holds the oath clause in its third paragraph', () => {
		const { statute } = parseStatuteMarkdown(readFileSync(join(lawsDir, '宪法.md'), 'utf8'));
		expect(statute.headings[0]).toMatchObject({ title: '序言', children: [] });
		expect(statute.headings[0]!.preamble!.split('\n').length).toBeGreaterThan(10);
		const a27 = statute.articles.find((a) => a.no === 27)!;
		expect(a27.text.split('\n')[2]).toContain('宪法宣誓');
		expect(statuteVersionLabel(statute.history)).toBe('2018-03-11 修正');
	});
});
