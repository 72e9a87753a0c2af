import { expect, loginAs, test } from './helpers.ts';

// plain forms: the page works without JavaScript (an old phone browser) too
test.use({ javaScriptEnabled: false });

test('the district organiser sets the certificate settings with plain forms; a window ending before it starts is refused', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await page.goto('/exams/manage');
	await page.getByRole('link', { name: '证书设置' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('执法资格证书设置');

	await page.getByLabel('窗口开始日期').fill('2027-01-01');
	await page.getByLabel('窗口结束日期').fill('2026-12-31');
	// a part ticked on the refused form stays ticked (regression: the saved parts came back instead)
	const part = page.getByLabel('通用法律知识', { exact: true });
	await expect(part).not.toBeChecked();
	await part.check();
	await page.getByRole('button', { name: '保存设置' }).click();
	await expect(page.getByLabel('窗口结束日期')).toHaveAccessibleDescription(/窗口无效/);
	await expect(page.getByText('证书设置已保存。')).toHaveCount(0);
	await expect(part).toBeChecked();
	await part.uncheck();

	// a shorter expiring-soon notice touches no certificate another test relies on
	await page.getByLabel('窗口开始日期').fill('');
	await page.getByLabel('窗口结束日期').fill('');
	await page.getByLabel('到期前多少天提示“即将到期”').fill('60');
	await page.getByRole('button', { name: '保存设置' }).click();
	await expect(page.getByRole('status')).toHaveText('证书设置已保存。');
	await expect(page.getByLabel('到期前多少天提示“即将到期”')).toHaveValue('60');
	await expect(page.getByText('已改为本地取值')).toHaveCount(1);

	// a street organiser runs their own exams but not the district's certificate rules
	await page.context().clearCookies();
	await loginAs(page, 'street');
	await page.goto('/exams/manage');
	// no exam of their own yet: the page says what to do (it said only “暂无”)
	await expect(page.getByRole('status')).toHaveText(/还没有考试。点击“新建考试”/);
	await expect(page.getByRole('link', { name: '证书设置' })).toHaveCount(0);
	expect((await page.goto('/exams/certificates/settings'))?.status()).toBe(403);
});
