import { describe, expect, it } from 'vitest';
import { localPath } from './http.ts';

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
