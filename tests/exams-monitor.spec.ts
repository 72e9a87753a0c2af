import type { Browser, Page } from '@playwright/test';
import { createBank, expect, loginAs, questionWorkbook, test } from './helpers.ts';

const QUESTIONS = [
	['MO-1', '判断', '行政机关应当依法行政。', '对', '行政处罚法', '第四条'],
	['MO-2', '判断', '当事人有权进行陈述和申辩。', '对', '行政处罚法', '第七条'],
	['MO-3', '判断', '行政处罚的设定应当公开。', '对', '行政处罚法', '第五条']
];

/** A local time in Asia/Shanghai `minutes` from now, as a datetime-local field takes it. */
const shanghai = (minutes: number) =>
	new Date(Date.now() + (8 * 60 + minutes) * 60_000).toISOString().slice(0, 16);

async function startExam(browser: Browser, baseURL: string | undefined, username: string) {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const page = await context.newPage();
	await loginAs(page, username);
	await page.goto('/exams');
	await page.getByRole('link', { name: '进入考试' }).click();
	// the pass mark is a share of the paper's total (3 questions × 30 points here), not 60 points
	await expect(page.getByRole('definition').filter({ hasText: '总分的' })).toHaveText('总分的 60%');
	await page.getByLabel('我已阅读考试须知，承诺独立完成作答').check();
	await page.getByRole('button', { name: '开始考试' }).click();
	await expect(page).toHaveURL(/\/exams\/a\/\d+$/);
	return { context, page };
}

/** The monitor's card of the candidate with employee number `no`. */
const card = (page: Page, no: string) => page.locator('main li.card').filter({ hasText: no });

