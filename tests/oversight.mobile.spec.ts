import type { Locator } from '@playwright/test';
import { cardsMisaligned, shadedEdges, sidewaysAt320 } from './a11y/reflow.ts';
import { expect, loginAs, test } from './helpers.ts';

/**
 * What a reader of a table of units would miss or misread on this screen: a unit's name or figure
 * that lies outside the screen's width (in a box to swipe sideways), or a figure labelled with
 * another column's header. Empty when every unit reads whole.
 */
function unitsOffScreen(table: Locator): Promise<string[]> {
	return table.evaluate((t) => {
		const width = document.documentElement.clientWidth;
		const headers = [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
		const found: string[] = [];
		for (const tr of t.querySelectorAll('tbody tr')) {
			const unit = tr.querySelector('th[scope="row"]')!.textContent!.trim();
			let column = 0;
			for (const cell of tr.querySelectorAll<HTMLTableCellElement>('th, td')) {
				const text = cell.textContent!.trim();
				const box = cell.getBoundingClientRect();
				if (box.width === 0 || box.left < 0 || box.right > width + 0.5)
					found.push(`${unit}: "${text}" at ${Math.round(box.left)}–${Math.round(box.right)} px`);
				const label = cell.dataset.label;
				if (cell.tagName === 'TD' && label !== headers[column])
					found.push(`${unit}: "${text}" labelled ${label}, its column is ${headers[column]}`);
				column += cell.colSpan;
			}
		}
		return found;
	});
}

/** Every unit of the table reads whole on this screen, its cards line up, the page stays in place. */
async function expectUnitsReadWhole(table: Locator) {
	await expect(table.getByRole('rowheader')).not.toHaveCount(0);
	expect(await unitsOffScreen(table)).toEqual([]);
	expect(await cardsMisaligned(table.page())).toBeNull();
	expect(await sidewaysAt320(table.page())).toBeNull();
}

const top = async (l: Locator) => (await l.boundingBox())!.y;

test('on a 390 px and a 320 px phone an organiser reads each unit’s name and figures without swiping sideways', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	for (const width of [390, 320]) {
		await page.setViewportSize({ width, height: 800 });
		await page.goto('/oversight');
		const units = page.getByRole('region', { name: '各单位对比' }).getByRole('table');
		await expectUnitsReadWhole(units);

		// a unit's own page: its row reads the same way
		const link = units.getByRole('link').first();
		const name = (await link.textContent())!.trim();
		await link.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} · 监督看板`);
		await expectUnitsReadWhole(page.getByRole('region', { name: '各单位对比' }).getByRole('table'));

		await page.goto('/oversight/assessment');
		const ranking = page.getByRole('region', { name: '年度考核' }).getByRole('table');
		await expectUnitsReadWhole(ranking);
		// a unit's card leads with what a ranking is read for: the unit, its rank, its score; then the
		// indicators behind the score
		const first = ranking.locator('tbody tr').first();
		const [unit, rank, score, indicator] = await Promise.all([
			top(first.getByRole('rowheader')),
			top(first.locator('td').first()),
			top(first.locator('td.score')),
			top(first.locator('td').nth(1))
		]);
		expect(unit).toBeLessThan(rank);
		expect(rank).toBeLessThan(score);
		expect(score).toBeLessThan(indicator);
	}
});

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
