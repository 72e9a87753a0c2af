import type { Page } from '@playwright/test';
import { cardsMisaligned, sidewaysAt320 } from './a11y/reflow.ts';
import {
	cadreSitsOnPhone,
	expect,
	loginAs,
	phoneContext,
	setUpPreAppointmentExam,
	test
} from './helpers.ts';

const TITLE = '2026年任前法律知识考试（手机阅卷）';

/** The page at 390 px and at 320 px: its cards line up and nothing scrolls sideways. */
async function expectFitsPhones(page: Page) {
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	for (const width of [390, 320]) {
		await page.setViewportSize({ width, height: 800 });
		expect(await cardsMisaligned(page), `${width} px`).toBeNull();
	}
	expect(await sidewaysAt320(page)).toBeNull();
}

test('the grader’s sittings and a sitting’s question analysis line up as cards on a 390 px and a 320 px phone', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	await loginAs(page, 'organiser');
	await setUpPreAppointmentExam(page, {
		bank: '手机阅卷题库',
		title: TITLE,
		sitting: '手机阅卷场',
		unit: '区市场监督管理局'
	});
	const sittingUrl = page.url();
	await (await cadreSitsOnPhone(browser, baseURL, TITLE)).context().close();

	// the sitting's results: each question's stem and its type read as one value
	await page.goto(sittingUrl);
	await expect(page.getByRole('heading', { name: '试题分析' })).toBeVisible();
	await expectFitsPhones(page);

	const grader = await (await phoneContext(browser, baseURL)).newPage();
	await loginAs(grader, 'grader');
	await grader.goto('/exams/grading');
	// the exam's title and its kind read as one value, not as two columns
	await expect(grader.locator('tbody tr').filter({ hasText: TITLE })).toBeVisible();
	await expectFitsPhones(grader);
});
