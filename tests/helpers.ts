import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
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
	// the page the login led to, whole: the address changes as soon as the browser starts on it (a
	// login sent before the page's script ran loads the next page as a document), and what a test
	// reads next (a count of 0, a width) would read a page not yet there. Only the app's pages have
	// the logout button.
	await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
	await page.waitForLoadState();
}

/** A browser context as a 390 px phone with a touch screen has it, in Chinese. */
export function phoneContext(
	browser: Browser,
	baseURL: string | undefined
): Promise<BrowserContext> {
	return browser.newContext({
		baseURL,
		locale: 'zh-CN',
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
}

/**
 * A slow phone: the pages' scripts wait until the function returned is called, so a page is there
 * and can be used before its script runs (stylesheets are not held: the page must be drawn).
 */
export async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
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

/** A local time in Asia/Shanghai `minutes` from now, as a datetime-local field takes it. */
export const shanghaiTime = (minutes: number) =>
	new Date(Date.now() + (8 * 60 + minutes) * 60_000).toISOString().slice(0, 16);

/** Today in Asia/Shanghai, as a date field takes it. */
export const shanghaiToday = () => shanghaiTime(0).slice(0, 10);

/**
 * A pattern (for a RegExp) of the date the server stamped on something done since `since`, a
 * `shanghaiToday()` taken before it was done: that day, or today as well when Beijing's midnight
 * has passed since (CI runs at any hour). Take it once the page showing the date has loaded.
 */
export const shanghaiDaySince = (since: string) => {
	const today = shanghaiToday();
	return today === since ? since : `(?:${since}|${today})`;
};

/** Three true/false questions on the 行政处罚法, all answered 对 (正确). */
export const TRUE_FALSE_HEADER = ['编号', '题型', '题干', '答案', '法律', '条款'];
export const TRUE_FALSE_QUESTIONS = [
	[
		'EX-1',
		'判断',
		'行政机关作出行政处罚决定前，应当告知当事人拟作出的处罚内容。',
		'对',
		'行政处罚法',
		'第四十四条'
	],
	['EX-2', '判断', '当事人有权进行陈述和申辩。', '对', '行政处罚法', '第七条'],
	[
		'EX-3',
		'判断',
		'违法事实确凿并有法定依据的，可以当场作出行政处罚决定。',
		'对',
		'行政处罚法',
		'第五十一条'
	]
];

/**
 * As the signed-in organiser: a bank of the three true/false questions (ready), a pre-appointment
 * exam drawing all three at 30 points each, published, and a sitting open from an hour ago (or
 * opening in `opensIn` minutes) until three hours from now, with `unit` on its roster. Ends on the
 * sitting's page.
 */
export async function setUpPreAppointmentExam(
	page: Page,
	opts: {
		bank: string;
		title: string;
		sitting: string;
		unit: string;
		credits?: string;
		/** minutes from now to the sitting's opening (default: it opened an hour ago) */
		opensIn?: number;
	}
) {
	await createBank(page, opts.bank);
	await page.getByRole('link', { name: '导入试题' }).click();
	await page
		.getByLabel('试题文件')
		.setInputFiles(await questionWorkbook(TRUE_FALSE_HEADER, TRUE_FALSE_QUESTIONS));
	await page.getByRole('button', { name: '上传并预览' }).click();
	await page.getByLabel(/已审核，导入后立即用于练习和组卷/).check();
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('新增 3 道');

	await page.goto('/exams/manage/new');
	await page.getByLabel('考试名称').fill(opts.title);
	await page.getByLabel(new RegExp(opts.bank)).check();
	await page.getByLabel('判断题 · 题量').fill('3');
	await page.getByLabel('判断题 · 每题分值').fill('30');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(opts.title);
	await page.getByRole('button', { name: '发布考试' }).click();
	await expect(page.getByText('考试已发布，可以安排场次。')).toBeVisible();

	await page.getByLabel('场次名称').fill(opts.sitting);
	await page.getByLabel('开始时间').fill(shanghaiTime(opts.opensIn ?? -60));
	await page.getByLabel('结束时间').fill(shanghaiTime(180));
	await page.getByLabel(opts.unit).check();
	if (opts.credits) {
		await page.getByLabel('参考人员须达到学法积分要求').check();
		await page.getByLabel('要求积分').fill(opts.credits);
	}
	await page.getByRole('button', { name: '创建场次' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(opts.sitting);
}

/**
 * In a started attempt at the exam of `setUpPreAppointmentExam`: answers each of its three questions
 * 正确 (right), waiting for each save, and hands the paper in. Ends on the result.
 */
export async function answerAllRightAndSubmit(cadre: Page) {
	for (const no of [1, 2, 3]) {
		await expect(cadre.getByRole('heading', { name: new RegExp(`第 ${no} 题`) })).toBeVisible();
		await cadre.getByLabel('正确').check();
		await expect(cadre.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
		if (no < 3) await cadre.getByRole('button', { name: '下一题' }).click();
	}
	await cadre.getByRole('button', { name: '交卷' }).click();
	await cadre.getByRole('button', { name: '确认交卷' }).click();
	await expect(cadre.getByRole('heading', { name: /考试结果/ })).toBeVisible();
}

/**
 * The demo cadre, on a 390 px phone, sits the exam `title` of `setUpPreAppointmentExam` and passes.
 * Ends on the result; closing the page's context is the caller's.
 */
export async function cadreSitsOnPhone(
	browser: Browser,
	baseURL: string | undefined,
	title: string
): Promise<Page> {
	const cadre = await (await phoneContext(browser, baseURL)).newPage();
	await loginAs(cadre, 'cadre');
	await cadre.goto('/exams');
	await cadre.locator('li', { hasText: title }).getByRole('link', { name: '进入考试' }).click();
	await cadre.getByLabel('我已阅读考试须知，承诺独立完成作答').check();
	await cadre.getByRole('button', { name: '开始考试' }).click();
	await answerAllRightAndSubmit(cadre);
	return cadre;
}
