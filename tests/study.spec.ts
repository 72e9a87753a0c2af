import { type Browser, type Page, devices } from '@playwright/test';
import ICAL from 'ical.js';
import { expect, holdScripts, loginAs, test } from './helpers.ts';

/** Beijing's date and wall-clock time, `minutes` from now. */
function beijing(minutes = 0) {
	const iso = new Date(Date.now() + minutes * 60_000 + 8 * 3_600_000).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A second person, on a phone, in their own browser context. */
async function onPhone(browser: Browser, username: string): Promise<Page> {
	const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'zh-CN' });
	const phone = await context.newPage();
	await loginAs(phone, username);
	return phone;
}

const noSidewaysScroll = async (page: Page) =>
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);

test.describe.configure({ timeout: 60_000 });

test('an organiser schedules weekly study, adds a session, a cadre checks in on a phone, the rest are marked', async ({
	page,
	browser
}) => {
	await loginAs(page, 'organiser');
	await page.goto('/study/schedules');
	await page.getByLabel('活动名称').fill('党组会前学法');
	await page.getByLabel('星期', { exact: true }).selectOption({ label: '周四' });
	await page.getByLabel('开始日期').fill('2026-09-24');
	await page.getByLabel('结束日期').fill('2026-10-15');
	await page.getByLabel('开始时间').first().fill('08:30');
	await page.getByRole('button', { name: '生成学法安排' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('党组会前学法');
	// four Thursdays, of which 1 October is the National Day holiday
	const rows = page.locator('table tbody tr');
	await expect(rows).toHaveCount(3);
	await expect(rows.first()).toContainText('9/24');
	await expect(page.getByRole('region', { name: '因节假日未安排' })).toContainText('10月1日');

	// a one-off session today, starting in ten minutes (at 23:59 when that would be tomorrow: check-in
	// cannot open for a later day's session, and CI may run just before midnight in Beijing)
	const now = beijing();
	const later = beijing(10);
	const soon = later.date === now.date ? later : { date: now.date, time: '23:59' };
	const add = page.getByRole('region', { name: '临时增加一次活动' });
	await add.getByLabel('学法主题').fill('学习《行政复议法》');
	await add.getByLabel('日期').fill(soon.date);
	await add.getByLabel('开始时间').fill(soon.time);
	await add.getByRole('button', { name: '增加活动' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('学习《行政复议法》');
	const sessionUrl = page.url().replace(/\?.*$/, '');

	await page.getByRole('button', { name: '开启签到' }).click();
	await expect(page.getByText('签到进行中')).toBeVisible();
	await page.getByRole('link', { name: '打开签到大屏' }).click();
	const code = (await page.locator('.code').innerText()).replace(/\D/g, '');
	expect(code).toMatch(/^\d{6}$/);

	// the cadre types the code on a phone, a slow one: before the page's script has arrived
	const phone = await onPhone(browser, 'cadre');
	const release = await holdScripts(phone);
	await phone.goto('/study/checkin', { waitUntil: 'commit' });
	await phone.getByLabel('签到码').fill(code);
	release();
	await phone.waitForLoadState('networkidle');
	await expect(phone.getByLabel('签到码')).toHaveValue(code);
	await noSidewaysScroll(phone);
	await phone.getByRole('button', { name: '签到', exact: true }).click();
	await expect(phone.getByRole('status')).toHaveText('签到成功。');
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('学习《行政复议法》');
	// a wrong code is refused, in words
	await phone.goto('/study/checkin');
	await phone.getByLabel('签到码').fill(code === '000000' ? '111111' : '000000');
	await phone.getByRole('button', { name: '签到', exact: true }).click();
	await expect(phone.getByRole('alert')).toBeVisible();
	// said once, at the field
	await expect(phone.getByText('签到码不正确或已过期', { exact: false })).toHaveCount(1);
	await expect(phone.getByLabel('签到码')).toHaveAccessibleDescription(/签到码不正确或已过期/);
	await phone.context().close();

	// the organiser marks the rest absent
	await page.goto(sessionUrl);
	const attendance = page.getByRole('region', { name: '出勤', exact: true });
	// the cadre's check-in is on the roster: present, the only one marked so far
	await expect(attendance.locator('tbody option:checked', { hasText: '出席' })).toHaveCount(1);
	await expect(attendance.locator('tbody option:checked', { hasText: '缺席' })).toHaveCount(0);
	await page.getByLabel(/^其余 \d+ 人登记为$/).selectOption({ label: '缺席' });
	await page.getByRole('button', { name: '一并登记' }).click();
	await expect(page.getByRole('status')).toHaveText('出勤已保存。');
	await expect(attendance.getByText(/实到 1 人次 \/ 应到 \d+ 人次/)).toBeVisible();
	await expect(attendance.getByText(/^缺席 [1-9]\d*$/)).toBeVisible();
});

test('a cadre signs off a written-study material and the organiser sees who has not', async ({
	page,
	browser
}) => {
	await loginAs(page, 'organiser');
	await page.goto('/study/readings');
	await page.getByLabel('标题').fill('学习《行政处罚法》第三十三条');
	await page
		.getByLabel('学习内容')
		.fill('**首违不罚**：初次违法且危害后果轻微并及时改正的，可以不予行政处罚。');
	await page.getByRole('button', { name: '分发', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('学习《行政处罚法》第三十三条');
	await expect(page.locator('strong', { hasText: '首违不罚' })).toBeVisible();
	await expect(page.getByText(/已签阅 0 \/ \d+ 人/)).toBeVisible();
	const readingUrl = page.url().replace(/\?.*$/, '');

	const phone = await onPhone(browser, 'cadre');
	const card = phone.getByRole('region', { name: '我的学法' });
	await card.getByRole('link', { name: '学习《行政处罚法》第三十三条' }).click();
	// the material's page, not the home page being left, is the one to measure
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('学习《行政处罚法》第三十三条');
	await noSidewaysScroll(phone);
	await phone.getByRole('button', { name: '我已阅读，签阅' }).click();
	await expect(phone.getByRole('status')).toHaveText('已签阅。');
	await phone.goto('/');
	await expect(card.getByRole('link', { name: '学习《行政处罚法》第三十三条' })).toHaveCount(0);
	await phone.context().close();

	await page.goto(readingUrl);
	await expect(page.getByText(/已签阅 1 \/ \d+ 人/)).toBeVisible();
	// the others are listed first, in words: not opened
	await expect(page.locator('tbody tr').first()).toContainText('未打开');
	await expect(page.locator('tbody tr').last()).toContainText('已于');
});

test('text typed into a long field before the page script arrives survives hydration and is sent', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	// a slow phone: the page is there and can be typed into well before its script runs
	const release = await holdScripts(page);
	await page.goto('/study/readings', { waitUntil: 'commit' });
	await page.getByLabel('标题').fill('学习《行政复议法》第十一条');
	await page.getByLabel('学习内容').fill('有下列情形之一的，可以申请**行政复议**。');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('学习内容')).toHaveValue('有下列情形之一的，可以申请**行政复议**。');
	await page.getByRole('button', { name: '分发', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('学习《行政复议法》第十一条');
	await expect(page.locator('strong', { hasText: '行政复议' })).toBeVisible();
});

test('a personal calendar feed parses as iCalendar and stops when revoked', async ({
	page,
	request
}) => {
	await loginAs(page, 'cadre');
	await page.goto('/study/feeds');
	await page.getByRole('button', { name: '订阅我的学法活动' }).click();
	const url = await page.getByLabel('订阅地址').inputValue();
	expect(url).toMatch(/\/ical\/[A-Za-z0-9_-]{20,}\.ics$/);

	// fetched without a login, as a calendar app does
	const res = await request.get(url);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('text/calendar');
	const calendar = new ICAL.Component(ICAL.parse(await res.text()));
	const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
	expect(events.length).toBeGreaterThan(5);
	expect(events.some((e) => e.summary.includes('会前学法'))).toBe(true);
	// wall-clock times in Beijing, as the district reads them
	expect(events[0]!.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(
		'Asia/Shanghai'
	);
	expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

	await page.getByRole('button', { name: '停用' }).first().click();
	await expect(page.getByRole('status')).toContainText('订阅已停用');
	expect((await request.get(url)).status()).toBe(404);
});

// the "已创建" of a redirect stays in the address: with a script, a later form's refusal on the same
// page must not stand beside it
test('after a success, a later refusal on the same page is not shown beside “已创建”', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await page.goto('/study/schedules');
	await page.getByLabel('活动名称').fill('法治讲座');
	await page.getByLabel('开始日期').fill('2026-03-02');
	await page.getByLabel('结束日期').fill('2026-03-30');
	await page.getByRole('button', { name: '生成学法安排' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('法治讲座');
	await expect(page.getByText('已创建。')).toBeVisible();
	const add = page.getByRole('region', { name: '临时增加一次活动' });
	await add.getByLabel('学法主题').fill('   ');
	await add.getByLabel('日期').fill('2026-03-04');
	await add.getByLabel('开始时间').fill('09:00');
	await add.getByRole('button', { name: '增加活动' }).click();
	await expect(add.getByLabel('学法主题')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('已创建。')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an organiser records a leave asked for before next week’s session, and only a leave', async ({
		page
	}) => {
		await loginAs(page, 'organiser');
		await page.goto('/study/teams');
		await page.getByRole('link', { name: '区政府领导班子' }).first().click();
		const add = page.getByRole('region', { name: '临时增加一次活动' });
		await add.getByLabel('学法主题').fill('学习《行政许可法》');
		await add.getByLabel('日期').fill(beijing(7 * 24 * 60).date);
		await add.getByLabel('开始时间').fill('09:00');
		await add.getByRole('button', { name: '增加活动' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('学习《行政许可法》');
		const attendance = page.getByRole('region', { name: '出勤', exact: true });
		await expect(attendance.getByText(/只能提前登记请假/)).toBeVisible();
		// no check-in, no 'the rest', and each row offers leave and nothing else
		await expect(page.getByRole('button', { name: '开启签到' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: '一并登记' })).toHaveCount(0);
		const first = attendance.locator('tbody tr').first();
		const status = first.getByRole('combobox');
		await expect(status.locator('option')).toHaveText(['未登记', '请假']);
		// a leave without its reason is sent back, the choice kept
		await status.selectOption({ label: '请假' });
		await attendance.getByRole('button', { name: '保存出勤' }).click();
		await expect(first.getByRole('textbox')).toHaveAccessibleDescription(/请假须填写理由/);
		await expect(first.getByRole('combobox')).toHaveValue('leave');
		await first.getByRole('textbox').fill('赴市里参加会议');
		await attendance.getByRole('button', { name: '保存出勤' }).click();
		await expect(page.getByRole('status')).toHaveText('出勤已保存。');
		await expect(first.getByRole('textbox')).toHaveValue('赴市里参加会议');
		// the session has not taken place: still to be held
		await expect(page.getByText('待开展').first()).toBeVisible();
	});

	test('an organiser withdraws a leave recorded before the session’s day: the row is unmarked again', async ({
		page
	}) => {
		await loginAs(page, 'organiser');
		await page.goto('/study/teams');
		await page.getByRole('link', { name: '区政府领导班子' }).first().click();
		const add = page.getByRole('region', { name: '临时增加一次活动' });
		await add.getByLabel('学法主题').fill('学习《行政强制法》');
		await add.getByLabel('日期').fill(beijing(8 * 24 * 60).date);
		await add.getByLabel('开始时间').fill('09:00');
		await add.getByRole('button', { name: '增加活动' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('学习《行政强制法》');
		const attendance = page.getByRole('region', { name: '出勤', exact: true });
		const first = attendance.locator('tbody tr').first();
		await first.getByRole('combobox').selectOption({ label: '请假' });
		await first.getByRole('textbox').fill('赴市里参加会议');
		await attendance.getByRole('button', { name: '保存出勤' }).click();
		await expect(page.getByRole('status')).toHaveText('出勤已保存。');
		await expect(first.getByRole('combobox')).toHaveValue('leave');

		await first.getByRole('button', { name: /^撤回请假 / }).click();
		await expect(page.getByRole('status')).toHaveText('请假已撤回。');
		await expect(first.getByRole('combobox')).toHaveValue('');
		await expect(first.getByRole('textbox')).toHaveValue('');
		await expect(first.getByRole('button', { name: /^撤回请假 / })).toHaveCount(0);
	});

	test('a cadre signs off the seeded material with plain forms', async ({ page }) => {
		await loginAs(page, 'cadre');
		await page.goto('/study/readings');
		await page.getByRole('link', { name: '学习《行政复议法》修订要点' }).click();
		await page.getByRole('button', { name: '我已阅读，签阅' }).click();
		await expect(page.getByRole('status')).toHaveText('已签阅。');
		await expect(page.getByText(/^已于 .+ 签阅$/)).toBeVisible();
	});
});
