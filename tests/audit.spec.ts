import { expect, test } from '@playwright/test';
import { loginAs } from './helpers.ts';

test('the audit log reads as words in Chinese and in English, never JSON or codes', async ({
	page
}) => {
	await loginAs(page, 'admin');
	await page.goto('/admin/units');
	await page.getByLabel('单位名称').fill('审计测试科');
	await page.getByLabel('单位类型').selectOption({ label: '局（部门）' });
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('status')).toContainText('单位已创建');

	await page.goto('/admin/audit');
	const row = page.getByRole('row').filter({ hasText: '审计测试科' }).first();
	await expect(row).toContainText('新建单位');
	await expect(row).toContainText('单位 #');
	await expect(row).toContainText('名称：审计测试科');
	await expect(row).toContainText('类型：局（部门）');
	await expect(row.getByText(/^上级单位：/)).not.toContainText('#');
	const table = page.getByRole('table');
	await expect(table).not.toContainText('{');
	await expect(table).not.toContainText('unit.created');
	await expect(table).not.toContainText('parentId');

	await page.getByLabel('切换语言').selectOption('en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
	const enRow = page.getByRole('row').filter({ hasText: '审计测试科' }).first();
	await expect(enRow).toContainText('Unit created');
	await expect(enRow).toContainText('Unit #');
	await expect(enRow).toContainText('Name: 审计测试科');
	await expect(enRow).toContainText('Kind: Bureau');
	// no Chinese punctuation around the English words
	await expect(enRow).not.toContainText('：');
	await page.getByLabel('Switch language').selectOption('zh-CN');
});
