import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.ts';

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
});

describe('markdownToText', () => {
	it('keeps the words and drops the markup', () => {
		expect(markdownToText('# 标题\n\n**加粗** & `代码`')).toBe('标题 加粗 & 代码');
	});
});
