import { expect, loginAs, test } from './helpers.ts';

// Issue 8 (3, 5, 16): bodies bounded per route, clear 4xx answers, a health endpoint.

const FORM = 'application/x-www-form-urlencoded';

test.describe('request bodies', () => {
	test('a login form with more fields than it has is refused with 413, nothing echoed', async ({
		request,
		baseURL
	}) => {
		const fields = Array.from({ length: 5_000 }, (_, i) => `echo${i}=x`).join('&');
		const response = await request.post('/login', {
			headers: { 'content-type': FORM, origin: baseURL!, accept: 'text/html' },
			data: `username=admin&password=wrong&${fields}`
		});
		expect(response.status()).toBe(413);
		const text = await response.text();
		expect(text).toContain('提交的内容超过了本页允许的大小');
		expect(text).not.toContain('echo1');
		expect(text.length).toBeLessThan(50_000);
	});

	// regression: every posted field came back in the failed form's values
	test('a failed login answers with the form fields only', async ({ request, baseURL }) => {
		const response = await request.post('/login', {
			headers: {
				'content-type': FORM,
				origin: baseURL!,
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			data: 'username=nobody&password=wrong&injected_field=injected_value'
		});
		const text = await response.text();
		expect(text).toContain('nobody');
		expect(text).not.toMatch(/injected_|wrong/);
	});

	test('a person who types far too much into a form sees a clear page', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('用户名（工号）').evaluate((input: HTMLInputElement) => {
			input.removeAttribute('maxlength');
			input.value = '张'.repeat(3_000);
		});
		await page.getByLabel('密码', { exact: true }).fill('whatever');
		await page.getByRole('button', { name: '登录' }).click();
		await expect(page.getByRole('heading', { name: '无法处理该请求' })).toBeVisible();
		await expect(page.getByText('提交的内容超过了本页允许的大小。')).toBeVisible();
	});

	// regression: a malformed multipart body made the action throw: 500 "server error"
	test('a malformed multipart body gets 400 with a clear message', async ({ request, baseURL }) => {
		const response = await request.post('/login', {
			headers: {
				'content-type': 'multipart/form-data; boundary=xyz',
				origin: baseURL!,
				accept: 'text/html'
			},
			data: '--xyz\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin'
		});
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('提交的表单数据不完整或格式有误');
	});

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

	test('a page that takes a file receives megabytes; an ordinary form does not', async ({
		page
	}) => {
		await loginAs(page, 'admin');
		const file = {
			name: 'roster.xlsx',
			mimeType: 'application/octet-stream',
			buffer: Buffer.alloc(5.5 * 1024 * 1024, 1)
		};
		const headers = { origin: new URL(page.url()).origin, accept: 'text/html' };
		// past the file limit but within the route's body limit: the form's own "over 5 MB" answer
		const upload = await page.request.post('/admin/roster?/preview', {
			headers,
			multipart: { file }
		});
		expect(upload.status()).toBe(413);
		expect(await upload.text()).toContain('文件超过 5 MB');
		const ordinary = await page.request.post('/admin/units?/create', {
			headers,
			multipart: { name: '某单位', file: { ...file, buffer: Buffer.alloc(64 * 1024, 1) } }
		});
		expect(ordinary.status()).toBe(413);
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
