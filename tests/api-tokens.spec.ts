import { expect, loginAs, test } from './helpers.ts';

const NAME = '组织部干部管理系统';
/** The demo's `cadre` account: the sixth person the seed makes. */
const CADRE = 'SF0006';
const today = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

// the second test reads in the audit log what the first one did: from the day it began, which is
// yesterday's once Beijing's midnight has passed since (CI runs at any hour)
test.describe.configure({ mode: 'serial' });
const began = today();

test('an administrator makes an API token, HR reads with it, revoking it shuts HR out', async ({
	page,
	request
}) => {
	await loginAs(page, 'admin');
	await page.goto('/admin/api-tokens');
	await page.getByLabel('名称').fill(NAME);
	await page
		.getByRole('group', { name: '可读取的单位（含其下级单位）' })
		.getByLabel('区市场监督管理局')
		.check();
	await page.getByRole('button', { name: '创建令牌' }).click();
	await expect(page.getByRole('heading', { name: `令牌“${NAME}”已创建` })).toBeVisible();
	const secret = await page.getByLabel('令牌', { exact: true }).inputValue();
	expect(secret).toMatch(/^xuefa_[a-z2-7]{32}$/);

	const bearer = { Authorization: `Bearer ${secret}` };
	const ok = await request.get(`/api/v1/people/${CADRE}`, { headers: bearer });
	expect(ok.status()).toBe(200);
	expect(await ok.json()).toMatchObject({
		employeeNo: CADRE,
		unit: { name: '区市场监督管理局' },
		passRecords: expect.any(Array),
		certificates: expect.any(Array)
	});
	const anonymous = await request.get(`/api/v1/people/${CADRE}`);
	expect(anonymous.status()).toBe(401);
	expect(await anonymous.json()).toMatchObject({ code: 'unauthorized' });
	// the administrator (SF0001) works in another unit: answered as nobody, so a guess tells nothing
	const outside = await request.get('/api/v1/people/SF0001', { headers: bearer });
	expect(outside.status()).toBe(404);

	// shown once: the list has the token's use, never the token
	await page.goto('/admin/api-tokens');
	await expect(page.getByLabel('令牌', { exact: true })).toHaveCount(0);
	const row = page.getByRole('row').filter({ hasText: NAME });
	await expect(row).toContainText('（共 2 次）');
	await expect(row).not.toContainText(secret);
	await row.getByRole('button', { name: `吊销令牌“${NAME}”` }).click();
	await expect(page.getByRole('status')).toContainText('令牌已吊销');
	await expect(row).toContainText('已吊销');
	const revoked = await request.get(`/api/v1/people/${CADRE}`, { headers: bearer });
	expect(revoked.status()).toBe(401);
});

test('the audit log, filtered by who, when and what, shows the token and its requests with links', async ({
	page
}) => {
	await loginAs(page, 'admin');
	// a GET form: the filters are in the address
	await page.goto('/admin/audit');
	await page.getByLabel('操作人（姓名或用户名）').fill('admin');
	await page.getByLabel('起始日期').fill(began);
	await page.getByLabel('截止日期').fill(today());
	await page.getByRole('button', { name: '筛选', exact: true }).click();
	await expect(page).toHaveURL(/actor=admin/);
	const created = page.getByRole('row').filter({ hasText: '创建 API 令牌' });
	await expect(created).toContainText(NAME);
	await expect(created).toContainText('区市场监督管理局');
	await expect(page.getByRole('row').filter({ hasText: '吊销 API 令牌' })).toHaveCount(1);
	// the requests were the token's, not the administrator's
	await expect(page.getByRole('row').filter({ hasText: '通过 API 读取' })).toHaveCount(0);

	await page.getByLabel('操作人（姓名或用户名）').fill('');
	await page.getByLabel('操作', { exact: true }).selectOption({ label: '通过 API 读取' });
	await page.getByRole('button', { name: '筛选', exact: true }).click();
	const reads = page.getByRole('row').filter({ hasText: '通过 API 读取' });
	await expect(reads).toHaveCount(2);
	await expect(reads.filter({ hasText: '超出令牌的单位范围，已拒绝' })).toHaveCount(1);

	await page.goto('/admin/audit?action=api_token.created');
	await page.getByRole('row').filter({ hasText: NAME }).getByRole('link').click();
	await expect(page).toHaveURL(/\/admin\/api-tokens#token-\d+$/);
});
