import ExcelJS from 'exceljs';
import {
	expect,
	holdScripts,
	loginAs,
	phoneContext,
	setUpPreAppointmentExam,
	test
} from './helpers.ts';

test('an organiser sets up a pre-appointment exam; a cadre takes it on a phone through an outage, passes, and the certificate verifies', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	// the organiser: questions (ready), the exam, its publication and a sitting for one bureau
	await loginAs(page, 'organiser');
	await setUpPreAppointmentExam(page, {
		bank: '任前考试题库',
		title: '2026年任前法律知识考试（第一期）',
		sitting: '第一场',
		unit: '区市场监督管理局',
		// more than anyone has earned: the roster says who may not sit, and why
		credits: '1000'
	});
	await expect(page.getByText(/应考 \d+ 人，参考 0 人次/)).toBeVisible();
	await expect(page.getByText(/本场次要求 \d{4} 年学法积分不少于 1000 分/)).toBeVisible();
	await expect(page.getByText(/[1-9]\d* 人暂不具备参考资格/)).toBeVisible();
	const sittingUrl = page.url();

	// the cadre, on a 390 px phone
	const phone = await phoneContext(browser, baseURL);
	const cadre = await phone.newPage();
	await loginAs(cadre, 'cadre');
	// short of the sitting's study credits: the cadre is told so and cannot enter
	await cadre.goto('/exams');
	await expect(cadre.getByText(/不具备参考资格：.*还差/)).toBeVisible();
	await expect(cadre.getByRole('link', { name: '进入考试' })).toHaveCount(0);
	// the organiser exempts them, with a reason
	const name = (await cadre.locator('.who').textContent())!.trim();
	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row).toContainText('不具备参考资格');
	await row.getByText('免除积分要求').click();
	await row.getByLabel('豁免理由').fill('挂职期间学法记录未转入');
	await row.getByRole('button', { name: '豁免' }).click();
	// the sitting's address before the answer came too: read it once the exemption shows
	await expect(row).toContainText('已免除学法积分要求：挂职期间学法记录未转入');
	await expect(page).toHaveURL(sittingUrl);
	// the home page reminds the cadre of the exam open to them
	await cadre.goto('/');
	await expect(cadre.getByRole('region', { name: '待参加的考试' })).toContainText('第一场');
	await cadre.goto('/exams');
	await expect(cadre.getByRole('heading', { name: '进行中' })).toBeVisible();
	await cadre.getByRole('link', { name: '进入考试' }).click();
	await expect(cadre.getByRole('heading', { name: '考试须知' })).toBeVisible();
	await cadre.getByRole('button', { name: '开始考试' }).click();
	// the rules must be confirmed first (the browser says so; the server would too)
	await expect(cadre).toHaveURL(/\/exams\/s\//);
	await cadre.getByLabel('我已阅读考试须知，承诺独立完成作答').check();
	const asked: string[] = [];
	const paperRequests = (r: { url(): string }) => {
		if (/\/exams\/a\/\d+\/(paper|__data\.json)/.test(r.url())) asked.push(r.url());
	};
	cadre.on('request', paperRequests);
	await cadre.getByRole('button', { name: '开始考试' }).click();
	await expect(cadre).toHaveURL(/\/exams\/a\/\d+/);
	await expect(cadre.getByRole('timer')).toHaveText(/^\d:\d\d:\d\d$|^\d+:\d\d$/);
	await expect(cadre.getByRole('heading', { name: /第 1 题/ })).toBeVisible();
	// the start brought the paper with it: on exam day one request per candidate, not two
	cadre.off('request', paperRequests);
	expect(asked).toEqual([]);
	// no keyboard on a phone: no N / P hint
	await expect(cadre.getByText(/按 N \/ P 键/)).toBeHidden();

	await cadre.getByLabel('正确').check();
	await expect(cadre.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	// a save the page never sends (a question not on this paper) is refused as input (400), not as
	// the other-device conflict (409) on which the page stops saving
	const stray = await cadre.request.post(`${cadre.url().replace(/\?.*$/, '')}/save`, {
		data: { saves: [{ questionId: '999999', seq: 1, response: null }] }
	});
	expect(stray.status()).toBe(400);

	// the network drops: answers keep being given, and kept on the phone
	await phone.setOffline(true);
	await cadre.getByRole('button', { name: '下一题' }).click();
	await expect(cadre.getByRole('heading', { name: /第 2 题/ })).toBeVisible();
	await cadre.getByLabel('正确').check();
	await expect(cadre.getByRole('status').filter({ hasText: '网络已断开' })).toContainText(
		'1 个答案'
	);
	await phone.setOffline(false);
	await expect(cadre.getByRole('status').filter({ hasText: '已保存' })).toBeVisible({
		timeout: 10_000
	});

	// the server cannot be reached (saves fail): the answer waits in the browser, across a reload
	await cadre.route('**/exams/a/*/save', (route) => route.abort());
	await cadre.getByRole('button', { name: '下一题' }).click();
	await cadre.getByLabel('正确').check();
	await cadre.getByLabel('标记此题，稍后检查').check();
	await expect(cadre.getByRole('status').filter({ hasText: '网络已断开' })).toContainText(
		'1 个答案'
	);
	await cadre.reload();
	await cadre
		.getByRole('navigation', { name: '题目导航' })
		.getByRole('link', { name: /^3/ })
		.click();
	await expect(cadre.getByLabel('正确')).toBeChecked();
	await expect(cadre.getByLabel('标记此题，稍后检查')).toBeChecked();

	// the server is back: the queue goes out by itself
	await cadre.unroute('**/exams/a/*/save');
	await expect(cadre.getByRole('status').filter({ hasText: '已保存' })).toBeVisible({
		timeout: 10_000
	});

	// a slow phone: an answer given before the page's script arrives stays given, and is sent
	const release = await holdScripts(cadre);
	await cadre.goto(`${cadre.url().replace(/\?.*$/, '')}?q=1`, { waitUntil: 'commit' });
	await cadre.getByLabel('错误').check();
	const sent = cadre.waitForRequest(
		(r) =>
			r.url().endsWith('/save') &&
			JSON.stringify(r.postDataJSON()).includes('{"type":"truefalse","answer":false}')
	);
	release();
	await sent;
	await expect(cadre.getByLabel('错误')).toBeChecked();
	await cadre.getByLabel('正确').check();
	await expect(cadre.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await cadre.reload();
	for (const no of [1, 2, 3]) {
		await cadre
			.getByRole('navigation', { name: '题目导航' })
			.getByRole('link', { name: new RegExp(`^${no}`) })
			.click();
		await expect(cadre.getByRole('heading', { name: new RegExp(`第 ${no} 题`) })).toBeVisible();
		await expect(cadre.getByLabel('正确')).toBeChecked();
	}
	await expect(cadre.getByLabel('标记此题，稍后检查')).toBeChecked();
	const overflow = await cadre.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);

	await cadre.getByRole('button', { name: '交卷' }).click();
	await expect(cadre.getByText('已答 3 题，共 3 题')).toBeVisible();
	await expect(cadre.getByText('已标记 1 题')).toBeVisible();
	await cadre.getByRole('button', { name: '确认交卷' }).click();
	await expect(cadre.getByRole('heading', { name: /考试结果/ })).toBeVisible();
	await expect(cadre.getByText('90 / 90')).toBeVisible();
	await expect(cadre.getByText(/合格 · 优秀/)).toBeVisible();

	await cadre.getByRole('link', { name: '查看合格证书' }).click();
	await expect(cadre.getByRole('heading', { name: '合格证书' })).toBeVisible();
	const code = (await cadre.locator('.code').textContent())!.trim();
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
	await expect(cadre.locator('.qr svg')).toBeVisible();
	const certificateUrl = cadre.url();
	await phone.close();

	// anyone, without an account: /verify confirms the code
	const stranger = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const verify = await stranger.newPage();
	await verify.goto('/verify');
	await verify.getByLabel('验证码').fill(code.toLowerCase().replace(/-/g, ' '));
	await verify.getByRole('button', { name: '查验' }).click();
	const result = verify.getByRole('status');
	await expect(result).toContainText('有效');
	await expect(result).toContainText('2026年任前法律知识考试（第一期）');
	await expect(result).toContainText('*');

	// the organiser suspends it, with a reason; /verify says so at once
	await page.goto(certificateUrl);
	await page.getByLabel('变更类型').selectOption('suspended');
	await page
		.getByLabel('生效日期')
		.fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
	await page.getByLabel('原因').fill('执法过错，暂扣六个月');
	await page.getByRole('button', { name: '记录' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已记录' })).toBeVisible();
	await expect(page.getByRole('region', { name: '证书变更记录' })).toContainText(
		'暂扣：执法过错，暂扣六个月'
	);
	await verify.getByRole('button', { name: '查验' }).click();
	await expect(verify.getByRole('status')).toContainText('已暂扣');
	await stranger.close();

	// the organiser's certificate list: no longer in force, listed as suspended and why, exported so
	await page.goto('/exams/manage');
	await page.getByRole('link', { name: '证书', exact: true }).click();
	await page.getByLabel('状态').selectOption('in_force');
	await page.getByRole('button', { name: '筛选' }).click();
	await expect(page.getByText('没有符合条件的证书。')).toBeVisible();
	await page.getByLabel('单位').selectOption({ label: '区市场监督管理局' });
	await page.getByLabel('状态').selectOption('all');
	await page.getByRole('button', { name: '筛选' }).click();
	const certRow = page.locator('tbody tr').filter({ hasText: code });
	await expect(certRow).toContainText('已暂扣');
	await expect(certRow).toContainText('执法过错，暂扣六个月');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已下载，共 1 行' })).toBeAttached();
	expect((await download).suggestedFilename()).toBe('证书.xlsx');
	const book = new ExcelJS.Workbook();
	await book.xlsx.readFile((await (await download).path())!);
	const sheet = book.worksheets[0]!;
	expect(sheet.getRow(1).getCell(2).text).toBe('持证人');
	expect(sheet.getRow(1).getCell(9).text).toBe('状态');
	expect(sheet.getRow(2).getCell(6).text).toBe(code);
	expect(sheet.getRow(2).getCell(9).text).toBe('已暂扣（执法过错，暂扣六个月）');
});

test('a cadre waiting on the rules of a sitting about to open sees the start offered at the opening, by the server’s clock, without reloading', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	await loginAs(page, 'organiser');
	// the field takes minutes: the sitting opens two to three minutes from now
	await setUpPreAppointmentExam(page, {
		bank: '开考倒计时题库',
		title: '开考倒计时测试',
		sitting: '待开考场次',
		unit: '区市场监督管理局',
		opensIn: 3
	});

	const phone = await phoneContext(browser, baseURL);
	const cadre = await phone.newPage();
	// the phone's clock, moved forward below; the server keeps its own
	await cadre.clock.install();
	await loginAs(cadre, 'cadre');
	await cadre.goto('/exams');
	const card = cadre.locator('li', { hasText: '开考倒计时测试' });
	await expect(card.getByRole('link', { name: '进入考试' })).toHaveCount(0);
	await card.getByRole('link', { name: '查看考试须知' }).click();
	await expect(cadre.getByRole('heading', { name: '考试须知' })).toBeVisible();
	await expect(cadre.getByText('距开考还有')).toBeVisible();
	await expect(cadre.getByRole('timer')).toHaveText(/^[0-3]:\d\d$/);
	const start = cadre.getByRole('button', { name: '开始考试' });
	await expect(start).toBeDisabled();
	await cadre.getByLabel('我已阅读考试须知，承诺独立完成作答').check();

	// the opening comes on the page's own: the button is there without a reload
	await cadre.clock.fastForward('04:00');
	await expect(cadre.getByRole('status').filter({ hasText: '考试已开始' })).toBeVisible();
	await expect(start).toBeEnabled();
	// the network drops as the button is pressed: the page says so, and the button is there again
	await cadre.route('**/exams/s/*/start', (route) => route.abort('internetdisconnected'));
	await start.click();
	await expect(cadre.getByRole('alert')).toContainText('未能连接服务器');
	await expect(start).toBeEnabled();
	await cadre.unroute('**/exams/s/*/start');
	// this phone's clock ran ahead of the server's: the server, which decides, says so in words
	await start.click();
	await expect(cadre.getByText('考试尚未开始')).toBeVisible();
	await expect(cadre).toHaveURL(/\/exams\/s\/\d+$/);
	await phone.close();
});

test('an exam page that is not the cadre’s says it was not found, from the server’s render too', async ({
	page
}) => {
	await loginAs(page, 'cadre');
	const res = await page.goto('/exams/a/999999');
	expect(res?.status()).toBe(404);
	await expect(page.getByText('未找到该页面或记录。')).toBeVisible();
});
