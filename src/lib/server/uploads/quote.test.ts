import { describe, expect, it } from 'vitest';
import { QUOTED_MAX, quoted, quotedData } from './quote.ts';

describe('an uploaded value quoted in an error message', () => {
	it('is quoted whole when it is short', () => {
		expect(quoted('大科员')).toBe('大科员');
		expect(quoted('x'.repeat(QUOTED_MAX))).toBe('x'.repeat(QUOTED_MAX));
	});

	it('keeps its beginning, cut at whole characters, when it is long', () => {
		expect(quoted('\u0000'.repeat(4_000_000))).toBe(`${'\u0000'.repeat(QUOTED_MAX)}…`);
		const emoji = '𝕏'.repeat(QUOTED_MAX + 1);
		expect(quoted(emoji)).toBe(`${'𝕏'.repeat(QUOTED_MAX)}…`);
		expect(quoted(emoji).isWellFormed()).toBe(true);
		// as many code units as twice the limit, in pairs: still cut
		expect(quoted(`${'𝕏'.repeat(QUOTED_MAX)}${'y'.repeat(1000)}`)).toBe(
			`${'𝕏'.repeat(QUOTED_MAX)}…`
		);
		expect(quoted('𝕏'.repeat(QUOTED_MAX))).toBe('𝕏'.repeat(QUOTED_MAX));
	});

	it('quotes the texts of nested data, and leaves numbers, lists and dates as they are', () => {
		const date = new Date(0);
		expect(
			quotedData({
				line: 2,
				value: 'a'.repeat(100),
				laws: ['行政处罚法'],
				date,
				issue: { code: 'x', data: { value: 'b'.repeat(100) } }
			})
		).toEqual({
			line: 2,
			value: `${'a'.repeat(QUOTED_MAX)}…`,
			laws: ['行政处罚法'],
			date,
			issue: { code: 'x', data: { value: `${'b'.repeat(QUOTED_MAX)}…` } }
		});
	});
});
