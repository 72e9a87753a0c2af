import { expect, loginAs, test } from './helpers.ts';

// the narrowest phone still in use: no study page may scroll sideways (tables scroll in their box)
test.use({ viewport: { width: 320, height: 640 } });

test('a cadre’s study pages fit a 320 px screen', async ({ page }) => {
	await loginAs(page, 'cadre');
	const session = page.getByRole('region', { name: '我的学法' }).getByRole('link').first();
	await session.click();
	await expect(page).toHaveURL(/\/study\/(sessions|readings)\/\d+/);
	for (const path of [
		page.url(),
		'/study',
		'/study/calendar',
		'/study/calendar?view=week',
		'/study/readings',
		'/study/checkin',
		'/study/feeds'
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});

test('an organiser’s plan, schedule and session pages fit a 320 px screen', async ({ page }) => {
	await loginAs(page, 'organiser');
	const pages: string[] = [];
	await page.goto('/study/plans');
	pages.push((await page.locator('main a[href^="/study/plans/"]').first().getAttribute('href'))!);
	await page.goto('/study/schedules');
	const schedule = (await page
		.locator('main a[href^="/study/schedules/"]')
		.first()
		.getAttribute('href'))!;
	pages.push(schedule);
	await page.goto(schedule);
	pages.push(
		(await page.locator('main a[href^="/study/sessions/"]').first().getAttribute('href'))!
	);
	for (const path of [...pages, `${pages[0]}/print`, '/study/teams', '/study/readings']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});

test('one tap on a phone deletes no lesson and withdraws no material: each asks first', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	for (const [list, title, button, asked] of [
		['/study/lessons', '超过最长期限的复议申请', '删除课件', '删除课件“超过最长期限的复议申请”？'],
		[
			'/study/readings',
			'学习《行政复议法》修订要点',
			'撤回此材料',
			'撤回“学习《行政复议法》修订要点”？'
		]
	] as const) {
		await page.goto(list);
		await page.getByRole('link', { name: title }).first().click();
		await page.getByRole('link', { name: button }).click();
		await expect(page.getByRole('group', { name: asked })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await page.getByRole('link', { name: '取消' }).click();
		await expect(page.getByRole('link', { name: button })).toBeVisible();
	}
});

test('a session’s line in the study list keeps its separators: form · length · team · place', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await page.goto('/study');
	await expect(
		page.getByText(/\d+ 分钟 · 区政府领导班子 · 区政府第一会议室/).first()
	).toBeVisible();
});

test('a session’s uploaded material is deleted only once confirmed', async ({ page }) => {
	await loginAs(page, 'organiser');
	await page.goto('/study');
	await page.locator('main a[href^="/study/sessions/"]').first().click();
	// the smallest PNG: the server checks the bytes, not the name
	const png =
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
	await page.getByLabel('上传材料').setInputFiles({
		name: '会议记录.png',
		mimeType: 'image/png',
		buffer: Buffer.from(png, 'base64')
	});
	await page.getByRole('button', { name: '上传', exact: true }).click();
	const file = page.getByRole('link', { name: '会议记录.png', exact: true });
	await expect(file).toHaveCount(1);
	await page.getByRole('link', { name: '删除 会议记录.png' }).click();
	// asked, not done: the question is there, and the file still
	const confirm = page.getByRole('button', { name: '确认删除' });
	await expect(confirm).toBeVisible();
	await expect(file).toHaveCount(1);
	await confirm.click();
	await expect(file).toHaveCount(0);
});

test('one tap on a phone removes nobody from a study team: 移出 asks first', async ({ page }) => {
	await loginAs(page, 'organiser');
	await page.goto('/study/teams');
	await page.getByLabel('班子名称').fill('移出确认测试班子');
	await page.getByRole('button', { name: '创建班子' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('移出确认测试班子');
	await page.getByLabel('工号', { exact: true }).fill('SF0006');
	await page.getByRole('button', { name: '添加', exact: true }).click();
	const members = page.getByRole('region', { name: '成员', exact: true });
	const row = members.locator('tbody tr').filter({ hasText: 'SF0006' });
	await expect(row).toHaveCount(1);

	const ask = members.getByRole('group', { name: /^将.+移出本班子？$/ });
	await row.getByRole('link', { name: /^移出 / }).click();
	await expect(ask).toBeVisible();
	await expect(row).toHaveCount(1);
	await members.getByRole('link', { name: '取消' }).click();
	// the question gone, the member still there
	await expect(ask).toHaveCount(0);
	await expect(row).toHaveCount(1);

	await row.getByRole('link', { name: /^移出 / }).click();
	await members.getByRole('button', { name: '确认移出' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已移出。' })).toBeVisible();
	await expect(row).toHaveCount(0);
});
