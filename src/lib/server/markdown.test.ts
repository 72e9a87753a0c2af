import { describe, expect, it } from 'vitest';
import {
	RENDERED_CHARS_MAX,
	markdownToText,
	renderMarkdown,
	renderedCacheSize
} from './markdown.ts';

describe('renderMarkdown', () => {
	it('renders Markdown', () => {
		expect(renderMarkdown('依据**第四十二条**规定')).toBe(
			'<p>依据<strong>第四十二条</strong>规定</p>\n'
		);
	});

	it('removes scripts, event handlers and javascript: links', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="https://a.cn" onclick="x()">a</a>'
		);
		expect(html).not.toMatch(/<script|onerror|onclick|href="javascript:|<img/i);
		expect(html).toContain('href="https://a.cn"');
		expect(html).toContain('rel="noopener noreferrer nofollow"');
	});

	it('removes frames, SVG handlers and data:, vbscript: and entity-hidden javascript: links', () => {
		const html = renderMarkdown(
			[
				'<iframe src="https://evil.example"></iframe>',
				'<svg onload=alert(1)><circle/></svg>',
				'[a](data:text/html;base64,PHNjcmlwdD4=)',
				'[b](vbscript:msgbox(1))',
				'[c](jav&#x61;script:alert(1))',
				'[d](  JAVASCRIPT:alert(1))',
				'<a href="java\tscript:alert(1)">e</a>',
				'![f](javascript:alert(1))',
				'<form action="https://evil.example"><input name=x></form>'
			].join('\n\n')
		);
		expect(html).not.toMatch(/<iframe|<svg|onload|<img|<form|<input|data:|vbscript:|script:/i);
	});
});

describe('renderMarkdown for legal text', () => {
	it('keeps a single ~ as a range: only ~~ strikes through', () => {
		expect(renderMarkdown('由主任委员、副主任委员共3~7人组成，任期5~9年')).toBe(
			'<p>由主任委员、副主任委员共3~7人组成，任期5~9年</p>\n'
		);
		expect(renderMarkdown('a ~b~ c')).not.toContain('<del>');
		expect(renderMarkdown('本条~~已废止~~')).toBe('<p>本条<del>已废止</del></p>\n');
	});

	it('makes emphasis work next to Chinese characters and punctuation', () => {
		expect(renderMarkdown('依据**《行政处罚法》**第三条')).toBe(
			'<p>依据<strong>《行政处罚法》</strong>第三条</p>\n'
		);
		expect(renderMarkdown('**《行政处罚法》**规定')).toBe(
			'<p><strong>《行政处罚法》</strong>规定</p>\n'
		);
		expect(renderMarkdown('应当*依法*给予')).toBe('<p>应当<em>依法</em>给予</p>\n');
	});

	it('keeps fill-in blanks as typed beside Chinese punctuation, never as emphasis', () => {
		for (const stem of [
			'处分分为：警告、___、记大过、降级、___、开除。',
			'测试填空：___日，___月。',
			'（___）日内提出，（_____）日内答复',
			'期限为“___”日，自送达之日起___日内'
		])
			expect(renderMarkdown(stem)).toBe(`<p>${stem}</p>\n`);
		expect(markdownToText('一切权力属于___。人民行使国家权力的机关是___。')).toBe(
			'一切权力属于___。人民行使国家权力的机关是___。'
		);
		// emphasis beside a blank still works, and a line of underscores is still a rule
		expect(renderMarkdown('**重点**：___日')).toBe('<p><strong>重点</strong>：___日</p>\n');
		expect(renderMarkdown('___')).toBe('<hr />\n');
	});

	it('renders the Markdown of a text that starts with an HTML tag, still sanitised', () => {
		expect(renderMarkdown('<p>第一条 **重点**</p>')).toBe('<p>第一条 <strong>重点</strong></p>\n');
		const html = renderMarkdown('<div onclick="x()">注意</div>\n**加粗**\n\n- 一\n- 二');
		expect(html).toContain('<strong>加粗</strong>');
		expect(html).toContain('<li>一</li>');
		expect(html).not.toMatch(/<div|onclick/);
		expect(renderMarkdown('<script>alert(1)</script>\n**x**')).toBe(
			'<p><br /><strong>x</strong></p>\n'
		);
	});
});

