import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, loginAs, test } from './helpers.ts';

test('an organiser reads the district dashboard, drills into a unit, and exports the assessment', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await page.getByRole('link', { name: '监督看板' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('监督看板');
	// the demo's held sessions with attendance show in the totals, linked to the calendar behind them
	const attendance = page.getByRole('link', { name: '出勤率', exact: true });
	await expect(attendance).toHaveAttribute('href', '/study/calendar');
	const units = page.getByRole('region', { name: '各单位对比' });
	const first = units.getByRole('link').first();
	const unitName = (await first.textContent())!.trim();
	await first.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(unitName);
	// the unit's assessment keeps the unit when a year is chosen (a plain GET form)
	await page.getByRole('link', { name: '年度考核' }).click();
	// the unit's page has a year choice too: wait for the assessment before using the form
	await expect(page).toHaveURL(/\/oversight\/assessment\?(.*&)?unit=\d+/);
	const choice = page.getByRole('form', { name: '选择年度' });
	const year = choice.getByLabel('年度', { exact: true });
	const shown = await year.inputValue();
	const other = (await year.locator('option').allTextContents()).find((y) => y !== shown) ?? shown;
	await year.selectOption(other);
	await choice.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(new RegExp(`year=${other}`));
	await expect(page).toHaveURL(/[?&]unit=\d+/);
	// and back to the year with the demo's figures, which the rest of this test reads
	await year.selectOption(shown);
	await choice.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(new RegExp(`year=${shown}`));
	await expect(page.locator('main')).toContainText(unitName);
	await page.getByRole('link', { name: '返回监督看板' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(unitName);
	const up = page.getByRole('link', { name: '返回上一级' });
	const upHref = (await up.getAttribute('href'))!;
	await up.click();
	// this unit's page links to its own assessment by the same name: the page above it first
	await expect(page).toHaveURL(upHref);

	await page.getByRole('link', { name: '年度考核' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('年度法治建设考核');
	const top = page.getByRole('region', { name: '年度考核' }).locator('tbody tr').first();
	const topUnit = (await top.getByRole('rowheader').textContent())!.trim();
	const topScore = (await top.locator('td.score').textContent())!.trim();

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	const file = join(mkdtempSync(join(tmpdir(), 'xuefa-e2e-')), 'assessment.xlsx');
	await (await download).saveAs(file);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(file);
	const sheet = wb.worksheets[0]!;
	expect(String(sheet.getCell('A1').value)).toMatch(/年度法治建设考核结果$/);
	const headers = (sheet.getRow(2).values as unknown[]).slice(1);
	expect(headers.slice(0, 3)).toEqual(['名次', '单位', '学法计划完成率（%）']);
	expect(headers.at(-2)).toBe('法治建设考核得分');
	expect(headers.at(-1)).toBe('折合年度考核得分（占 4%）');
	expect(sheet.getCell('A3').value).toBe(1);
	expect(sheet.getCell('B3').value).toBe(topUnit);
	expect(Number(sheet.getRow(3).getCell(headers.length - 1).value).toFixed(2)).toBe(topScore);
});

test('a cadre may not open the oversight pages', async ({ page }) => {
	await loginAs(page, 'cadre');
	await expect(page.getByRole('link', { name: '监督看板' })).toHaveCount(0);
	const response = await page.goto('/oversight/assessment');
	expect(response?.status()).toBe(403);
});

test('an administrator sets the rule-of-law share: a bad value is refused in words, a good one saved', async ({
	page
}) => {
	await loginAs(page, 'admin');
	await page.goto('/oversight/assessment');
	await expect(page.getByText('默认 20（本地选择，无官方依据）')).toBeVisible();
	const share = page.getByLabel('法治建设在年度考核中的占比（%）', { exact: true });
	await share.fill('0');
	await page.getByRole('button', { name: '保存权重' }).click();
	await expect(page.locator('#f-sharePercent-error')).toHaveText('格式不正确。');
	await page.getByLabel('法治建设在年度考核中的占比（%）', { exact: true }).fill('5');
	await page.getByRole('button', { name: '保存权重' }).click();
	await expect(page.getByText('已保存考核权重与占比。')).toBeVisible();
	await expect(page.getByRole('columnheader', { name: '折合年度考核得分（占 5%）' })).toBeVisible();
});
