import type { Locator, Page } from '@playwright/test';
import { expect, loginAs, test } from './helpers.ts';

/** The box of each control, rounded to whole pixels, with its name for the failure message. */
async function boxes(controls: Locator) {
	return controls.evaluateAll((els) =>
		els.map((el) => {
			const r = el.getBoundingClientRect();
			const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20);
			return { name, width: Math.round(r.width), height: Math.round(r.height) };
		})
	);
}

/** The controls smaller than `min` px either way (none: every one is a comfortable target). */
async function smallerThan(controls: Locator, min: number) {
	expect(await controls.count()).toBeGreaterThan(0);
	return (await boxes(controls)).filter((b) => b.width < min || b.height < min);
}

/** The header's account link, logout button and language menu: on every page. */
const header = (page: Page) =>
	page.locator('header .user').locator('a, button, select').filter({ visible: true });

for (const width of [320, 390]) {
	test.describe(`on a ${width} px touch screen`, () => {
		test.use({ viewport: { width, height: 740 } });

		test('a cadre’s header, study menu and practice answers are targets of at least 44 × 44 px', async ({
			page
		}) => {
			// a cadre of the demo other than `cadre`, whose practice other specs count on
			await loginAs(page, 'SF0040');
			expect(await smallerThan(header(page), 44)).toEqual([]);
			await page.goto('/study');
			const studyMenu = page.getByRole('navigation', { name: '学法导航' }).getByRole('link');
			expect(await smallerThan(studyMenu, 44)).toEqual([]);
			// a question's options and the flag are whole labels a finger can hit; a blank's or an
			// essay's field is hit itself (its label above it is a caption, not a target)
			await page.goto('/practice');
			await page
				.getByRole('region', { name: '按题库练习' })
				.getByRole('button', { name: '开始' })
				.click();
			await expect(page).toHaveURL(/\/practice\/s\//);
			const answers = page
				.locator('main form')
				.locator(
					'label:has(input), input:not([type=hidden], [type=radio], [type=checkbox]), textarea'
				)
				.filter({ visible: true });
			expect(await smallerThan(answers, 44)).toEqual([]);
		});

		test('the admin’s people list is two short lines a person, the name and record links 24 px or more', async ({
			page
		}) => {
			await loginAs(page, 'admin');
			await page.goto('/admin/people');
			const rows = page.locator('tbody tr');
			await expect(rows.first()).toBeVisible();
			const heights = (await boxes(rows)).map((b) => b.height);
			// name and record, then number · unit · account (seven labelled lines made some 200 px):
			// post, rank and route are on the person's page, a tap away
			expect(Math.max(...heights)).toBeLessThanOrEqual(100);
			await expect(rows.first().locator('td').nth(3)).toBeHidden();
			expect(await smallerThan(rows.getByRole('link'), 24)).toEqual([]);
			expect(await smallerThan(page.locator('.heading').getByRole('link'), 44)).toEqual([]);
		});
	});
}
