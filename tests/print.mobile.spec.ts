import type { Page } from '@playwright/test';
import { cadreSitsOnPhone, expect, loginAs, setUpPreAppointmentExam, test } from './helpers.ts';

/** Printing is what these pages are for: on a phone its button is a full-size touch target. */
async function expectPrintTarget(page: Page, name: string) {
	const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
	expect(box.height).toBeGreaterThanOrEqual(44);
	expect(box.width).toBeGreaterThanOrEqual(44);
}

test('a cadre prints a certificate from a phone with a full-size button', async ({
	page,
	browser,
	baseURL
}) => {
	const title = '2026年任前法律知识考试（打印）';
	await loginAs(page, 'organiser');
	await setUpPreAppointmentExam(page, {
		bank: '打印证书题库',
		title,
		sitting: '打印场',
		unit: '区市场监督管理局'
	});
	const cadre = await cadreSitsOnPhone(browser, baseURL, title);
	await cadre.getByRole('link', { name: '查看合格证书' }).click();
	await expect(cadre.getByRole('heading', { name: '合格证书' })).toBeVisible();
	await expectPrintTarget(cadre, '打印');
	await cadre.context().close();
});

test('an organiser prints a study plan from a phone with a full-size button', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await loginAs(page, 'organiser');
	await page.goto('/study/plans');
	await page.locator('main a[href^="/study/plans/"]').first().click();
	await page.locator('main a[href$="/print"]').click();
	// the plan's page has the same heading: wait for the print page
	await expect(page).toHaveURL(/\/study\/plans\/\d+\/print$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectPrintTarget(page, '打印');
});
