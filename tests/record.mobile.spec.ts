import { sidewaysAt320 } from './a11y/reflow.ts';
import { expect, loginAs, test } from './helpers.ts';

test.use({ viewport: { width: 320, height: 640 } });

test('a cadre’s record on a 320 px phone: no number or short word split across lines, the tables scroll in their box', async ({
	page
}) => {
	await loginAs(page, 'cadre');
	await page.goto('/account/record');
	const credits = page.getByRole('region', { name: '年度学分' }).getByRole('table');
	await expect(credits).toBeVisible();
	// the year 2026 read as 20 / 26, a total of 12 as 1 / 2
	const split = await page.locator('table.ruled').evaluateAll((tables) =>
		tables.flatMap((table) =>
			[...table.querySelectorAll('th, td')]
				.filter((cell) => /^(\d+(\.\d+)?|\S{1,4})$/.test((cell.textContent ?? '').trim()))
				.filter((cell) => {
					const range = document.createRange();
					range.selectNodeContents(cell);
					const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
					return lines.size > 1;
				})
				.map((cell) => (cell.textContent ?? '').trim())
		)
	);
	expect(split).toEqual([]);
	expect(await sidewaysAt320(page)).toBeNull();
	// a box that scrolls is reached and scrolled by the keyboard too
	const box = page.getByRole('group', { name: '年度学分' });
	await box.focus();
	await expect(box).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
