import { readFileSync } from 'node:fs';
import { createBank, expect, loginAs, questionWorkbook, test } from './helpers.ts';

const HEADER = ['编号', '题型', '题干', '选项A', '选项B', '选项C', '答案', '法律', '条款'];
const ROWS = [
	[
		'E2E-1',
		'单选',
		'行政机关应当在举行听证的几日前通知当事人？',
		'三日',
		'五日',
		'七日',
		'C',
		'行政处罚法',
		'第六十四条'
	],
	[
		'E2E-2',
		'多选',
		'下列属于行政处罚种类的有：',
		'警告',
		'罚款',
		'记过',
		'AB',
		'行政处罚法',
		'第九条'
	],
	[
		'E2E-3',
		'判断',
		'初次违法且危害后果轻微并及时改正的，可以不予行政处罚。',
		'',
		'',
		'',
		'对',
		'行政处罚法',
		'第三十三条'
	]
];

const workbook = (rows: string[][]) => questionWorkbook(HEADER, rows);

test('a bank of many questions of other types: the Aiken page counts them and lists the first 20, the rest a link away', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await createBank(page, 'Aiken 多选题库');
	const many = Array.from({ length: 23 }, (_, i) => [
		`AK-${i + 1}`,
		'多选',
		`第${i + 1}题：下列属于行政处罚种类的有：`,
		'警告',
		'罚款',
		'记过',
		'AB',
		'行政处罚法',
		'第九条'
	]);
	await page.getByRole('link', { name: '导入试题' }).click();
	await page.getByLabel('试题文件').setInputFiles(await workbook(many));
	await page.getByRole('button', { name: '上传并预览' }).click();
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('新增 23 道');
	await page.getByRole('link', { name: '返回题库' }).click();
	await page.getByRole('link', { name: '导出 Aiken' }).click();

	const left = page.getByRole('region', { name: '以下 23 道试题不会导出：' });
	await expect(left.getByRole('row').filter({ hasText: '多选' })).toContainText('23');
	await expect(left.getByRole('listitem')).toHaveCount(20);
	await left.getByRole('link', { name: '显示全部 23 道' }).click();
	await expect(page).toHaveURL(/[?&]all=1/);
	await expect(left.getByRole('listitem')).toHaveCount(23);
	await left.getByRole('link', { name: '只显示前 20 道' }).click();
	await expect(left.getByRole('listitem')).toHaveCount(20);
});

