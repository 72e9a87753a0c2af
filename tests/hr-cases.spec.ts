import ExcelJS from 'exceljs';
import {
	answerAllRightAndSubmit,
	expect,
	loginAs,
	phoneContext,
	setUpPreAppointmentExam,
	shanghaiDaySince,
	shanghaiToday,
	test
} from './helpers.ts';

// the demo cadre's employee number: the demo logins are numbered first, in the order the README lists them
const CADRE_NO = 'SF0006';
const POST = '区市场监督管理局法规科科长';

test('HR opens a case the gate blocks, puts the cadre on a sitting, sees the pass allow it, records the appointment and a collective oath; the record and the API show it all', async ({
	page,
	browser,
	baseURL,
	request
}) => {
	test.setTimeout(150_000);
	// the day the pass, the appointment and the oath are dated (or the next, past midnight)
	const started = shanghaiToday();
	// the organiser schedules a pre-appointment sitting (for another bureau: HR adds the candidate)
	await loginAs(page, 'organiser');
	await setUpPreAppointmentExam(page, {
		bank: '拟任考试题库',
		title: '任前法律知识考试（拟任专场）',
		sitting: '拟任专场',
		unit: '区政府办公室'
	});
	const sittingUrl = page.url();

	// HR opens the case: the public notice started yesterday, no exam yet
	const hrContext = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const hr = await hrContext.newPage();
	await loginAs(hr, 'hr');
	await hr.getByRole('link', { name: '拟任事项' }).first().click();
	await hr.getByRole('link', { name: '新建拟任事项' }).click();
	await hr.getByLabel('拟任人工号').fill(CADRE_NO);
	await hr.getByLabel('拟任职务').fill(POST);
	const yesterday = new Date(Date.parse(shanghaiToday()) - 86_400_000).toISOString().slice(0, 10);
	await hr.getByLabel('公示日期', { exact: true }).fill(yesterday);
	await hr.getByRole('button', { name: '建立拟任事项' }).click();
	await expect(hr.getByRole('status').filter({ hasText: '拟任事项已建立。' })).toBeVisible();
	const gate = hr.getByRole('region', { name: '任前法律知识考试' });
	await expect(gate).toContainText('不能任命');
	await expect(gate).toContainText(
		`须在公示（${yesterday}）后参加本次拟任的任前法律知识考试并合格`
	);
	// the appointment is refused on the server while the gate says no
	await hr.getByRole('button', { name: '记录任命' }).click();
	await expect(hr.getByRole('alert')).toContainText('任前法律知识考试未通过核验，不能记录任命');
	const sittings = hr.getByLabel('考试场次');
	const offered = sittings.locator('option', { hasText: '拟任专场' });
	await sittings.selectOption((await offered.getAttribute('value'))!);
	await hr.getByRole('button', { name: '安排参加考试' }).click();
	await expect(hr.getByRole('status').filter({ hasText: '已安排参加考试。' })).toBeVisible();
	const caseUrl = hr.url().split('?')[0]!;

	// the cadre takes the sitting and passes
	const cadreContext = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const cadre = await cadreContext.newPage();
	await loginAs(cadre, 'cadre');
	await cadre.goto('/');
	await cadre.getByRole('link', { name: /拟任专场/ }).click();
	await cadre.getByLabel('我已阅读考试须知，承诺独立完成作答').check();
	await cadre.getByRole('button', { name: '开始考试' }).click();
	await expect(cadre).toHaveURL(/\/exams\/a\/\d+/);
	await answerAllRightAndSubmit(cadre);
	await expect(cadre.getByText('90 / 90')).toBeVisible();
	await cadreContext.close();

	// HR sees the gate open, with the evidence, and records the appointment
	await hr.goto(caseUrl);
	await expect(gate).toContainText('可以任命');
	const passed = `已通过任前法律知识考试（${shanghaiDaySince(started)}，90 分，第 1 次）`;
	await expect(gate).toContainText(new RegExp(passed));
	const evidence = gate.getByRole('row').filter({ hasText: '拟任专场' });
	await expect(evidence).toContainText('90 / 90');
	await expect(evidence).toContainText('第 1 次');
	await expect(evidence.getByRole('link')).toHaveAttribute(
		'href',
		/\/exams\/manage\/attempts\/\d+\/sheet/
	);
	await hr.getByRole('button', { name: '记录任命' }).click();
	// it cannot be undone: the first tap asks, naming who, what and when
	const confirm = hr.getByRole('group', { name: /^记录任命：/ });
	await expect(confirm).toContainText(`于 ${shanghaiToday()} 任命为${POST}`);
	await expect(confirm).toContainText('不能撤销');
	await confirm.getByRole('button', { name: '确认记录任命' }).click();
	await expect(hr.getByRole('status').filter({ hasText: '任命已记录' })).toBeVisible();

	// the oath is due; HR records a collective ceremony that the cadre leads
	await hr.getByRole('link', { name: '宪法宣誓登记' }).click();
	const row = hr.getByRole('row').filter({ hasText: POST });
	await expect(row).toBeVisible();
	// thirty days from the appointment (29 once midnight has passed since)
	const sameDay = shanghaiToday() === started;
	await expect(row).toContainText(sameDay ? '待宣誓，还有 30 天' : /待宣誓，还有 (30|29) 天/);
	await hr.getByRole('checkbox', { name: new RegExp(POST) }).check();
	const leader = (await hr
		.getByRole('checkbox', { name: new RegExp(POST) })
		.locator('xpath=..')
		.textContent())!
		.split(' · ')[0]!
		.trim();
	await hr.getByRole('radio', { name: /集体宣誓/ }).check();
	await hr.getByLabel('领誓人').selectOption({ label: leader });
	await hr.getByLabel('宣誓地点').fill('区政府常务会议室');
	await hr.getByLabel('组织单位').fill('示范区人民政府');
	await hr.getByLabel('主持人工号').fill('SF0001');
	await expect(hr.getByText('我宣誓：忠于中华人民共和国宪法')).toBeVisible();
	await hr.getByRole('button', { name: '保存宣誓记录' }).click();
	await expect(hr.getByRole('heading', { level: 1 })).toHaveText('宪法宣誓仪式记录');
	await expect(hr.getByRole('status').filter({ hasText: '宣誓记录已保存' })).toBeVisible();
	await expect(hr.getByRole('row').filter({ hasText: POST })).toContainText('领誓人');
	const ceremonyUrl = hr.url().replace(/\?.*$/, '');
	await hr.goto('/hr/oaths');
	const sworn = hr.getByRole('row').filter({ hasText: POST });
	await expect(sworn).toContainText(new RegExp(`已于 ${shanghaiDaySince(started)} 宣誓`));

	// HR opens the cadre's record from the register: the pass, the case and the oath
	await sworn.getByRole('link', { name: '学法档案' }).click();
	await expect(hr.getByRole('heading', { level: 1 })).toHaveText('干部学法档案');
	const showsItAll = async (record: typeof hr) => {
		const exams = record.getByRole('region', { name: '考试记录' });
		await expect(exams.getByRole('row').filter({ hasText: '拟任专场' })).toContainText('90 / 90');
		await expect(exams.getByRole('row').filter({ hasText: '拟任专场' })).toContainText('合格');
		const cases = record.getByRole('region', { name: '拟任事项' });
		await expect(cases.getByRole('row').filter({ hasText: POST })).toContainText('已任命');
		await expect(record.getByRole('region', { name: '宪法宣誓' })).toContainText(
			new RegExp(`已于 ${shanghaiDaySince(started)} 宣誓`)
		);
	};
	await showsItAll(hr);
	await expect(hr.getByRole('button', { name: '打印' })).toBeVisible();
	const download = hr.waitForEvent('download');
	await hr.getByRole('link', { name: '导出 Excel' }).click();
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(await (await download).path());
	const attempts = workbook.getWorksheet('考试记录')!;
	expect((attempts.getRow(1).values as unknown[]).slice(1, 6)).toEqual([
		'日期',
		'考试',
		'场次',
		'类别',
		'第几次'
	]);
	const scores: string[] = [];
	attempts.eachRow((row) => {
		if (row.getCell(3).text === '拟任专场') scores.push(row.getCell(6).text);
	});
	expect(scores).toEqual(['90 / 90']);

	// the cadre sees the same at 我的档案
	const cadreAgain = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const own = await cadreAgain.newPage();
	await loginAs(own, 'cadre');
	await own.getByRole('link', { name: '我的档案' }).first().click();
	await expect(own.getByRole('heading', { level: 1 })).toHaveText('我的档案');
	await showsItAll(own);
	await cadreAgain.close();

	// another HR system reads the case's eligibility with a token: as the page shows it, 401 without
	await page.context().clearCookies();
	await loginAs(page, 'admin');
	await page.goto('/admin/api-tokens');
	await page.getByLabel('名称').fill('干部管理系统（拟任核验）');
	await page
		.getByRole('group', { name: '可读取的单位（含其下级单位）' })
		.getByLabel('区市场监督管理局')
		.check();
	await page.getByRole('button', { name: '创建令牌' }).click();
	const secret = await page.getByLabel('令牌', { exact: true }).inputValue();
	const casePath = `/api/v1/cases/${/\/hr\/cases\/(\d+)/.exec(caseUrl)![1]}`;
	const answer = await request.get(casePath, { headers: { Authorization: `Bearer ${secret}` } });
	expect(answer.status()).toBe(200);
	const body = (await answer.json()) as {
		eligibility: { allowed: boolean; reasons: { text: string }[]; evidence: unknown[] };
	};
	expect(body.eligibility.allowed).toBe(true);
	expect(body.eligibility.reasons.map((r) => r.text)).toContainEqual(
		expect.stringMatching(new RegExp(`^${passed}$`))
	);
	// the attempt the gate counted (the cadre's attempts in other specs' sittings count for no case)
	expect(body.eligibility.evidence).toContainEqual(
		expect.objectContaining({
			score: 90,
			maxScore: 90,
			attemptNo: 1,
			outcome: 'pass',
			use: 'counted'
		})
	);
	expect((await request.get(casePath)).status()).toBe(401);

	// a ceremony recorded in error is removed with the reason: the oath is due again
	await hr.goto(ceremonyUrl);
	await hr.locator('summary', { hasText: '删除此记录' }).click();
	await hr.getByLabel('删除原因').fill('宣誓人员登记有误');
	await hr.getByRole('button', { name: '删除此记录' }).click();
	await expect(hr.getByRole('status').filter({ hasText: '宣誓记录已删除' })).toBeVisible();
	await expect(hr.getByRole('row').filter({ hasText: POST })).toContainText('待宣誓');

	// the pass is voided afterwards (cheating found out): the appointment stands, flagged for review
	const organiserContext = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const organiser = await organiserContext.newPage();
	await loginAs(organiser, 'organiser');
	await organiser.goto(sittingUrl);
	await organiser.getByRole('link', { name: '实时监控' }).click();
	const attempt = organiser.locator('main li.card').filter({ hasText: CADRE_NO });
	await attempt.getByText('延长时间或作废').click();
	await attempt.getByLabel('作废原因').fill('事后查实替考');
	await attempt.getByRole('button', { name: '作废答卷' }).click();
	await expect(organiser.getByRole('status').filter({ hasText: '答卷已作废' })).toBeVisible();
	await organiserContext.close();
	await hr.goto(caseUrl);
	const lapse = hr.getByRole('note').filter({ hasText: '考试依据已不成立' });
	await expect(lapse).toContainText('因违纪作废');
	await expect(lapse).toContainText('原因：事后查实替考');
	await expect(lapse).toContainText('请组织人事部门复核本次任命');
	await hr.goto('/');
	await expect(hr.getByRole('region', { name: '考试依据已不成立的拟任' })).toContainText(POST);

	// HR records its review, without JavaScript: a note, asked once more, then kept as the case's history
	const plainContext = await browser.newContext({
		baseURL,
		locale: 'zh-CN',
		javaScriptEnabled: false
	});
	const plain = await plainContext.newPage();
	await loginAs(plain, 'hr');
	await plain.goto(caseUrl);
	await plain.getByLabel('复核结论或处理情况').fill('经复核，维持任命');
	await plain.getByRole('button', { name: '记录复核' }).click();
	await expect(plain.getByRole('group')).toContainText('记录后不能修改或撤回');
	await expect(plain.getByRole('group')).toContainText('经复核，维持任命');
	// a second HR page (another colleague) got as far as confirming too: the first to confirm stands
	const second = await plainContext.newPage();
	await second.goto(caseUrl);
	await second.getByLabel('复核结论或处理情况').fill('拟撤销任命');
	await second.getByRole('button', { name: '记录复核' }).click();
	await plain.getByRole('button', { name: '确认记录' }).click();
	await expect(plain.getByRole('status').filter({ hasText: '复核结论已记录' })).toBeVisible();
	await second.getByRole('button', { name: '确认记录' }).click();
	const refusal = second.getByRole('alert');
	await expect(refusal).toContainText('已有人记录了本次变化的复核');
	await expect(refusal).toContainText('拟撤销任命');
	await expect(second.getByRole('region', { name: '考试依据已不成立（已复核）' })).toContainText(
		'复核：经复核，维持任命'
	);
	await second.close();
	const history = plain.getByRole('region', { name: '考试依据已不成立（已复核）' });
	await expect(history).toContainText('因违纪作废');
	await expect(history).toContainText('复核：经复核，维持任命');
	await expect(plain.getByRole('note').filter({ hasText: '考试依据已不成立' })).toHaveCount(0);
	await plainContext.close();
	await hr.goto('/');
	await expect(
		hr.getByRole('region', { name: '考试依据已不成立的拟任' }).filter({ hasText: POST })
	).toHaveCount(0);
	await hrContext.close();
});

