import { createBank, expect, loginAs, questionWorkbook, test } from './helpers.ts';

const HEADER = ['编号', '题型', '题干', '答案', '评分标准', '法律', '条款'];
const QUESTIONS = [
	[
		'GR-1',
		'判断',
		'行政机关实施行政许可，应当遵循公开、公平、公正的原则。',
		'对',
		'',
		'行政许可法',
		'第五条'
	],
	[
		'GR-2',
		'判断',
		'行政许可的实施和结果，除涉及国家秘密的外，应当公开。',
		'对',
		'',
		'行政许可法',
		'第五条'
	],
	[
		'GR-3',
		'简答',
		'简述行政许可听证的适用情形。',
		'法律、法规、规章规定实施行政许可应当听证的事项，行政机关应当向社会公告，并举行听证。',
		'答出“法定应当听证的事项”得一半分，答出“向社会公告并举行听证”得全分。',
		'行政许可法',
		'第四十六条'
	]
];
const TITLE = '2026年行政许可专项考试（阅卷）';

/** A local time in Asia/Shanghai `minutes` from now, as a datetime-local field takes it. */
const shanghai = (minutes: number) =>
	new Date(Date.now() + (8 * 60 + minutes) * 60_000).toISOString().slice(0, 16);

test('a grader marks an essay and releases the results; the cadre then sees the score and the comment, the right answers once the sitting closes', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(150_000);
	// the organiser: an exam with an essay, answers shown once the results are released
	await loginAs(page, 'organiser');
	await createBank(page, '阅卷测试题库');
	await page.getByRole('link', { name: '导入试题' }).click();
	await page.getByLabel('试题文件').setInputFiles(await questionWorkbook(HEADER, QUESTIONS));
	await page.getByRole('button', { name: '上传并预览' }).click();
	await page.getByLabel(/已审核，导入后立即用于练习和组卷/).check();
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('新增 3 道');

	await page.goto('/exams/manage/new');
	await page.getByLabel('考试名称').fill(TITLE);
	await page.getByLabel(/阅卷测试题库/).check();
	await page.getByLabel('判断题 · 题量').fill('2');
	await page.getByLabel('判断题 · 每题分值').fill('20');
	await page.getByLabel('简答题 · 题量').fill('1');
	await page.getByLabel('简答题 · 每题分值').fill('60');
	await page.getByLabel('何时显示正确答案').selectOption({ label: '成绩发布后' });
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await page.getByRole('button', { name: '发布考试' }).click();
	await page.getByLabel('场次名称').fill('阅卷场');
	await page.getByLabel('开始时间').fill(shanghai(-60));
	await page.getByLabel('结束时间').fill(shanghai(180));
	await page.getByLabel('区市场监督管理局').check();
	await page.getByRole('button', { name: '创建场次' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('阅卷场');

	// the rules say how answers are saved: as given with JavaScript, by the buttons without it
	const plain = await browser.newContext({ baseURL, locale: 'zh-CN', javaScriptEnabled: false });
	const plainPage = await plain.newPage();
	await loginAs(plainPage, 'cadre');
	await plainPage.goto('/exams');
	await plainPage.locator('li', { hasText: TITLE }).getByRole('link', { name: '进入考试' }).click();
	await expect(plainPage.getByText(/答案在点击“上一题”“下一题”或“交卷”时保存/)).toBeVisible();
	await expect(plainPage.getByText('每道题作答后即自动保存')).toBeHidden();
	await plain.close();

	// the cadre answers both true/false questions right and writes the essay
	const cadreContext = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const cadre = await cadreContext.newPage();
	await loginAs(cadre, 'cadre');
	await cadre.goto('/exams');
	await cadre.locator('li', { hasText: TITLE }).getByRole('link', { name: '进入考试' }).click();
	await expect(cadre.getByText('每道题作答后即自动保存，断网时先保存在本机')).toBeVisible();
	await expect(cadre.getByText(/答案在点击“上一题”/)).toBeHidden();
	await cadre.getByLabel('我已阅读考试须知，承诺独立完成作答').check();
	await cadre.getByRole('button', { name: '开始考试' }).click();
	await expect(cadre).toHaveURL(/\/exams\/a\/\d+$/);
	for (let no = 1; no <= 3; no++) {
		await expect(cadre.getByRole('heading', { name: new RegExp(`第 ${no} 题`) })).toBeVisible();
		const essay = cadre.getByLabel('你的回答');
		if (await essay.isVisible()) {
			// typed text goes after a pause, and until then the page still says the last answer's
			// 已保存: wait for this answer's save
			const sent = cadre.waitForResponse((r) => /\/exams\/a\/\d+\/save$/.test(r.url()));
			await essay.fill('法定应当听证的事项，行政机关应当向社会公告。');
			await sent;
		} else await cadre.getByLabel('正确').check();
		await expect(cadre.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
		if (no < 3) await cadre.getByRole('button', { name: '下一题' }).click();
	}
	// a slow network as the last question is flagged: submitting waits for that save instead of
	// being dropped
	await cadre.route('**/exams/a/*/save', async (route) => {
		await new Promise((r) => setTimeout(r, 1500));
		await route.continue();
	});
	await cadre.getByLabel('标记此题，稍后检查').check();
	await cadre.getByRole('button', { name: '交卷' }).click();
	await cadre.getByRole('button', { name: '确认交卷' }).click();
	await expect(cadre.getByRole('heading', { name: /考试结果/ })).toBeVisible();
	await expect(cadre.getByText(/待评分/)).toBeVisible();
	await expect(cadre.getByText('参考答案')).toHaveCount(0);
	const resultUrl = cadre.url();

	// the grader marks the essay, by question, and releases the results: without JavaScript (an old
	// browser), which must not matter
	const graderContext = await browser.newContext({
		baseURL,
		locale: 'zh-CN',
		javaScriptEnabled: false
	});
	const grader = await graderContext.newPage();
	await loginAs(grader, 'grader');
	// the grader's home page says what waits
	await grader.goto('/');
	await expect(grader.getByRole('region', { name: '阅卷人' })).toContainText('1 份答卷待阅');
	await grader.getByRole('link', { name: '阅卷' }).first().click();
	await expect(grader).toHaveURL(/\/exams\/grading$/);
	await grader
		.getByRole('row', { name: new RegExp(TITLE) })
		.getByRole('link', { name: '阅卷场' })
		.click();
	await grader.getByRole('link', { name: /简述行政许可听证的适用情形/ }).click();
	const answer = grader
		.getByRole('article')
		.filter({ hasText: '法定应当听证的事项，行政机关应当向社会公告。' });
	await expect(answer).toContainText('向社会公告，并举行听证');
	await expect(answer).toContainText('得一半分');
	// a mark over the points (a browser that does not check the field sends it): the same question
	// comes back with the reason and the typed mark (regression: it came back without the question)
	const questionUrl = grader.url();
	await answer.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await answer.getByLabel('评分（0–60 分）').fill('61');
	await answer.getByRole('button', { name: '保存评分' }).click();
	// the question's address was already there: read it once the answer came
	await expect(grader.getByRole('alert')).toContainText('评分不能超过本题分值 60 分');
	await expect(grader).toHaveURL(/[?&]q=\d+/);
	await expect(answer.getByLabel('评分（0–60 分）')).toHaveValue('61');
	await answer.getByLabel('评分（0–60 分）').fill('45');
	await answer.getByLabel('评语（可选）').fill('未答出“举行听证”');
	await answer.getByRole('button', { name: '保存评分' }).click();
	await expect(grader.getByRole('status').filter({ hasText: '评分已保存。' })).toBeVisible();
	// still on the same question, with the mark saved, at the answer after it (here the only one),
	// not at the top of the page
	expect(grader.url()).toMatch(/&done=marked#mark-\d+-\d+$/);
	expect(grader.url().startsWith(`${questionUrl}&done=marked#`)).toBe(true);
	await expect(answer.getByLabel('评分（0–60 分）')).toHaveValue('45');
	await expect(grader.getByText('已评 1 / 1').first()).toBeVisible();
	// releasing tells every candidate: it is asked first (a second page, so without JavaScript too)
	await grader.getByRole('link', { name: '发布成绩' }).click();
	await expect(grader.getByText('发布本场次的成绩？')).toBeVisible();
	await grader.getByRole('button', { name: '确认发布' }).click();
	await expect(grader.getByRole('status').filter({ hasText: '成绩已发布' })).toBeVisible();
	// back at the question the grader released from, not at the page without it
	expect(grader.url()).toContain(`${new URL(questionUrl).search}&done=released`);
	await expect(answer.getByLabel('评分（0–60 分）')).toHaveValue('45');
	await graderContext.close();

	// the cadre now sees the score and the grader's comment; the right answers wait for the sitting
	// to close, since colleagues may still be answering (the service tests show them after it)
	await cadre.goto(resultUrl);
	await expect(cadre.getByText('85 / 100')).toBeVisible();
	await expect(cadre.getByRole('heading', { name: '答卷回顾' })).toBeVisible();
	await expect(cadre.getByText('未答出“举行听证”')).toBeVisible();
	await expect(cadre.getByText('得分 45 / 60')).toBeVisible();
	await expect(cadre.getByText('参考答案')).toHaveCount(0);
	await expect(cadre.getByText(/正确答案将于 .* 本考试各场次结束后显示/)).toBeVisible();
	await cadreContext.close();

	// the organiser's results: the distribution (also as a table), the item analysis, a score sheet
	await page.goto('/exams/manage');
	await page.getByRole('link', { name: TITLE }).click();
	await page.getByRole('link', { name: '阅卷场' }).click();
	const distribution = page.getByRole('region', { name: '成绩分布' });
	await expect(distribution.getByRole('row', { name: '80–<90 1' })).toBeVisible();
	await expect(page.getByRole('region', { name: '试题分析' }).getByRole('row')).toHaveCount(4);
	await page
		.getByRole('link', { name: /成绩单/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { name: '考试成绩单' })).toBeVisible();
	await expect(page.getByRole('row', { name: /合计.*100.*85/ })).toBeVisible();
});
