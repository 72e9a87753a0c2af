import { expect, holdScripts, loginAs, test } from './helpers.ts';

const homes: [string, RegExp][] = [
	['admin', /审计日志|最近的变更/],
	['organiser', /管理范围/],
	['hr', /按任命方式统计/],
	['grader', /暂无待阅的答卷/],
	['cadre', /我的信息/]
];

for (const [username, marker] of homes) {
	test(`${username} logs in and sees their home`, async ({ page }) => {
		await loginAs(page, username);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('您好');
		await expect(page.locator('main')).toContainText(marker);
	});
}

test('a cadre opening an admin page gets 403', async ({ page }) => {
	await loginAs(page, 'cadre');
	const response = await page.goto('/admin/units');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
});

test('a cadre does not see admin links', async ({ page }) => {
	await loginAs(page, 'cadre');
	const nav = page.getByRole('navigation', { name: '主导航' });
	await expect(nav.getByRole('link', { name: '首页' })).toBeVisible();
	await expect(nav.getByRole('link', { name: '单位管理' })).toHaveCount(0);
});

test('a wrong password shows one neutral message', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('用户名（工号）').fill('admin');
	await page.getByLabel('密码', { exact: true }).fill('wrong-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
});

test('logging out ends the session', async ({ page }) => {
	await loginAs(page, 'hr');
	await page.getByRole('button', { name: '退出登录' }).click();
	await expect(page).toHaveURL(/\/login/);
	await page.goto('/');
	await expect(page).toHaveURL(/\/login/);
});

test('the language switch changes the UI and is remembered', async ({ page }) => {
	await loginAs(page, 'admin');
	await page.getByLabel('切换语言').selectOption('en');
	await expect(page.getByRole('link', { name: 'Units' })).toBeVisible();
	await page.goto('/admin/people');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('People and accounts');
	await page.getByLabel('Switch language').selectOption('zh-CN');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('人员与账号');
});

test('a language chosen before the page script arrives is applied when it does (slow phones)', async ({
	page
}) => {
	await loginAs(page, 'admin');
	const release = await holdScripts(page);
	await page.goto('/admin/people', { waitUntil: 'commit' });
	await page.getByLabel('切换语言').selectOption('en');
	release();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('People and accounts');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the login page works in English too', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a name typed before the page script arrives survives hydration (slow phones)', async ({
	page
}) => {
	const release = await holdScripts(page);
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByLabel('用户名（工号）').fill('cadre');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('用户名（工号）')).toHaveValue('cadre');
});
