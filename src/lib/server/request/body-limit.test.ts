import { describe, expect, it } from 'vitest';
import { FORM_LIMIT, bodyLimitOf, bodyMeter } from './body-limit.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('bodyLimitOf', () => {
	it('gives megabytes only to the pages that take a file', () => {
		for (const route of [
			'/(app)/banks/[bankId=id]/import',
			'/(app)/admin/roster',
			'/(app)/laws/import'
		])
			expect(bodyLimitOf(route).bytes).toBeGreaterThanOrEqual(5 * 1024 * 1024);
		expect(bodyLimitOf('/(auth)/login')).toBe(FORM_LIMIT);
		expect(bodyLimitOf('/(app)/admin/people/new')).toBe(FORM_LIMIT);
		// its form names the import job; the passwords come from the job, not from the browser
		expect(bodyLimitOf('/(app)/admin/roster/passwords.xlsx')).toBe(FORM_LIMIT);
		expect(bodyLimitOf(null)).toBe(FORM_LIMIT);
		expect(FORM_LIMIT.bytes).toBeLessThanOrEqual(16 * 1024);
	});
});

describe('bodyMeter', () => {
	const limit = { bytes: 100, fields: 3 };

	it('stops at the first byte over the limit', () => {
		const meter = bodyMeter('application/json', limit);
		expect(meter.add(new Uint8Array(60))).toBeNull();
		expect(meter.add(new Uint8Array(40))).toBeNull();
		expect(meter.add(new Uint8Array(1))).toBe('bytes');
	});

	it('counts URL-encoded fields by their separators', () => {
		const meter = bodyMeter('application/x-www-form-urlencoded;charset=UTF-8', limit);
		expect(meter.add(bytes('a=1&b=2'))).toBeNull();
		expect(meter.add(bytes('&c=%26'))).toBeNull();
		expect(meter.add(bytes('&d=4'))).toBe('fields');
	});

	it('counts multipart parts by their boundary, also when a chunk splits it', () => {
		const form = (n: number) =>
			Array.from(
				{ length: n },
				(_, i) => `--XyZ\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`
			).join('') + '--XyZ--\r\n';
		const count = (body: string, chunk: number) => {
			const meter = bodyMeter('multipart/form-data; boundary=XyZ', { bytes: 1e6, fields: 3 });
			const data = bytes(body);
			let result = null;
			for (let at = 0; at < data.length && !result; at += chunk)
				result = meter.add(data.subarray(at, at + chunk));
			return result;
		};
		for (const chunk of [1, 2, 3, 7, 1000]) {
			expect(count(form(3), chunk)).toBeNull();
			expect(count(form(4), chunk)).toBe('fields');
		}
	});

	it('takes a quoted boundary', () => {
		const meter = bodyMeter('multipart/form-data; boundary="a b"', { bytes: 1e6, fields: 0 });
		expect(meter.add(bytes('--a b\r\n\r\nx\r\n--a b\r\n'))).toBe('fields');
	});
});
