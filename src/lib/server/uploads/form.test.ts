import { describe, expect, it } from 'vitest';
import { readUploadForm, uploadBytes } from './form.ts';

function multipart(file: Blob, name: string) {
	const form = new FormData();
	form.set('format', 'auto');
	form.set('file', file, name);
	return new Request('http://localhost/banks/1/import?/preview', { method: 'POST', body: form });
}

describe('readUploadForm', () => {
	it('streams a multipart upload into a form, keeping Chinese file names', async () => {
		const form = await readUploadForm(multipart(new Blob(['题型,题干\n']), '试题.csv'), 1024);
		expect(form?.get('format')).toBe('auto');
		const file = form?.get('file') as File;
		expect(file.name).toBe('试题.csv');
		expect(await file.text()).toBe('题型,题干\n');
		expect(new TextDecoder().decode(await uploadBytes(file))).toBe('题型,题干\n');
	});

	it('gives the bytes of a file it did not read too', async () => {
		const file = new File([new Uint8Array([0xef, 0xbb, 0xbf, 0x41])], 'a.csv');
		expect([...(await uploadBytes(file))]).toEqual([0xef, 0xbb, 0xbf, 0x41]);
	});

	it('answers a file over the limit with null (the form says "too large"), not an error', async () => {
		expect(await readUploadForm(multipart(new Blob(['x'.repeat(2048)]), 'a.csv'), 1024)).toBeNull();
	});

	it('keeps an empty file chosen apart from none chosen', async () => {
		const none = await readUploadForm(multipart(new Blob([]), ''), 1024);
		expect((none?.get('file') as File).name).toBe('');
		const empty = await readUploadForm(multipart(new Blob([]), '空.csv'), 1024);
		expect((empty?.get('file') as File).size).toBe(0);
	});
});
