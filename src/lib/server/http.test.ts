import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loginInput } from '$lib/schemas/auth.ts';
import { formValues, localPath } from './http.ts';

describe('localPath (no open redirect after login or a language switch)', () => {
	it('keeps paths on this site', () => {
		expect(localPath('/admin/people?q=张&page=2')).toBe('/admin/people?q=%E5%BC%A0&page=2');
		expect(localPath('/laws#top')).toBe('/laws#top');
	});

	it.each([
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'https://evil.example/x',
		'javascript:alert(1)',
		''
	])('sends %j home', (target) => {
		expect(localPath(target)).toBe('/');
	});
});

describe('formValues (what a failed form is refilled with)', () => {
	// regression: a login form failure echoed all 600,000 posted fields, 8 MB, back to a stranger
	it('echoes only the fields the form has, never passwords or files', () => {
		const form = new FormData();
		form.set('username', '张三');
		form.set('password', 'secret');
		for (let i = 0; i < 1000; i++) form.set(`junk${i}`, 'x'.repeat(100));
		form.set('file', new Blob(['x']), 'a.txt');
		expect(formValues(form, loginInput)).toEqual({ username: '张三' });
	});

	it('reads the fields through a schema that transforms', () => {
		const schema = z.object({ name: z.string(), file: z.string() }).transform((v) => v.name);
		const form = new FormData();
		form.set('name', '甲');
		form.set('other', '乙');
		expect(formValues(form, schema)).toEqual({ name: '甲' });
	});
});
