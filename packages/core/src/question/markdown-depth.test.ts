import { describe, expect, it } from 'vitest';
import { MARKDOWN_MAX_DEPTH, markdownDepth } from '../index.ts';

describe('markdownDepth', () => {
	it.each([
		['plain text', '第三条 行政处罚遵循公正、公开的原则。', 0],
		['emphasis next to Chinese punctuation', '依据**《行政处罚法》**第三条', 1],
		['emphasis inside strong emphasis', '**应当*依法*给予**处罚', 2],
		['ranges with single tildes', '共3~7人组成，任期5~9年', 0],
		['a strikethrough', '~~已废止~~', 1],
		['a list with a sub-list', '- 警告\n  - 通报批评\n    - 罚款', 3],
		['a quote in a quote', '> 引文\n> > 再引', 2],
		['a rule', '* * *', 0],
		[
			'stray asterisks that never close',
			'注*：一 *二 *三 *四 *五 *六 *七 *八 *九 *十 *十一 *十二',
			0
		],
		['a snake_case word', 'field_name_here', 1],
		['code fences', '```\n' + '>'.repeat(100) + '\n```', 0]
	])('%s stays within the bound', (_, text, depth) => {
		expect(markdownDepth(text)).toBe(depth);
		expect(markdownDepth(text)).toBeLessThanOrEqual(MARKDOWN_MAX_DEPTH);
	});

	it.each([
		['quotes', '>'.repeat(5000) + ' x'],
		['quotes with spaces', '> '.repeat(5000) + 'x'],
		['bullets on one line', '- '.repeat(5000) + 'x'],
		['numbered items on one line', '1. '.repeat(5000) + 'x'],
		['quotes and bullets', '> - '.repeat(2500) + 'x'],
		[
			'indented sub-lists',
			Array.from({ length: 60 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n')
		],
		['one long run of asterisks', '*'.repeat(5000) + 'x' + '*'.repeat(5000)],
		['emphasis in emphasis', '*a '.repeat(5000) + 'x' + ' a*'.repeat(5000)],
		['strikethrough in strikethrough', '~~a '.repeat(500) + 'x' + ' a~~'.repeat(500)]
	])('measures %s nested 5,000 levels deep as deep', (_, text) => {
		expect(markdownDepth(text)).toBeGreaterThan(MARKDOWN_MAX_DEPTH);
	});
});