describe('renderMarkdown never throws', () => {
	// regression: an explanation nested 5,000 levels deep overflowed marked's stack, the feedback
	// page answered 500 and the learner's practice set was stuck
	it.each([
		['quotes', '>'.repeat(5000) + ' 引文'],
		['list items', '- '.repeat(5000) + '项'],
		['emphasis', '*a '.repeat(5000) + 'x' + ' a*'.repeat(5000)]
	])('shows Markdown nested 5,000 levels deep (%s) as escaped text', (_, text) => {
		const html = renderMarkdown(text + ' <b>粗</b>');
		expect(html.startsWith('<p>')).toBe(true);
		expect(html).toContain('&lt;b&gt;粗&lt;/b&gt;');
		expect(markdownToText(text + ' 尾')).toMatch(/尾$/);
	});
});

describe('renderMarkdown of very long lines', () => {
	// marked takes time growing with the square of a line's length on some lines (runs of `_a`,
	// `<aaa…@`, spaces): a line over 2,000 characters is shown as typed, the rest as Markdown
	it('shows a line over 2,000 characters as typed, escaped, and the other lines as Markdown', () => {
		const long = '_a'.repeat(1500) + ' <b>粗</b>';
		const html = renderMarkdown(`### 标题\n\n**要点**\n\n${long}\n\n- ${long}`);
		expect(html).toContain('<h3>标题</h3>');
		expect(html).toContain('<strong>要点</strong>');
		expect(html).not.toContain('<em>');
		expect(html).toContain(`<p>${'_a'.repeat(1500)} &lt;b&gt;粗&lt;/b&gt;</p>`);
		// a long line keeps its block: here a list item
		expect(html).toMatch(/<li>(_a){1500} &lt;b&gt;粗&lt;\/b&gt;<\/li>/);
		// and a line of 2,000 is still Markdown
		expect(renderMarkdown('*a*' + 'b'.repeat(1997))).toContain('<em>a</em>');
		expect(markdownToText(`${long}\n\n尾`)).toMatch(/^(_a){1500} <b>粗<\/b> 尾$/);
	});
});

describe('renderMarkdown of tables', () => {
	// every row is drawn as wide as the header: 900 columns over 6,000 one-character rows (20,000
	// characters) made 5.4 million cells and took 70 s on the thread that serves everyone
	it('keeps as typed a table of more cells than it has characters to show for them', () => {
		const header = (n: number) => `|${'条|'.repeat(n)}\n|${'-|'.repeat(n)}\n`;
		const padded = header(100) + 'x\n'.repeat(100);
		const html = renderMarkdown(padded);
		expect(html).not.toContain('<td');
		expect(html).toContain('|条|条|');
		// a table typed out is drawn, with or without its outer pipes
		const typed = `${header(3)}|第一条|警告|罚款|\n|第二条|没收|\n`;
		expect(renderMarkdown(typed).match(/<td>/g)).toHaveLength(6);
		const bare = '违法行为 | 罚款\n--- | ---\n未登记 | 五千元以下';
		expect(renderMarkdown(bare)).toContain('<td>五千元以下</td>');
	});
});

describe('markdownToText', () => {
	it('keeps the words and drops the markup', () => {
		expect(markdownToText('# 标题\n\n**加粗** & `代码`')).toBe('标题 加粗 & 代码');
	});

	// regression: entities were decoded one kind after another, so an escaped entity written as
	// text (an HTML lesson's `&lt;`) came out as the character it names
	it('decodes every entity exactly once, text that looks like an entity included', () => {
		expect(markdownToText('写作 `&lt;b&gt;`，不是 `<b>`')).toBe('写作 &lt;b&gt;，不是 <b>');
		expect(markdownToText('A &amp;quot; B &copy; 2026 &#x6CD5;')).toBe('A &quot; B © 2026 法');
	});
});

describe('the cache of rendered texts', () => {
	it('stays within its character budget however many distinct texts are rendered', () => {
		// an editor's preview may send any number of distinct texts, each kept with its HTML
		const text = '法'.repeat(3_990);
		for (let i = 0; renderedCacheSize().chars < RENDERED_CHARS_MAX / 2; i++) {
			renderMarkdown(`${i}\n${text}`);
		}
		const before = renderedCacheSize();
		// twice as many again: as much as the budget, and as much once more
		for (let i = 0; i < 2 * before.entries; i++) renderMarkdown(`more ${i}\n${text}`);
		const after = renderedCacheSize();
		expect(after.chars).toBeLessThanOrEqual(RENDERED_CHARS_MAX);
		// and it still keeps as much as the budget allows
		expect(after.chars).toBeGreaterThan(RENDERED_CHARS_MAX * 0.9);
	});
});
