import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, loginAs, test } from './helpers.ts';

function file(name: string, content: string | Uint8Array): string {
	const path = join(mkdtempSync(join(tmpdir(), 'xuefa-import-')), name);
	writeFileSync(path, content);
	return path;
}

async function newBank(page: Page, name: string) {
	await loginAs(page, 'organiser');
	await page.goto('/banks');
	await page.getByLabel('题库名称').fill(name);
	await page.getByRole('button', { name: '创建题库' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	await page.getByRole('link', { name: '导入试题' }).click();
}

async function upload(page: Page, path: string) {
	await page.getByLabel('试题文件').setInputFiles(path);
	await page.getByRole('button', { name: '上传并预览' }).click();
}

test('a GIFT file with a repeated [id:…]: the line is shown and the rest imports when confirmed', async ({
	page
}) => {
	await newBank(page, 'GIFT 题库');
	const gift = [
		'// [tag:宪法宣誓] [id:XS-1]',
		'::宣誓:: 宪法宣誓制度由宪法第二十七条规定。{T}',
		'',
		'::听证:: [plain]听证应当在举行 *几日* 前通知？{~三日 =七日 ~十日}',
		'',
		'// [id:XS-1]',
		'::宣誓二:: 重复的编号 {F}'
	].join('\n');
	await upload(page, file('题库.gift', gift));
	const problems = page.getByRole('table').first();
	await expect(problems).toContainText('7');
	await expect(problems).toContainText('已在第2行用过');
	await page.getByRole('button', { name: '跳过有问题的试题，导入其余 2 道' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('新增 2 道');
	await page.getByRole('link', { name: '返回题库' }).click();
	// [plain] text shows as typed, never as emphasis
	await page.getByRole('link', { name: /听证应当在举行/ }).click();
	await expect(page.getByLabel('题干预览')).toHaveText('听证应当在举行 *几日* 前通知？');
});

test('other platforms’ workbooks: unknown columns are asked about, a sheet per type is read, then the file imports', async ({
	page
}) => {
	await newBank(page, '外部平台题库');
	const wb = new ExcelJS.Workbook();
	const sheet = wb.addWorksheet('试题');
	sheet.addRow(['试题类型', '考查内容', '出题人', 'A', 'B', 'C', '正确答案', '难易程度']);
	sheet.addRow([
		'单项选择题',
		'听证由谁主持？',
		'张三',
		'调查人员以外的人员',
		'调查人员',
		'当事人',
		'A',
		'易'
	]);
	// a sheet per type, named for it, without a 题型 column; and a sheet of notes
	const truefalse = wb.addWorksheet('二、判断题');
	truefalse.addRow(['题干', '答案']);
	truefalse.addRow(['行政机关应当依法行政。', '对']);
	truefalse.addRow(['可以口头作出任何罚款决定。', '也许']);
	wb.addWorksheet('填写说明').addRow(['答案填写“对”或“错”']);
	await upload(page, file('外部.xlsx', new Uint8Array(await wb.xlsx.writeBuffer())));
	await expect(page.getByRole('heading', { name: '这些列是什么？' })).toBeVisible();
	await page.getByLabel('考查内容').selectOption('题干');
	await page.getByLabel('出题人').selectOption('');
	await page.getByRole('button', { name: '按所选读取文件' }).click();
	// the problem says its sheet; the notes were not read, and the preview says so
	await expect(page.getByRole('table').first()).toContainText('二、判断题 第 3 行');
	await expect(page.getByText('未读取：填写说明')).toBeVisible();
	await page.getByRole('button', { name: '跳过有问题的试题，导入其余 2 道' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('新增 2 道');
});

test('an empty file and a file over the limit get their own messages', async ({ page }) => {
	await newBank(page, '限制题库');
	await upload(page, file('空.csv', ''));
	await expect(page.getByRole('alert').first()).toContainText('所选文件是空的（0 字节）');
	await upload(page, file('大.csv', new Uint8Array(7 * 1024 * 1024).fill(0x41)));
	await expect(page.getByRole('alert').first()).toContainText('文件超过 5 MB 的上限');
});

test('a CSV renamed .txt with the template’s example row: read as a table, the example named, statute text shown as written', async ({
	page
}) => {
	await newBank(page, '法条题库');
	const csv = [
		'题型,题干,选项A,选项B,答案',
		'单选题,例：听证应当在几日前通知？,三日,七日,B',
		'单选题,"依照下列规定作答：\n1. 罚款*\n# <注>",三日,七日,B'
	].join('\r\n');
	await upload(page, file('导出题库.txt', csv));
	await expect(page.getByText('按表格读取（Excel/CSV 的列）。')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: '模板的示例' })).toContainText('第2行');
	await expect(page.getByRole('table')).toContainText('依照下列规定作答：1. 罚款*# <注>');
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('新增 1 道');
	await page.getByRole('link', { name: '返回题库' }).click();
	await page.getByRole('link', { name: /依照下列规定作答/ }).click();
	// no numbered list, heading or tag: the lines as the file had them
	const stem = page.getByLabel('题干预览');
	await expect(stem).toHaveText(/依照下列规定作答：\s*1\. 罚款\*\s*# <注>/);
	await expect(stem.locator('ol, h1, em')).toHaveCount(0);
});
