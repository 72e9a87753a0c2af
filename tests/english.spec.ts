import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './helpers.ts';

/** Logs in (the form is in Chinese until the language is chosen), then reads in English. */
async function inEnglish(page: Page, username: string, baseURL: string) {
	await loginAs(page, username);
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL }]);
}

test('an English question page names the cited articles “Article 27”, not 第二十七条', async ({
	page,
	baseURL
}) => {
	await inEnglish(page, 'organiser', baseURL!);
	// the demo bank's first question cites 《宪法》第二十七条 and 《公务员法》第九条
	await page.goto('/banks/1/questions/1?tab=history&version=1');
	const cited = page.getByText(/^Cited articles:/);
	await expect(cited).toHaveText('Cited articles: 《宪法》Article 27; 《公务员法》Article 9');
	await expect(cited).not.toContainText('条');
});

test('the English oath register counts days as English does: “25 days left”, never “day(s)”', async ({
	page,
	baseURL
}) => {
	await inEnglish(page, 'hr', baseURL!);
	await page.goto('/hr/oaths');
	// the demo congress appointment of five days ago: due within thirty days
	const row = page.getByRole('row').filter({ hasText: '区司法局局长' });
	await expect(row).toContainText(/Due, \d+ days left \(deadline \d{4}-\d\d-\d\d\)/);
	await expect(page.locator('main')).not.toContainText('(s)');
});
