/**
 * Plain text from a file (a cell, an Aiken line, a [plain] GIFT text, HTML's text) is stored as
 * Markdown escaped by the core's escapeMarkdown, and shown by renderMarkdown: what shows must be
 * what was typed, with as few backslashes as that takes (they show in editors and exports).
 */
import { escapeMarkdown, unescapeMarkdown } from '@xuefa/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown.ts';

// the text shown, without its spaces and line breaks (a <br> leaves none in the text)
const shown = (text: string) => text.replace(/\s+/g, '');

// what Markdown reads as marks, beside letters, digits, CJK text and its punctuation
const TRICKY = [
	...'*_~|-:&#;<>[]()`!=+.\\/ \n\t',
	'amp',
	'a',
	'1',
	'甲',
	'乙',
	'，',
	'（',
	'）',
	'。'
];

describe('plain text escaped for Markdown', () => {
	it('property: shows as typed, whatever marks it holds', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 24 }), (parts) => {
				// lines as importers keep them, trimmed: an indented line is a code block, which shows
				// its escapes (a text of such lines is Markdown's, not a cell's)
				const text = parts.join('').replace(/^[ \t]+/gm, '');
				expect(shown(markdownToText(escapeMarkdown(text)))).toBe(shown(text));
				expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
			}),
			{ numRuns: 3000 }
		);
	});

	it('shows a line of marks that Markdown reads as a heading as typed', () => {
		for (const text of ['#', '##', '###### 甲', '## ', '#######'])
			expect(shown(markdownToText(escapeMarkdown(text)))).toBe(shown(text));
	});

	it('leaves a backslash out where the text shows as typed without one', () => {
		const literal = [
			'A&B',
			'snake_case_name',
			'当事人_不_服的',
			'甲|乙',
			'| 甲 | 乙 |',
			'3~7人',
			'1_000_000',
			'R&D、B&B、A|B'
		];
		for (const text of literal) {
			expect(escapeMarkdown(text)).toBe(text);
			expect(markdownToText(text)).toBe(text);
		}
		// and escapes what would not: entities, emphasis, strikethrough, a table, a rule
		const marked = {
			'&amp;': '\\&amp;',
			'（_注_）': '（\\_注\\_）',
			'~~删除~~': '\\~\\~删除\\~\\~',
			'甲|乙\n-|-': '甲|乙\n-\\|-',
			'甲\n:--': '甲\n\\:--',
			___: '\\_\\_\\_'
		};
		for (const [text, escaped] of Object.entries(marked)) {
			expect(escapeMarkdown(text)).toBe(escaped);
			expect(shown(markdownToText(escaped))).toBe(shown(text));
		}
	});
});