test('HR on a phone: a long document number wraps, a document dated after today is refused, a claim recorded in error is removed', async ({
	browser,
	baseURL
}) => {
	const phone = await phoneContext(browser, baseURL);
	const hr = await phone.newPage();
	await loginAs(hr, 'hr');
	await hr.goto('/hr/cases');
	await hr.getByRole('row').filter({ hasText: '区市场监督管理局副局长' }).getByRole('link').click();
	await expect(hr.getByRole('heading', { level: 1 })).toContainText('区市场监督管理局副局长');
	const exemptions = hr.getByRole('region', { name: '免考情形' });
	await hr.getByLabel('免考类别').selectOption({ label: '取得国家法律职业资格' });
	await hr.getByLabel('依据文件名称').fill('法律职业资格证书');
	// the longest number the field takes, without a space to break it at
	const number = 'A'.repeat(60);
	await hr.getByLabel('文件编号').fill(number);
	await hr.getByLabel('文件日期').fill('2099-01-01');
	await hr.getByRole('button', { name: '登记免考材料' }).click();
	await expect(hr.getByText('文件日期不能晚于今天')).toBeVisible();
	await expect(exemptions).toContainText('未登记免考材料。');

	await hr.getByLabel('文件日期').fill(shanghaiToday());
	await hr.getByRole('button', { name: '登记免考材料' }).click();
	await expect(hr.getByRole('status').filter({ hasText: '免考材料已登记。' })).toBeVisible();
	await expect(exemptions).toContainText(number);
	expect(
		await hr.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);

	await exemptions.getByRole('button', { name: `移除 法律职业资格证书 ${number}` }).click();
	await expect(hr.getByRole('status').filter({ hasText: '免考材料已移除。' })).toBeVisible();
	await expect(exemptions).not.toContainText(number);
	await phone.close();
});

