import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loginAs } from './helpers.ts';

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
