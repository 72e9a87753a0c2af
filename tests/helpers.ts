import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect } from './a11y/fixture.ts';

// Specs take `test` and `expect` from here: the `test` checks every page it visits with axe-core.
export { expect, test } from './a11y/fixture.ts';

export const DEMO_PASSWORD = 'xuefa2026';

/** Logs in through the form, as a person would. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('用户名（工号）').fill(username);
	await page.getByLabel('密码', { exact: true }).fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/**
 * Whether the demo seed found statutes to import: the same folder and files it reads
 * (XUEFA_LAWS_DIR, else ../shared/data/laws; *.md files other than SOURCES.md).
 */
export function hasStatutes(): boolean {
	const dir = process.env.XUEFA_LAWS_DIR ?? resolve(process.cwd(), '..', 'shared', 'data', 'laws');
	return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.md') && f !== 'SOURCES.md');
}

/** Creates a question bank from the bank list, as the signed-in organiser, and stays on its page. */
export async function createBank(page: Page, name: string) {
	await page.goto('/banks');
	await page.getByLabel('题库名称').fill(name);
	await page.getByRole('button', { name: '创建题库' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

/** The question spreadsheet an organiser would fill in, written with exceljs into a temporary folder. */
export async function questionWorkbook(header: string[], rows: string[][]): Promise<string> {
	const wb = new ExcelJS.Workbook();
	const sheet = wb.addWorksheet('试题');
	sheet.addRow(header);
	rows.forEach((r) => sheet.addRow(r));
	const file = join(mkdtempSync(join(tmpdir(), 'xuefa-e2e-')), '试题.xlsx');
	writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
	return file;
}
