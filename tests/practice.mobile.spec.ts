import { PRACTICE_BANK, seedPracticeBank } from './fixtures/practice-seed.ts';
import { expect, loginAs, test } from './helpers.ts';

test.beforeAll(seedPracticeBank);

const overflow = (page: import('@playwright/test').Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('practice fits a phone and its answers are big touch targets', async ({ page }) => {
	await loginAs(page, 'hr');
	await page.goto('/practice');
	expect(await overflow(page)).toBeLessThanOrEqual(0);
	const byBank = page.getByRole('region', { name: '按题库练习' });
	await byBank.getByLabel('题库').selectOption({ label: `${PRACTICE_BANK}（3 题）` });
	await byBank.getByRole('button', { name: '开始' }).click();
	await expect(page.getByRole('button', { name: '提交答案' })).toBeVisible();
	expect(await overflow(page)).toBeLessThanOrEqual(0);
	const choices = page.locator('label.option');
	if ((await choices.count()) > 0) {
		const box = await choices.first().boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(44);
	}
	const submit = await page.getByRole('button', { name: '提交答案' }).boundingBox();
	expect(submit!.height).toBeGreaterThanOrEqual(44);
});
