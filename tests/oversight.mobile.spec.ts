import { shadedEdges } from './a11y/reflow.ts';
import { expect, loginAs, test } from './helpers.ts';

test('on a tablet the units’ table scrolls in its box, shaded on the side where more columns are', async ({
	page
}) => {
	await page.setViewportSize({ width: 768, height: 1024 });
	await loginAs(page, 'organiser');
	await page.goto('/oversight');
	// the section and the scroll box in it share the name
	const box = page.getByRole('region', { name: '各单位对比' }).locator('.table-wrap');
	await box.scrollIntoViewIfNeeded();
	expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	expect(await shadedEdges(box)).toEqual({ left: false, right: true });
	await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
	expect(await shadedEdges(box)).toEqual({ left: true, right: false });
});
