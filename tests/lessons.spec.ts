import type { Browser, Page } from '@playwright/test';
import { expect, hasStatutes, loginAs, test } from './helpers.ts';

test.describe.configure({ timeout: 90_000 });

async function asCadre(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ locale: 'zh-CN' });
	const page = await context.newPage();
	await loginAs(page, 'cadre');
	return page;
}

/** The credits the study page says the cadre has this year. */
async function creditsOf(page: Page): Promise<number> {
	await page.goto('/study');
	const text = await page.getByTestId('credit-total').innerText();
	return Number(/已获 ([\d.]+) 学分/.exec(text)![1]);
}

test('an organiser writes a case lesson citing an article and links it to a session; a cadre reads it, follows the article and practises', async ({
	page,
	browser
}) => {
	test.skip(!hasStatutes(), 'the statutes are not available to seed the library');
	await loginAs(page, 'organiser');
	// two questions of the district's demo bank to practise (other specs add banks of drafts)
	await page.goto('/banks');
	await page.getByRole('link', { name: '示范区干部学法题库（演示）' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('示范区干部学法题库（演示）');
	const hrefs = await page
		.locator('main a[href*="/questions/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	const ids = [...new Set(hrefs.map((h) => /\/questions\/(\d+)$/.exec(h)?.[1]).filter(Boolean))];
	expect(ids.length).toBeGreaterThanOrEqual(2);

	await page.goto('/study/lessons');
	await page.getByRole('link', { name: '新建以案释法' }).click();
	await page.getByLabel('标题').fill('罚款前未告知的后果');
	await page.getByLabel('案情').fill('某执法机构未告知当事人即作出罚款决定。');
	await page
		.getByLabel('法律依据')
		.fill('[[《行政处罚法》第四十四条]]，以及误写的[[行政处罚法第900条]]');
	await page.getByLabel('分析').fill('程序违法的处罚不能成立。');
	await page.getByLabel('练习题目编号').fill(ids.slice(0, 2).join(', '));
	await page.getByLabel('状态').selectOption('published');
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: '第九百条' })).toBeVisible();
	await page.getByRole('link', { name: '查看课件' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('罚款前未告知的后果');

	// the next session of the cadre's team studies it
	const cadre = await asCadre(browser);
	await cadre.goto('/study');
	const sessionHref = await cadre
		.getByRole('region', { name: '我的学法活动' })
		.locator('a[href^="/study/sessions/"]')
		.first()
		.getAttribute('href');
	await page.goto(sessionHref!);
	await page.getByText('选择课件').first().click();
	await page.getByRole('checkbox', { name: /罚款前未告知的后果/ }).check();
	await page.getByRole('button', { name: '保存课件' }).click();
	await expect(page.getByRole('status')).toHaveText('已保存。');
	const lessons = page.getByRole('region', { name: '课件与案例' });
	await expect(lessons.getByRole('link', { name: '罚款前未告知的后果' })).toBeVisible();

	await cadre.goto(sessionHref!);
	await cadre
		.getByRole('region', { name: '课件与案例' })
		.getByRole('link', { name: '罚款前未告知的后果' })
		.click();
	await expect(cadre.getByRole('heading', { level: 2, name: '案情' })).toBeVisible();
	await expect(cadre.getByRole('heading', { level: 2, name: '分析' })).toBeVisible();
	// the warning is for the organiser, not the reader
	await expect(cadre.getByText('以下引用的条文不在法律法规库中')).toHaveCount(0);
	const lessonUrl = cadre.url();
	await cadre.getByRole('link', { name: '《行政处罚法》第四十四条' }).click();
	await expect(cadre).toHaveURL(/\/laws\/\d+\/articles\/44$/);
	await cadre.goto(lessonUrl);
	await cadre.getByRole('button', { name: '练习这 2 道题' }).click();
	await expect(cadre).toHaveURL(/\/practice\/s\/\d+$/);
	await expect(cadre.getByText('课件：罚款前未告知的后果').first()).toBeVisible();
	await cadre.context().close();
});

test('a cadre sees their credits move after signing off a material', async ({ page, browser }) => {
	await loginAs(page, 'organiser');
	await page.goto('/study/readings');
	await page.getByLabel('标题').fill('学分测试：学习《行政许可法》');
	await page.getByLabel('学习内容').fill('请阅读第三十二条。');
	await page.getByRole('button', { name: '分发', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('学分测试：学习《行政许可法》');
	const readingUrl = page.url().replace(/\?.*$/, '');

	const cadre = await asCadre(browser);
	const before = await creditsOf(cadre);
	await expect(cadre.getByRole('progressbar', { name: /学分进度/ })).toBeVisible();
	await cadre.goto(readingUrl);
	await cadre.getByRole('button', { name: '我已阅读，签阅' }).click();
	await expect(cadre.getByRole('status')).toHaveText('已签阅。');
	expect(await creditsOf(cadre)).toBe(before + 1);
	// the home page's study card shows the same progress
	await cadre.goto('/');
	await expect(
		cadre.getByRole('region', { name: '我的学法' }).getByTestId('credit-total')
	).toContainText(`已获 ${before + 1} 学分`);
	await cadre.context().close();

	// the organiser's list of who is behind includes the cadre's unit and exports
	await page.goto('/study/credits');
	await expect(page.getByRole('table')).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	expect((await download).suggestedFilename()).toMatch(/^学分进度-\d{4}\.xlsx$/);
});
