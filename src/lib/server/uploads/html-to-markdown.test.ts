import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown.ts';

describe('htmlToMarkdown', () => {
	it('keeps formatting, drops scripts and never shows tags', () => {
		expect(
			htmlToMarkdown('<p>下列<b>属于</b>的是：<script>alert(1)</script></p><p>a_b &amp; c</p>')
		).toBe('下列**属于**的是：\n\na\\_b & c');
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
});