test('the server submits an abandoned attempt at its deadline; the organiser watches it, extends another candidate’s time and voids that attempt', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	await loginAs(page, 'organiser');
	await createBank(page, '监考演示题库');
	await page.getByRole('link', { name: '导入试题' }).click();
	await page
		.getByLabel('试题文件')
		.setInputFiles(
			await questionWorkbook(['编号', '题型', '题干', '答案', '法律', '条款'], QUESTIONS)
		);
	await page.getByRole('button', { name: '上传并预览' }).click();
	await page.getByLabel(/已审核，导入后立即用于练习和组卷/).check();
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('新增 3 道');

	await page.goto('/exams/manage/new');
	await page.getByLabel('考试名称').fill('一分钟监考演示考试');
	await page.getByLabel(/监考演示题库/).check();
	await page.getByLabel('判断题 · 题量').fill('3');
	await page.getByLabel('判断题 · 每题分值').fill('30');
	await page.getByLabel('考试时长（分钟）').fill('1');
	await page.getByRole('button', { name: '保存' }).click();
	await page.getByRole('button', { name: '发布考试' }).click();
	await expect(page.getByText('考试已发布，可以安排场次。')).toBeVisible();
	await page.getByLabel('场次名称').fill('监考场');
	await page.getByLabel('开始时间').fill(shanghai(-60));
	const closes = shanghai(180);
	await page.getByLabel('结束时间').fill(closes);
	await page.getByLabel('区市场监督管理局').check();
	await page.getByLabel('监考人员（登录名）').fill('grader');
	await page.getByRole('button', { name: '创建场次' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('监考场');
	// the sitting can be changed afterwards: here it closes an hour later
	await page.getByRole('link', { name: '修改场次' }).click();
	await expect(page.getByLabel('结束时间')).toHaveValue(closes);
	await page.getByLabel('结束时间').fill(shanghai(240));
	await page.getByRole('button', { name: '保存修改' }).click();
	await expect(page.getByRole('status').filter({ hasText: '场次已修改' })).toBeVisible();
	await page.getByRole('link', { name: '实时监控' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('实时监控 · 监考场');
	const monitorUrl = page.url();

	// the first candidate starts; the monitor shows who it is
	const first = await startExam(browser, baseURL, 'cadre');
	await first.page.getByLabel('正确').check();
	await expect(first.page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	// N and P move between the questions from the keyboard, as the page says on a desktop
	await expect(first.page.getByText(/按 N \/ P 键/)).toBeVisible();
	await first.page.keyboard.press('n');
	await expect(first.page.locator('#question')).toContainText('第 2 题');
	await first.page.keyboard.press('p');
	await expect(first.page.locator('#question')).toContainText('第 1 题');
	await page.getByRole('link', { name: '立即刷新' }).click();
	const running = page.locator('main li.card').filter({ hasText: '作答中' });
	await expect(running).toHaveCount(1);
	await expect(running).toContainText('1 / 3');
	const firstNo = /SF\d{4}/.exec((await running.locator('h3').textContent()) ?? '')![0];
	const waiting = page.locator('main li.card').filter({ hasText: '未开始' }).first();
	const secondNo = /SF\d{4}/.exec((await waiting.locator('h3').textContent()) ?? '')![0];

	// the second candidate starts and walks away: every browser of theirs is gone (their minute runs
	// out while the organiser deals with the first)
	const second = await startExam(browser, baseURL, secondNo);
	await second.context.close();

	// without JavaScript, a refused extension comes back with the minutes and the reason as typed
	const plain = await browser.newContext({ baseURL, locale: 'zh-CN', javaScriptEnabled: false });
	const plainPage = await plain.newPage();
	await loginAs(plainPage, 'organiser');
	await plainPage.goto(monitorUrl);
	// the proctor finds the candidate with a plain form (the room may be hundreds)
	await plainPage.getByLabel('姓名、工号或单位').fill(firstNo);
	await plainPage.getByRole('button', { name: '搜索' }).click();
	await expect(plainPage).toHaveURL(new RegExp(`[?&]q=${firstNo}`));
	await expect(plainPage.locator('main li.card')).toHaveCount(1);
	await expect(plainPage.getByText(/符合条件 1 人/)).toBeVisible();
	const plainCard = card(plainPage, firstNo);
	await plainCard.getByText('延长时间或作废').click();
	await plainCard.getByLabel('延长分钟数').fill('300');
	await plainCard.getByLabel('延长原因').fill('考生设备故障，更换电脑');
	await plainCard.getByRole('button', { name: '延长时间' }).click();
	await expect(card(plainPage, firstNo)).toContainText('数值超出允许范围');
	await expect(card(plainPage, firstNo).getByLabel('延长分钟数')).toHaveValue('300');
	await expect(card(plainPage, firstNo).getByLabel('延长原因')).toHaveValue(
		'考生设备故障，更换电脑'
	);
	// still the filtered list: the form was sent from it and came back to it
	await expect(plainPage.locator('main li.card')).toHaveCount(1);
	await plain.close();

	// the organiser gives the first candidate ten more minutes, well inside their one minute
	const mine = card(page, firstNo);
	await mine.getByText('延长时间或作废').click();
	await mine.getByLabel('延长分钟数').fill('10');
	await mine.getByLabel('延长原因').fill('考生设备故障，更换电脑');
	await mine.getByRole('button', { name: '延长时间' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已延长' })).toBeVisible();
	await expect(card(page, firstNo)).toContainText(/剩余时间\s*1[01]:\d\d/);
	await page.goto(monitorUrl);

	// the first candidate's timer followed the new deadline without a reload
	await expect(first.page.getByRole('timer')).toHaveText(/^(9|10|11):\d\d$/, { timeout: 35_000 });

	// the candidate's network drops and they change their answer: it waits in the browser
	await first.context.setOffline(true);
	await first.page.getByLabel('错误').check();
	await expect(first.page.getByRole('status').filter({ hasText: '网络已断开' })).toBeVisible();

	// a void needs a reason; with one, the attempt no longer counts
	const again = card(page, firstNo);
	await again.getByText('延长时间或作废').click();
	await again.getByLabel('作废原因').fill('考试中使用手机查阅资料');
	await again.getByRole('button', { name: '作废答卷' }).click();
	await expect(page.getByRole('status').filter({ hasText: '答卷已作废' })).toBeVisible();
	await expect(card(page, firstNo)).toContainText('已作废');
	await expect(card(page, firstNo)).toContainText('考试中使用手机查阅资料');

	// back online, the page sends the waiting answer, learns that the exam is over and goes to the
	// result, which says that the answer given offline never counted
	await first.context.setOffline(false);
	await expect(first.page).toHaveURL(/\/result$/, { timeout: 35_000 });
	await expect(first.page.getByRole('status').filter({ hasText: '未计入成绩' })).toContainText(
		'1 个答案'
	);
	await first.context.close();

	// the proctor, who organises nothing, finds the sitting under 我的考试 and opens its monitor
	const proctor = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const proctorPage = await proctor.newPage();
	await loginAs(proctorPage, 'grader');
	await proctorPage.goto('/exams');
	const mySittings = proctorPage.getByRole('region', { name: '我监考的场次' });
	await mySittings.getByRole('link', { name: /一分钟监考演示考试 · 监考场/ }).click();
	await expect(proctorPage.getByRole('heading', { level: 1 })).toHaveText('实时监控 · 监考场');
	await proctor.close();

	// the sweep submits the abandoned attempt after its minute, with nobody asking
	await expect(async () => {
		await page.getByRole('link', { name: '立即刷新' }).click();
		await expect(card(page, secondNo)).toContainText('系统自动交卷', { timeout: 1000 });
	}).toPass({ timeout: 120_000, intervals: [2_000] });
	await expect(card(page, secondNo)).toContainText('已交卷');
});