test('an organiser imports questions, fixes a bad row, finds a question and edits it', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await createBank(page, '执法人员练习题库');

	await page.getByRole('link', { name: '导入试题' }).click();
	const bad = ROWS.map((r) => [...r]);
	bad[1]![6] = 'E'; // row 3: no option E
	await page.getByLabel('试题文件').setInputFiles(await workbook(bad));
	await page.getByRole('button', { name: '上传并预览' }).click();
	// the problems come first; the good rows import only if the organiser says so
	const errors = page.getByRole('table').first();
	await expect(errors).toContainText('第3行');
	await expect(page.getByText('没有导入任何试题')).toBeVisible();
	await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: '跳过有问题的试题，导入其余 2 道' })).toBeVisible();

	await page.getByLabel('试题文件').setInputFiles(await workbook(ROWS));
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByText('共 3 道试题：新增 3 道')).toBeVisible();
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('新增 3 道');

	await page.getByRole('link', { name: '返回题库' }).click();
	await expect(page.getByText('共 3 道')).toBeVisible();
	// Aiken beside GIFT: the single choice goes in the file, the others are listed with why not
	await page.getByRole('link', { name: '导出 Aiken' }).click();
	await expect(page.getByText('将导出 1 道单选题。')).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: '多选' })).toContainText('不是单选题');
	await expect(page.getByRole('listitem').filter({ hasText: 'E2E-2' })).toContainText(
		'只能容纳单选题'
	);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '下载 Aiken 文件（.txt）' }).click();
	expect((await download).suggestedFilename()).toMatch(/^题库导出-\d+-Aiken\.txt$/);
	await page.getByRole('link', { name: '← 执法人员练习题库' }).click();
	// GIFT too says what it holds before the download
	await page.getByRole('link', { name: '导出 GIFT' }).click();
	await expect(page.getByText('将导出 3 道试题。')).toBeVisible();
	const gift = page.waitForEvent('download');
	await page.getByRole('link', { name: '下载 GIFT 文件（.gift）' }).click();
	expect((await gift).suggestedFilename()).toMatch(/^题库导出-\d+\.gift$/);
	await page.getByRole('link', { name: '← 执法人员练习题库' }).click();
	await page.getByLabel('关键词').fill('听证的几日前');
	await page.getByRole('button', { name: '搜索' }).click();
	const results = page.getByRole('table');
	await expect(results.getByRole('row')).toHaveCount(2); // header + one question
	await results.getByRole('link', { name: /听证的几日前/ }).click();

	await page
		.getByLabel('题干', { exact: true })
		.fill('当事人要求听证的，行政机关应当在举行听证的几日前通知？');
	await page.getByRole('button', { name: '保存试题' }).click();
	await expect(page.getByText('已保存为第 2 版')).toBeVisible();
	await page.getByRole('link', { name: /历史版本/ }).click();
	const history = page.getByRole('table');
	await expect(history.getByRole('row')).toHaveCount(3);
	await history.getByRole('link', { name: '查看第 1 版' }).click();
	await expect(page.getByRole('heading', { name: /第 1 版/ })).toBeVisible();
	await expect(page.locator('main')).toContainText('行政机关应当在举行听证的几日前通知当事人？');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the editor switches type, adds an option, shows errors and a preview, and saves', async ({
		page
	}) => {
		await loginAs(page, 'organiser');
		await createBank(page, '无脚本题库');
		await page.getByRole('link', { name: '新建试题' }).click();

		await page.getByLabel('题型', { exact: true }).selectOption('multiple');
		await page.getByRole('button', { name: '切换题型' }).click();
		await expect(page.getByText('选项（勾选所有正确答案）')).toBeVisible();
		await page.getByLabel('题干', { exact: true }).fill('下列属于**行政处罚**的有：');
		await page.getByRole('button', { name: '添加选项' }).click();
		await expect(page.getByLabel('E', { exact: true })).toBeVisible();
		await page.getByLabel('A', { exact: true }).fill('警告');
		await page.getByLabel('B', { exact: true }).fill('罚款');
		await page.getByRole('button', { name: '保存试题' }).click();
		await expect(page.getByText('多选题至少需要1个正确选项')).toBeVisible();

		await page.getByRole('button', { name: '预览' }).click();
		await expect(page.locator('.preview strong')).toHaveText('行政处罚');
		await page.getByLabel('选项 A 为正确答案').check();
		await page.getByLabel('选项 B 为正确答案').check();
		await page.getByLabel('法律 1').fill('行政处罚法');
		await page.getByLabel('条款 1').fill('第九条');
		await page.getByRole('button', { name: '保存试题' }).click();
		await expect(page.getByText('已保存为第 1 版')).toBeVisible();
		await expect(page.getByLabel('条款 1')).toHaveValue('第九条');
	});
});

test('imported questions wait as drafts until the organiser marks the reviewed ones ready', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await page.goto('/banks');
	await page.getByLabel('题库名称').fill('待审核题库');
	await page.getByRole('button', { name: '创建题库' }).click();
	await page.getByRole('link', { name: '导入试题' }).click();
	await page.getByLabel('试题文件').setInputFiles(await workbook(ROWS));
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByLabel(/作为草稿导入/)).toBeChecked();
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByText('新建和修改的试题是草稿')).toBeVisible();

	await page.getByRole('link', { name: '查看待审核的试题' }).click();
	await expect(page.getByRole('link', { name: '待审核 3 道' })).toBeVisible();
	await expect(page.getByRole('link', { name: '已审核 0 道' })).toBeVisible();
	await page.getByRole('checkbox').first().check();
	await page.getByRole('checkbox').nth(1).check();
	await page.getByRole('button', { name: '标记为已审核' }).click();
	await expect(page.getByText('2 道试题已标记为已审核。')).toBeVisible();
	await expect(page.getByRole('link', { name: '已审核 2 道' })).toBeVisible();
	await expect(page.getByRole('link', { name: '待审核 1 道' })).toBeVisible();
});

test('a file with a 2,000-character name imports on a phone: its name wraps, and is kept bounded with its extension', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await loginAs(page, 'organiser');
	await createBank(page, '长文件名题库');
	await page.getByRole('link', { name: '导入试题' }).click();
	const name = `${'a'.repeat(2000)}.xlsx`;
	await page.getByLabel('试题文件').setInputFiles({
		name,
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: readFileSync(await workbook(ROWS))
	});
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByText('共 3 道试题：新增 3 道')).toBeVisible();
	const sideways = () =>
		page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(await sideways()).toBeLessThanOrEqual(0);
	await page.getByRole('button', { name: '确认导入' }).click();
	const done = page.getByRole('status').filter({ hasText: '已导入' });
	await expect(done).toContainText('新增 3 道');
	// the job's page shows the name as it was kept: its beginning, then its extension
	const kept = /已导入 (a+…\.xlsx)：/.exec((await done.textContent()) ?? '')?.[1];
	expect(kept?.length).toBe(100);
	expect(await sideways()).toBeLessThanOrEqual(0);
});
