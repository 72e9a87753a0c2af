import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, loginAs, test } from './helpers.ts';

const HEADERS = ['单位', '姓名', '工号', '职务', '职级', '任命方式', '状态', '角色'];

async function rosterFile(rows: string[][]): Promise<string> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('花名册');
	sheet.addRow(HEADERS);
	for (const row of rows) sheet.addRow(row);
	const file = join(mkdtempSync(join(tmpdir(), 'xuefa-roster-')), 'roster.xlsx');
	await workbook.xlsx.writeFile(file);
	return file;
}

const good = ['区司法局', '欧阳明远', 'E2E001', '科员', '科员', '非人大任命', '在职', '学员'];
const alsoGood = [
	'东城街道办事处',
	'司马晓雯',
	'E2E002',
	'法制员',
	'科员',
	'非人大任命',
	'在职',
	'学员'
];
const badRank = [
	'西湖街道办事处',
	'上官子墨',
	'E2E003',
	'科员',
	'处长级',
	'非人大任命',
	'在职',
	'学员'
];

test('a roster with one bad row shows the row error and imports nothing; the fixed file imports', async ({
	page
}) => {
	await loginAs(page, 'admin');
	await page.goto('/admin/roster');

	await page
		.getByLabel('花名册文件（.xlsx、.xls 或 .csv）')
		.setInputFiles(await rosterFile([good, alsoGood, badRank]));
	await page.getByRole('button', { name: '上传并预览' }).click();
	const errors = page.getByRole('alert');
	await expect(errors).toContainText('未导入任何数据');
	const errorRow = page.getByRole('row').filter({ hasText: '处长级' });
	await expect(errorRow.getByRole('cell').first()).toHaveText('4');
	await expect(errorRow).toContainText('职级');
	await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);

	// nothing at all was written, not even the good rows
	await page.goto('/admin/people?q=E2E00');
	await expect(page.getByText('没有符合条件的人员。')).toBeVisible();

	await page.goto('/admin/roster');
	const fixed = [...badRank.slice(0, 4), '科员', ...badRank.slice(5)];
	await page
		.getByLabel('花名册文件（.xlsx、.xls 或 .csv）')
		.setInputFiles(await rosterFile([good, alsoGood, fixed]));
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByText('新增 3 人，更新 0 人，无变化 0 人。')).toBeVisible();
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible();
	// the one-time passwords are shown once, one per new account
	await expect(page.getByRole('row').filter({ hasText: 'E2E003' })).toBeVisible();

	await page.goto('/admin/people?q=E2E00');
	await expect(page.getByRole('link', { name: '上官子墨' })).toBeVisible();
	await expect(page.getByRole('link', { name: '欧阳明远' })).toBeVisible();
});

test('re-importing the exported roster changes nothing', async ({ page }) => {
	await loginAs(page, 'hr');
	await page.goto('/admin/roster');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出花名册' }).click();
	const file = join(mkdtempSync(join(tmpdir(), 'xuefa-export-')), 'export.xlsx');
	await (await download).saveAs(file);
	await page.getByLabel('花名册文件（.xlsx、.xls 或 .csv）').setInputFiles(file);
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByText(/新增 0 人，更新 0 人，无变化 \d+ 人。/)).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the preview pages through its rows, and the import shows a page that refreshes itself until the result, with the passwords to download', async ({
		page
	}) => {
		await loginAs(page, 'admin');
		await page.goto('/admin/roster');
		const rows = Array.from({ length: 60 }, (_, i) => [
			'区司法局',
			`无脚本${i + 1}`,
			`NJS${String(i + 1).padStart(3, '0')}`,
			'科员',
			'科员',
			'非人大任命',
			'在职',
			'学员'
		]);
		await page
			.getByLabel('花名册文件（.xlsx、.xls 或 .csv）')
			.setInputFiles(await rosterFile(rows));
		await page.getByRole('button', { name: '上传并预览' }).click();
		await expect(page.getByText('新增 60 人，更新 0 人，无变化 0 人。')).toBeVisible();
		// a page of the rows at a time; the next one by a plain link, confirmed from there
		await expect(page.getByText('第 1–50 行（共 60 行）')).toBeVisible();
		await expect(page.getByRole('row').filter({ hasText: 'NJS051' })).toHaveCount(0);
		await page.getByRole('link', { name: '下一页' }).click();
		await expect(page).toHaveURL(/\?preview=[0-9a-f]{32}&page=2$/);
		await expect(page.getByText('第 51–60 行（共 60 行）')).toBeVisible();
		await expect(page.getByRole('row').filter({ hasText: 'NJS060' })).toBeVisible();
		await expect(page.getByText('新增 60 人，更新 0 人，无变化 0 人。')).toBeVisible();
		await page.getByRole('button', { name: '确认导入' }).click();

		// the job's own page (redirect after the post), refreshed by <meta http-equiv="refresh">
		await expect(page).toHaveURL(/\/admin\/roster\?job=[0-9a-f]{32}$/);
		await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible({ timeout: 20_000 });
		await expect(page.getByRole('row').filter({ hasText: 'NJS060' })).toBeVisible();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: '下载一次性密码（.xlsx）' }).click();
		const file = join(mkdtempSync(join(tmpdir(), 'xuefa-passwords-')), 'passwords.xlsx');
		await (await download).saveAs(file);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file);
		const usernames = workbook.worksheets[0]!.getColumn(3).values.filter(
			(v) => typeof v === 'string'
		);
		expect(usernames).toContain('NJS060');
	});
});
