import { describe, expect, it } from 'vitest';
import { htmlConverter, htmlToMarkdown } from './html-to-markdown.ts';

describe('htmlToMarkdown', () => {
	it('keeps formatting, drops scripts and never shows tags', () => {
		expect(
			htmlToMarkdown('<p>下列<b>属于</b>的是：<script>alert(1)</script></p><p>a_b &amp; c</p>')
		).toBe('下列**属于**的是：\n\na_b & c');
	});

	it('falls back to plain text on crafted HTML instead of failing', () => {
		expect(htmlToMarkdown('<b>'.repeat(100_000) + '深')).toBe('深');
		expect(htmlToMarkdown('<i>x</i>'.repeat(5000))).not.toContain('<');
	});

	it('reads links and images with runs of whitespace in their attributes in one pass', () => {
		// 40,000 spaces in an href took 2.5 s; these would take minutes
		const spaces = ' '.repeat(300_000);
		expect(htmlToMarkdown(`<a href="https://x.cn/${spaces}">法规库</a>`)).toBe(
			'[法规库](<https://x.cn/ >)'
		);
		expect(htmlToMarkdown(`<img src="a.png" alt="${'\n'.repeat(300_000)}图">`)).toBe(
			'![\n图](a.png)'
		);
		// a short run is kept as written: inside <pre>, whitespace is the text
		expect(htmlToMarkdown('<pre><code>a    b</code></pre>')).toBe('```\na    b\n```');
	});

	it('gives a text without markup as turndown would, without building a document for it', () => {
		const texts = [
			'  甲\n\t乙  ',
			'1. 条',
			'# 标题',
			'- 项',
			'+ 项',
			'> 引',
			'=== 线',
			'`a`',
			'a_b*c*',
			'\\ [链] ~a~',
			'全角\u3000空格\u00a0',
			'2) 项',
			'***',
			'| 表 |',
			'!',
			''
		];
		const convert = htmlConverter();
		for (const text of texts)
			expect(convert(text), text).toBe(htmlToMarkdown(`<span>${text}</span>`));
	});

	it('gives its plain text to HTML nested deeper than any question is', () => {
		expect(htmlToMarkdown('<i>'.repeat(100) + '深')).toBe('深');
		expect(htmlToMarkdown('<ul><li>甲<ul><li><b>乙</b></li></ul></li></ul>')).toBe(
			'*   甲\n    *   **乙**'
		);
	});

	it("converts one file's HTML within a budget: past it, the file's texts keep their plain text", () => {
		// 5,000 questions of 26 options, each option's HTML converted on its own, took 16 s
		const big = '<i>x</i>'.repeat(999);
		const convert = htmlConverter();
		const results = Array.from({ length: 80 }, () => convert(big));
		expect(results[0]).toBe('_x_'.repeat(999));
		expect(results.at(-1)).toBe('x'.repeat(999));
		// the next file starts afresh
		expect(htmlConverter()(big)).toBe('_x_'.repeat(999));
	});
});
