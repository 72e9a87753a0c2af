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
	// Chart.js fits the score chart to its box on the frame after the box shrank: asked again
	// until then (at once, the canvas could still be as wide as at 390 px)
	await expect.poll(() => sidewaysAt320(page)).toBeNull();
}

test('the grader’s sittings and a sitting’s question analysis line up as cards on a 390 px and a 320 px phone; a roster card shows no blank score line before its paper is in', async ({
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
	// on a 390 px card, someone who has not sat reads 未开始 and no empty 成绩, 是否合格 or 成绩单 line;
	// the cadre who handed in keeps them
	await page.setViewportSize({ width: 390, height: 800 });
	const rows = page.locator('tbody tr');
	const waiting = rows.filter({ hasText: '未开始' }).first();
	await expect(waiting).toBeVisible();
	for (const label of ['成绩', '是否合格', '成绩单'])
		await expect(waiting.locator(`td[data-label="${label}"]`)).toBeHidden();
	const sat = rows.filter({ hasText: 'SF0006' });
	await expect(sat.locator('td[data-label="成绩"]')).toHaveText(/^\d+(\.\d+)? \/ \d+/);
	await expect(sat.getByRole('link', { name: /成绩单/ })).toBeVisible();

	const grader = await (await phoneContext(browser, baseURL)).newPage();
	await loginAs(grader, 'grader');
	await grader.goto('/exams/grading');
	// the exam's title and its kind read as one value, not as two columns
	await expect(grader.locator('tbody tr').filter({ hasText: TITLE })).toBeVisible();
	await expectFitsPhones(grader);
});