test('HR without JavaScript: a refused oath ceremony keeps the people ticked; a record shows no print button', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN', javaScriptEnabled: false });
	const hr = await context.newPage();
	await loginAs(hr, 'hr');
	await hr.goto('/hr/oaths');
	const person = hr.getByRole('group', { name: '宣誓人' }).getByRole('checkbox').first();
	await person.check();
	// no place (a browser that does not check required fields sends the form as it is)
	await hr
		.locator('form[action="?/record"]')
		.evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await hr.getByLabel('宣誓地点').fill('');
	await hr.getByRole('button', { name: '保存宣誓记录' }).click();
	await expect(hr.getByLabel('宣誓地点')).toHaveAccessibleDescription(/必填/);
	await expect(person).toBeChecked();
	// a day before the appointment is said at the date, the field to correct, not at the people
	await hr.getByLabel('宣誓地点').fill('区政府常务会议室');
	await hr.getByLabel('组织单位').fill('示范区人民政府');
	await hr.getByLabel('主持人工号').fill('SF0001');
	await hr.getByLabel('宣誓日期').fill('2020-01-02');
	await hr.getByRole('button', { name: '保存宣誓记录' }).click();
	await expect(hr.getByLabel('宣誓日期')).toHaveAccessibleDescription(/早于任命日期/);
	await expect(hr.getByLabel('宣誓日期')).toHaveAttribute('aria-invalid', 'true');
	await expect(hr.getByRole('group', { name: '宣誓人' })).not.toContainText('早于任命日期');
	// a record without JavaScript offers no print button that would do nothing
	await hr.goto('/account/record');
	await expect(hr.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(hr.getByRole('button', { name: '打印' })).toHaveCount(0);
	await context.close();
});

