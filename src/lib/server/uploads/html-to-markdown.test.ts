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
});
