import { expect, loginAs, test } from './helpers.ts';

test('a cadre on a phone gets a usable home', async ({ page }) => {
	await loginAs(page, 'cadre');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: '我的信息' })).toBeInViewport();
	// nothing wider than the screen
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

const SECTIONS = ['首页', '法律法规', '单位管理', '人员与账号', '花名册导入导出', '审计日志'];

/** Every main section is a link the person can see, whole, inside the screen. */
async function expectAllSectionsOnScreen(page: import('@playwright/test').Page) {
	const nav = page.getByRole('navigation', { name: '主导航' });
	const width = page.viewportSize()!.width;
	for (const name of SECTIONS) {
		const link = nav.getByRole('link', { name, exact: true });
		await expect(link).toBeVisible();
		const box = (await link.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(width);
	}
}

test('on a 320 px phone a menu button opens every section, by keyboard too', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 720 });
	await loginAs(page, 'admin');
	const nav = page.getByRole('navigation', { name: '主导航' });
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);
	const menu = nav.getByText('菜单');
	await expect(menu).toBeVisible();
	await expect(menu).toContainText('首页'); // where the person is
	await expect(nav.getByRole('link', { name: '审计日志' })).toBeHidden();
	// keyboard: focus the button, open with Enter, then Tab through the sections
	await menu.focus();
	await page.keyboard.press('Enter');
	await expectAllSectionsOnScreen(page);
	await page.keyboard.press('Tab');
	await expect(nav.getByRole('link', { name: '首页', exact: true })).toBeFocused();
	await nav.getByRole('link', { name: '审计日志' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('审计日志');
	// the menu closes once the page opens
	await expect(nav.getByRole('link', { name: '单位管理' })).toBeHidden();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the phone menu opens and leads to every section', async ({ page }) => {
		await loginAs(page, 'admin');
		await page.getByRole('navigation', { name: '主导航' }).getByText('菜单').click();
		await expectAllSectionsOnScreen(page);
		await page
			.getByRole('navigation', { name: '主导航' })
			.getByRole('link', { name: '人员与账号' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('人员与账号');
	});
});
