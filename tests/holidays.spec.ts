import { expect, loginAs, test } from './helpers.ts';

// A year far from any demo schedule (they end at most three months after the day the demo is
// seeded), so that entering it changes no session another spec reads.
const YEAR = '2035';

test('an administrator enters a year of holidays, then corrects a typo without typing the year again', async ({
	page,
	browser
}) => {
	// an organiser's Mondays of the year's first quarter, scheduled before its holidays are known
	const organiser = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
	await loginAs(organiser, 'organiser');
	await organiser.goto('/study/schedules');
	const schedule = organiser.locator('form[action="?/create"]');
	await schedule.getByLabel('活动名称').fill(`${YEAR}年一季度会前学法`);
	await schedule.getByLabel('开始日期').fill(`${YEAR}-01-01`);
	await schedule.getByLabel('结束日期').fill(`${YEAR}-03-31`);
	await schedule.getByRole('button', { name: '生成学法安排' }).click();
	await expect(organiser.getByText(`尚未录入 ${YEAR} 年节假日安排`)).toBeVisible();
	const sessions = organiser.locator('table tbody tr');
	await expect(sessions).toHaveCount(13);
	const scheduleUrl = organiser.url();
	// another year's dates say which year: 2035/2/12周一, not 2/12周一
	const feb12 = organiser.getByRole('row', { name: new RegExp(`${YEAR}/2/12周一`) });
	// a lawyer is booked for Monday 12 February, before anyone knows it is the Spring Festival
	await feb12.getByRole('link').first().click();
	const details = organiser.locator('form[action="?/details"]');
	await details.getByLabel('外请法律顾问或专家').check();
	await details.getByLabel('外请主讲人姓名').fill('王律师');
	await details.getByLabel('单位或职务').fill('某某律师事务所律师');
	await details.getByRole('button', { name: '保存' }).click();
	await expect(organiser.getByRole('status').getByText('已保存')).toBeVisible();
	await organiser.goto(scheduleUrl);

	await loginAs(page, 'admin');
	await page.goto('/admin/calendar');
	const form = page.locator('form[action="?/save"]');
	await form.getByLabel('年份').fill(YEAR);
	await form.getByLabel('依据（通知文号）').fill('国办发明电〔2034〕示例号');
	const row = (n: number) => form.getByRole('group', { name: `第 ${n} 项` });
	await row(1).getByLabel('放假开始').fill(`${YEAR}-01-01`);
	await row(1).getByLabel('放假结束').fill(`${YEAR}-01-01`);
	// the Spring Festival typed one day too long: it should end on Tuesday the 13th
	await row(2).getByLabel('放假开始').fill(`${YEAR}-02-07`);
	await row(2).getByLabel('放假结束').fill(`${YEAR}-02-14`);
	await row(2).getByLabel('调休上班日').fill(`${YEAR}-02-03、${YEAR}-02-17`);
	await row(3).getByLabel('放假开始').fill(`${YEAR}-04-05`);
	await row(3).getByLabel('放假结束').fill(`${YEAR}-04-07`);
	await form.getByRole('button', { name: '保存节假日安排' }).click();
	await expect(page).toHaveURL(/done=saved/);
	// Monday 1 January and Monday 12 February became holidays: the admin is told, the organiser sees
	await expect(page.getByText('2 次活动随之新增、改期或因放假取消')).toBeVisible();
	// nobody is notified by the app: the admin is shown whom to tell, by name
	const tell = page.getByRole('region', { name: '请通知以下学法活动的主讲人（1 次）' });
	await expect(tell).toContainText('主讲人：王律师（某某律师事务所律师）');
	await expect(tell).toContainText(`${YEAR}年2月12日`);
	await expect(tell).toContainText('已取消');
	await organiser.reload();
	await expect(organiser.getByText(`尚未录入 ${YEAR} 年节假日安排`)).toBeHidden();
	// 1 January's session went; 12 February's stays, cancelled, for its speaker's sake
	await expect(sessions).toHaveCount(12);
	await expect(feb12).toContainText('已取消');
	await expect(organiser.getByRole('region', { name: '因节假日未安排' })).toContainText('春节');
	const entered = page
		.locator('details')
		.filter({ has: page.locator('summary', { hasText: YEAR }) });
	// opened whether or not it already was (a page updated in place keeps a details element open)
	const open = () => entered.evaluate((d: HTMLDetailsElement) => (d.open = true));
	await open();
	await expect(entered.getByRole('row', { name: /春节/ })).toContainText(
		`${YEAR}-02-07 – ${YEAR}-02-14`
	);

	// the correction starts from what was entered: every row, the source, "replace" ticked
	await entered.getByRole('link', { name: `更正 ${YEAR} 年的安排` }).click();
	await expect(page.getByRole('heading', { name: `更正 ${YEAR} 年的节假日安排` })).toBeVisible();
	await expect(form.getByLabel('年份')).toHaveValue(YEAR);
	await expect(form.getByLabel('依据（通知文号）')).toHaveValue('国办发明电〔2034〕示例号');
	await expect(row(2).getByLabel('节假日')).toHaveValue('春节');
	await expect(row(2).getByLabel('调休上班日')).toHaveValue(`${YEAR}-02-03、${YEAR}-02-17`);
	await expect(row(3).getByLabel('放假结束')).toHaveValue(`${YEAR}-04-07`);
	await expect(form.getByRole('checkbox', { name: /替换已有的同年安排/ })).toBeChecked();
	await row(2).getByLabel('放假结束').fill(`${YEAR}-02-13`);
	await form.getByRole('button', { name: '保存节假日安排' }).click();
	await expect(page).toHaveURL(/done=saved/);

	// the typo is gone and nothing else with it
	await open();
	await expect(entered.getByRole('row', { name: /春节/ })).toContainText(
		`${YEAR}-02-07 – ${YEAR}-02-13`
	);
	await expect(entered.getByRole('row', { name: /清明节/ })).toContainText(
		`${YEAR}-04-05 – ${YEAR}-04-07`
	);
	await expect(entered.getByRole('row', { name: /元旦/ })).toContainText(`${YEAR}-01-01`);

	// entering the year afresh is refused at the year field, with the way to correct it
	await form.getByLabel('年份').fill(YEAR);
	await row(1).getByLabel('放假开始').fill(`${YEAR}-01-01`);
	await row(1).getByLabel('放假结束').fill(`${YEAR}-01-01`);
	await form.getByRole('button', { name: '保存节假日安排' }).click();
	await expect(form.getByText(`${YEAR} 年的节假日安排已存在`, { exact: true })).toBeVisible();
	await expect(form.getByLabel('年份')).toHaveAttribute('aria-invalid', 'true');
});
