import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from './errors.ts';
import { apiErrorResponse, localPath } from './http.ts';

describe('localPath (no open redirect after login or a language switch)', () => {
	it('keeps paths on this site', () => {
		expect(localPath('/admin/people?q=张&page=2')).toBe('/admin/people?q=%E5%BC%A0&page=2');
		expect(localPath('/laws#top')).toBe('/laws#top');
	});

	it.each([
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'/.//evil.example',
		'/..//evil.example/x',
		'/a/..//evil.example',
		'/%2e//evil.example',
		'https://evil.example/x',
		'javascript:alert(1)',
		''
	])('sends %j home', (target) => {
		expect(localPath(target)).toBe('/');
	});
});

describe('apiErrorResponse (what an API client is told when its token is refused)', () => {
	it.each([
		['api_unauthorized', 'unauthorized'],
		['api_token_expired', 'token_expired'],
		['api_token_suspended', 'token_suspended']
	] as const)('%s answers 401 with the stable code %s and a sentence', async (reason, code) => {
		const response = apiErrorResponse(new UnauthorizedError(reason));
		expect(response.status).toBe(401);
		expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="xuefa"');
		const body = await response.json();
		expect(body.code).toBe(code);
		expect(body.message).not.toBe(reason);
		expect(body.message.length).toBeGreaterThan(5);
	});
});
