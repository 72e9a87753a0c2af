import { expect, test } from '@playwright/test';
import { loginAs } from './helpers.ts';

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
