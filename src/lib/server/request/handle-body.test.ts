import { type RequestEvent, isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { handleBodyLimit, isBodyTooLarge } from './handle-body.ts';

/** The request that the rest of the chain (an action) would get, for a body posted to `routeId`. */
async function received(routeId: string, body: BodyInit, headers: Record<string, string>) {
	const request = new Request('http://localhost/x', { method: 'POST', body, headers });
	const event = { request, route: { id: routeId } } as unknown as RequestEvent;
	let passed: Request | undefined;
	await handleBodyLimit({
		event,
		resolve: (e) => {
			passed = e.request;
			return Promise.resolve(new Response(null));
		}
	});
	return passed!;
}

const form = 'application/x-www-form-urlencoded';
const statusOf = (e: unknown) => (isHttpError(e) ? e.status : e);

describe('handleBodyLimit', () => {
	it('passes a body within the limit through unchanged', async () => {
		const request = await received('/(auth)/login', 'username=a&password=b', {
			'content-type': form
		});
		expect(Object.fromEntries(await request.formData())).toEqual({ username: 'a', password: 'b' });
	});

	// regression: 600,000 fields posted to /login were parsed (seconds of a blocked server) and echoed
	it('answers 413 for a login form of 600,000 fields, before parsing them', async () => {
		const flood = Array.from({ length: 600_000 }, (_, i) => `f${i}=x`).join('&');
		const request = await received('/(auth)/login', flood, { 'content-type': form });
		const error = await request.formData().catch((e: unknown) => e);
		expect(statusOf(error)).toBe(413);
	});

	it('answers 413 for more fields than the form can have, even in a small body', async () => {
		const many = Array.from({ length: 150 }, (_, i) => `${i}=`).join('&');
		const request = await received('/(auth)/login', many, { 'content-type': form });
		const error = await request.formData().catch((e: unknown) => e);
		expect(statusOf(error)).toBe(413);
		expect((error as { body: { message: string } }).body.message).toMatch(/字段过多/);
	});

	it('refuses a declared length over the limit whatever the body holds', async () => {
		const request = await received('/(auth)/login', 'username=a', {
			'content-type': form,
			'content-length': String(1024 * 1024)
		});
		expect(statusOf(await request.text().catch((e: unknown) => e))).toBe(413);
	});

	it('lets the pages that take a file receive megabytes', async () => {
		const file = new FormData();
		file.set('file', new Blob([new Uint8Array(3 * 1024 * 1024)]), 'bank.xlsx');
		const request = await received('/(app)/banks/[bankId=id]/import', file, {});
		expect(((await request.formData()).get('file') as File).size).toBe(3 * 1024 * 1024);
		const ordinary = await received('/(app)/banks', file, {});
		expect(isBodyTooLarge(await ordinary.formData().catch((e: unknown) => e))).toBe(true);
	});

	// regression: a malformed multipart body made the action throw a TypeError: a 500
	it('answers 400 with a clear message for a malformed multipart body, copies included', async () => {
		const broken = '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\nx';
		const headers = { 'content-type': 'multipart/form-data; boundary=abc' };
		for (const read of [(r: Request) => r.formData(), (r: Request) => r.clone().formData()]) {
			const error = await read(await received('/(auth)/login', broken, headers)).catch(
				(e: unknown) => e
			);
			expect(statusOf(error)).toBe(400);
			expect((error as { body: { message: string } }).body.message).toMatch(/格式有误/);
		}
	});
});
