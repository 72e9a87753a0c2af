import { expect, loginAs, test } from './helpers.ts';

test('credits and a team’s attendance open on the year being assessed, and the other year is a choice away', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await page.goto('/study/credits?all=1');
	const year = page.getByLabel('年度', { exact: true });
	// this year first, then the years before it (the page's own list: no clock in the test)
	const years = await year.locator('option').allTextContents();
	const [thisYear, lastYear] = years as [string, string];
	expect(Number(lastYear)).toBe(Number(thisYear) - 1);
	// it opens on the year being assessed: last year in January and February, saying why, else this
	// year (the page's own choice: no clock in the test); the other one is a choice away
	const opened = await year.inputValue();
	expect([thisYear, lastYear]).toContain(opened);
	await expect(page.getByText(`${opened} 年，年度要求`)).toBeVisible();
	const hint = page.getByText(`年初正进行 ${lastYear} 年度的年终考核`);
	await expect(hint).toHaveCount(opened === lastYear ? 1 : 0);
	const other = opened === thisYear ? lastYear : thisYear;

	await year.selectOption(other);
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(new RegExp(`year=${other}`));
	await expect(page.getByText(`${other} 年，年度要求`)).toBeVisible();
	// the whole list stays on that year, and so does its download
	await page.getByRole('link', { name: '只看未达标人员' }).click();
	// the list being left said the year too, and had its own download: wait for the shorter list
	await expect(page).toHaveURL(new RegExp(`/study/credits\\?year=${other}$`));
	await expect(page.getByText(`${other} 年，年度要求`)).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	expect((await download).suggestedFilename()).toBe(`学分进度-${other}.xlsx`);

	// a team's attendance rate: the same year first, then the other
	await page.goto('/study/teams');
	await page.getByRole('link', { name: '区政府领导班子' }).first().click();
	await expect(page.getByRole('heading', { name: `${opened} 年出勤率` })).toBeVisible();
	await page.getByLabel('年度', { exact: true }).selectOption(other);
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page.getByRole('heading', { name: `${other} 年出勤率` })).toBeVisible();
});

test('next year’s plan starts empty and claims no progress', async ({ page }) => {
	await loginAs(page, 'organiser');
	await page.goto('/study/plans');
	const form = page.locator('form[action="?/create"]');
	const next = String(Number(await form.getByLabel('年度').inputValue()) + 1);
	await form
		.getByLabel('班子', { exact: true })
		.selectOption({ label: '区政府领导班子（示范区人民政府）' });
	await form.getByLabel('年度').fill(next);
	await form.getByLabel('计划名称').fill(`${next}年度区政府领导班子学法计划`);
	await form.getByRole('button', { name: '创建计划' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`${next}年度区政府领导班子学法计划`
	);
	const progress = page.getByRole('region', { name: '计划完成情况' });
	await expect(progress).toContainText('计划还没有条目');
	await expect(progress).not.toContainText('%');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('next year’s plan is started from this year’s, asked first, once', async ({ page }) => {
		await loginAs(page, 'organiser');
		await page.goto('/study/plans');
		// the demo team's published plan of the latest year (the page's own list: no clock in the test)
		const titles = await page
			.getByRole('row')
			.filter({ hasText: '已发布' })
			.getByRole('link', { name: /^\d{4}年度区政府领导班子学法计划$/ })
			.allTextContents();
		const year = Math.max(...titles.map((t) => Number(t.slice(0, 4))));
		const form = page.locator('form[action="?/create"]');
		await form
			.getByLabel('班子', { exact: true })
			.selectOption({ label: '区政府领导班子（示范区人民政府）' });
		await form.getByLabel('年度').fill(String(year + 1));
		await form.getByLabel('计划名称').fill(`${year + 1}年度班子学法计划（复制）`);
		await form.getByRole('button', { name: '创建计划' }).click();

		const copy = page.getByRole('region', { name: '复制上一年计划' });
		await expect(copy).toContainText(`复制 ${year} 年「${year}年度区政府领导班子学法计划」`);
		// asking is not doing
		await copy.getByRole('link', { name: '复制上一年计划' }).click();
		await expect(copy.getByText(`把 ${year} 年计划的`)).toBeVisible();
		await expect(page.getByText('计划还没有条目').first()).toBeVisible();
		await copy.getByRole('button', { name: '确认复制' }).click();

		await expect(page.getByRole('status').getByText('已复制上一年计划的条目')).toBeVisible();
		await expect(page.getByText('计划还没有条目')).toHaveCount(0);
		// every item moved into the new year
		const when = await page.locator('table.items tbody tr td:first-child').allTextContents();
		expect(when.length).toBeGreaterThan(0);
		expect(when.filter((w) => !w.startsWith(`${year + 1}-`))).toEqual([]);
		// offered only while the plan is empty
		await expect(page.getByRole('region', { name: '复制上一年计划' })).toHaveCount(0);
	});
});
