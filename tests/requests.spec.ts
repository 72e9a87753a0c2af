import { expect, test } from '@playwright/test';

// Issue 8 (3, 5, 16): bodies bounded per route, clear 4xx answers, a health endpoint.

test.describe('request bodies', () => {
	// regression: 415 came with "server error, tell the administrator the error id"
	test('JSON posted to a form action gets 415 saying that it takes forms', async ({
		request,
		baseURL
	}) => {
		const response = await request.post('/login', {
			headers: { origin: baseURL!, accept: 'text/html' },
			data: { username: 'admin', password: 'x' }
		});
		expect(response.status()).toBe(415);
		const text = await response.text();
		expect(text).toContain('此处只接受网页表单的提交');
		expect(text).not.toContain('服务器出错了');
	});
});

test('the health endpoint answers without a login, with nothing secret', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(response.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
	const health = await response.json();
	expect(health).toMatchObject({ status: 'ok', database: 'ok', migrations: 'current' });
	expect(JSON.stringify(health)).not.toMatch(/file:|e2e\.db|token/i);
});
