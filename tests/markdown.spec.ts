import { createBank, expect, loginAs, test } from './helpers.ts';

// Issue 8.4 and 9.12: Markdown as legal text needs it, bounded, and the live preview shows what
// learners will see.

test('the editor renders legal text as learners see it and refuses Markdown nested too deeply', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await createBank(page, '法条文本题库');
	await page.getByRole('link', { name: '新建试题' }).click();

	const stem = '依据**《行政处罚法》**第三条，听证委员会由3~7人组成，任期5~9年';
	await page.getByLabel('题干', { exact: true }).fill(stem);
	const preview = page.getByLabel('题干预览');
	await expect(preview.locator('strong')).toHaveText('《行政处罚法》');
	await expect(preview).toContainText('由3~7人组成，任期5~9年');
	await expect(preview.locator('del')).toHaveCount(0);
	const live = await preview.innerHTML();

	await page.getByLabel('A', { exact: true }).fill('正确');
	await page.getByLabel('B', { exact: true }).fill('错误');
	await page.getByLabel('选项 A 为正确答案').check();
	// regression: an explanation nested 5,000 levels deep was saved and broke the feedback page
	await page.getByLabel('解析', { exact: true }).fill('>'.repeat(5000) + ' 引文');
	await page.getByRole('button', { name: '保存试题' }).click();
	await expect(page.getByText('嵌套过深：列表、引用或强调最多嵌套20层')).toBeVisible();

	// a text that starts with an HTML tag is still Markdown
	await page.getByLabel('解析', { exact: true }).fill('<p>参见 **第三条**</p>');
	await expect(page.getByLabel('解析预览').locator('strong')).toHaveText('第三条');
	await page.getByRole('button', { name: '保存试题' }).click();
	await expect(page.getByText('已保存为第 1 版')).toBeVisible();

	await page.getByRole('link', { name: /历史版本/ }).click();
	await page.getByRole('link', { name: '查看第 1 版' }).click();
	const saved = page.locator('.stem');
	await expect(saved.locator('strong')).toHaveText('《行政处罚法》');
	expect(await saved.innerHTML()).toBe(live);
});