test('HR on a phone withdraws a case only once confirmed: the first tap asks, a replayed post is refused, the case stays open until then', async ({
	browser,
	baseURL
}) => {
	const phone = await phoneContext(browser, baseURL);
	const hr = await phone.newPage();
	await loginAs(hr, 'hr');
	await hr.goto('/hr/cases/new');
	// the demo street organiser (SF0003), no dates yet
	await hr.getByLabel('拟任人工号').fill('SF0003');
	await hr.getByLabel('拟任职务').fill('东城街道办事处副主任（拟撤回）');
	await hr.getByRole('button', { name: '建立拟任事项' }).click();
	await expect(hr.getByRole('status').filter({ hasText: '拟任事项已建立。' })).toBeVisible();
	const caseUrl = hr.url().split('?')[0]!;
	const details = hr.getByRole('region', { name: '拟任信息' });

	await hr.getByLabel('办理结果').selectOption({ label: '已撤回' });
	await hr.getByLabel('原因', { exact: true }).fill('本人申请');
	await hr.getByRole('button', { name: '保存', exact: true }).click();
	const ask = hr.getByRole('group', { name: '撤回此拟任事项？' });
	await expect(ask).toContainText('不能再记录任命');
	await expect(ask).toContainText('本人申请');
	// the same post sent again without the confirmation changes nothing
	const replay = await hr.request.post(`${caseUrl}?/close`, {
		form: { state: 'withdrawn', reason: '本人申请' },
		headers: { origin: baseURL! }
	});
	expect(replay.ok()).toBe(true);
	await hr.goto(caseUrl);
	await expect(details).toContainText('办理中');
	await expect(hr.getByRole('button', { name: '记录任命' })).toBeVisible();

	await hr.getByLabel('办理结果').selectOption({ label: '已撤回' });
	await hr.getByLabel('原因', { exact: true }).fill('本人申请');
	await hr.getByRole('button', { name: '保存', exact: true }).click();
	await ask.getByRole('button', { name: '确认撤回' }).click();
	await expect(hr.getByRole('status').filter({ hasText: '已保存。' })).toBeVisible();
	await expect(details).toContainText('已撤回');
	await expect(details).toContainText('本人申请');
	await expect(hr.getByRole('button', { name: '记录任命' })).toHaveCount(0);
	await phone.close();
});
