import { contrast, headerRings } from './a11y/focus-ring.ts';
import { expect, loginAs, test } from './helpers.ts';

for (const width of [1366, 390]) {
	test(`at ${width} px every focus ring in the red header shows whole, at 3:1 or more`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 800 });
		await loginAs(page, 'admin');
		const rings = await headerRings(page);
		// the skip link, the brand, account, logout, language, and the sections (or the menu)
		expect(rings.length).toBeGreaterThanOrEqual(width > 800 ? 12 : 13);
		const poor = rings
			.map((r) => ({ ...r, ratio: Math.round(contrast(r.ring, r.against) * 100) / 100 }))
			.filter((r) => r.ratio < 3 || !r.whole);
		expect(poor).toEqual([]);
	});
}

test('after an answer is sent, focus is on the result and the next question is one Tab away', async ({
	page
}) => {
	// a cadre of the demo district other than `cadre`, whose practice history other specs count
	await loginAs(page, 'SF0030');
	await page.goto('/practice');
	const byBank = page.getByRole('region', { name: '按题库练习' });
	await byBank.getByLabel('题库').selectOption({ index: 0 });
	await byBank.getByRole('button', { name: '开始' }).click();
	await page.getByRole('button', { name: '提交答案' }).press('Enter');
	await expect(page).toHaveURL(/\/practice\/s\/\d+\/a\/\d+$/);
	const result = page.locator('#result');
	await expect(result).toBeFocused();
	await expect(result).toContainText(/回答(正确|错误)|部分正确/);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: '下一题' })).toBeFocused();
});
