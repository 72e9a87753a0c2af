import { readFileSync } from 'node:fs';
import { expect, loginAs, test } from './helpers.ts';

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

test('the administrator downloads the signed head and verifies the log against it later', async ({
	page
}) => {
	await loginAs(page, 'admin');
	await page.goto('/admin/audit');
	// the login just made is in the log, with a readable label
	await expect(page.getByRole('cell', { name: '登录', exact: true }).first()).toBeVisible();

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '下载当前链头（已签名）' }).click();
	const file = await (await download).path();
	const head = JSON.parse(readFileSync(file, 'utf8'));
	expect(head).toMatchObject({ format: 'xuefa-audit-head', version: 1 });
	expect(head.mac).toMatch(/^[0-9a-f]{64}$/);

	await page.getByLabel('用保存的链头校验（可选）').setInputFiles(file);
	await page.getByRole('button', { name: '校验日志完整性' }).click();
	await expect(page.getByRole('status')).toContainText(`您保存的第 ${head.seq} 条链头一致`);

	// a head whose numbers were edited is refused
	await page.getByLabel('用保存的链头校验（可选）').setInputFiles({
		name: 'edited.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ ...head, seq: head.seq - 1 }))
	});
	await page.getByRole('button', { name: '校验日志完整性' }).click();
	await expect(page.getByRole('status')).toContainText('不是本系统签发的');
});
