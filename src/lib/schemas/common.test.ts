import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { optionalText, text } from './common.ts';

describe('typed text', () => {
	it('strips control characters but keeps tabs and line breaks', () => {
		const schema = z.object({ name: text(20), note: optionalText(50) });
		expect(schema.parse({ name: '张\u0000三\u0007', note: 'a\tb\r\nc\u001b[31m' })).toEqual({
			name: '张三',
			note: 'a\tb\nc[31m'
		});
		// nothing left but control characters is as empty as nothing at all
		expect(schema.safeParse({ name: '\u0000\u0001' }).success).toBe(false);
	});
});
