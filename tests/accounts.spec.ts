import type { Browser, Page } from '@playwright/test';
import { expect, loginAs, test } from './helpers.ts';

/** Opens a demo person's page from the people list (as the signed-in administrator). */
async function openPerson(page: Page, employeeNo: string) {
	await page.goto(`/admin/people?q=${employeeNo}`);
	await page.getByRole('row').filter({ hasText: employeeNo }).getByRole('link').first().click();
	// the list has a heading too: wait for the person's page
	await expect(page).toHaveURL(/\/admin\/people\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Resets a demo person's password through the person page; returns the one-time password. */
async function resetThroughPage(page: Page, employeeNo: string): Promise<string> {
	await openPerson(page, employeeNo);
	await page.getByRole('link', { name: '重置密码' }).click();
	await page.getByRole('button', { name: '确认重置密码' }).click();
	const shown = await page.getByText(/一次性密码：/).textContent();
	const password = /一次性密码：(\S+)/.exec(shown ?? '')?.[1];
	expect(password).toBeTruthy();
	return password!;
}

async function adminPage(browser: Browser, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN' });
	const page = await context.newPage();
	await loginAs(page, 'admin');
	return page;
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('resetting a password and disabling an account are confirmed first', async ({ page }) => {
		await loginAs(page, 'admin');
		await openPerson(page, 'SF0031');
		// asking is not doing: the first click only shows what will happen
		await page.getByRole('link', { name: '重置密码' }).click();
		await expect(page.getByText(/确定要重置 .+ 的密码吗？/)).toBeVisible();
		await page.getByRole('link', { name: '取消' }).click();
		// back on the person's page (the question's page shows neither mark either)
		await expect(page.getByRole('link', { name: '停用账号' })).toBeVisible();
		await expect(page.getByText('下次登录须修改密码')).toHaveCount(0);
		await expect(page.getByText(/一次性密码：/)).toHaveCount(0);

		await page.getByRole('link', { name: '停用账号' }).click();
		await expect(page.getByText(/确定要停用 .+ 的账号吗？/)).toBeVisible();
		await expect(page.getByText('已停用', { exact: true })).toHaveCount(0);
		await page.getByRole('button', { name: '确认停用账号' }).click();
		await expect(page.getByText('已停用', { exact: true })).toBeVisible();
		// enabling again takes nothing from anyone: one click
		await page.getByRole('button', { name: '启用账号' }).click();
		// the page after the post (the disabled account's page has no 停用账号 to offer)
		await expect(page.getByRole('link', { name: '停用账号' })).toBeVisible();
		await expect(page.getByText('已停用', { exact: true })).toHaveCount(0);

		await page.getByRole('link', { name: '重置密码' }).click();
		await page.getByRole('button', { name: '确认重置密码' }).click();
		await expect(page.getByText(/一次性密码：[A-Za-z0-9]{10,}/)).toBeVisible();
	});
});

test('a one-time password opens nothing but the change-password page: pages, actions and the API', async ({
	page,
	browser
}) => {
	const admin = await adminPage(browser);
	const oneTime = await resetThroughPage(admin, 'SF0032');
	await admin.context().close();

	await loginAs(page, 'SF0032', oneTime);
	await expect(page).toHaveURL(/\/account\/password/);

	// pages, typed in the address bar
	for (const path of ['/', '/practice', '/laws', '/admin/people/1']) {
		await page.goto(path);
		await expect(page).toHaveURL(/\/account\/password$/);
	}
	// the API
	const api = await page.request.post('/api/v1/markdown', { data: { text: '**x**' } });
	expect(api.status()).toBe(403);
	expect(await api.json()).toEqual({ message: '请先修改一次性密码，再继续使用。' });
	// a form action, posted as a browser without JavaScript posts it: refused before it runs
	const origin = new URL(page.url()).origin;
	const action = await page.request.post('/practice?/start', {
		form: { mode: 'topic' },
		headers: { origin },
		maxRedirects: 0
	});
	expect(action.status()).toBe(303);
	expect(action.headers()['location']).toBe('/account/password');
	// and as an enhanced form posts it
	const enhanced = await page.request.post('/practice?/start', {
		form: { mode: 'topic' },
		headers: { origin, 'x-sveltekit-action': 'true' }
	});
	expect(await enhanced.json()).toEqual({
		type: 'redirect',
		status: 303,
		location: '/account/password'
	});

	// changing the password lifts the restriction
	await page.getByLabel('当前密码').fill(oneTime);
	await page.getByLabel('新密码', { exact: true }).fill('my own passphrase 7');
	await page.getByLabel('再次输入新密码').fill('my own passphrase 7');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('密码已修改')).toBeVisible();
	await page.goto('/practice');
	await expect(page).toHaveURL(/\/practice$/);
	// the API answers again, as to any cadre: the preview is the question editors' alone
	const after = await page.request.post('/api/v1/markdown', { data: { text: 'x' } });
	expect(after.status()).toBe(403);
	expect(await after.json()).toEqual({ message: '您无权访问此页面或执行此操作。' });
});
