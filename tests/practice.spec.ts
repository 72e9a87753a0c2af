import type { Page } from '@playwright/test';
import {
	FILL,
	PRACTICE_BANK,
	SINGLE,
	TRUEFALSE,
	seedPracticeBank
} from './fixtures/practice-seed.ts';
import { expect, loginAs, shanghaiToday, test } from './helpers.ts';

test.beforeAll(seedPracticeBank);

/** Starts a set from the practice bank on the practice home. */
async function startBankSet(page: Page) {
	await page.goto('/practice');
	const byBank = page.getByRole('region', { name: '按题库练习' });
	await byBank.getByLabel('题库').selectOption({ label: `${PRACTICE_BANK}（3 题）` });
	await byBank.getByRole('button', { name: '开始' }).click();
	await expect(page.getByText(/第 1 题，共 3 题/)).toBeVisible();
}

/** Answers the question on screen: right, unless it is the single choice and `wrongSingle`. */
async function answerShown(
	page: Page,
	wrongSingle: boolean
): Promise<'single' | 'truefalse' | 'fill'> {
	await expect(page.getByRole('button', { name: '提交答案' })).toBeVisible();
	const article = page.getByRole('article');
	let kind: 'single' | 'truefalse' | 'fill';
	if (await article.getByText(SINGLE.stem).isVisible()) {
		kind = 'single';
		await page.getByRole('radio', { name: wrongSingle ? SINGLE.wrong : SINGLE.right }).check();
	} else if (await article.getByText(TRUEFALSE.stem).isVisible()) {
		kind = 'truefalse';
		await page.getByRole('radio', { name: '错误', exact: true }).check();
	} else {
		kind = 'fill';
		await page.getByLabel('第 1 空').fill(FILL.answer);
	}
	await page.getByRole('button', { name: '提交答案' }).click();
	return kind;
}

test('a cadre practises, gets one wrong, finds it in the mistake book and answers it right in review', async ({
	page
}) => {
	const started = shanghaiToday();
	await loginAs(page, 'cadre');
	await expect(page.getByRole('heading', { name: '今日练习' })).toBeVisible();
	await page.getByRole('link', { name: '去练习' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '练习' })).toBeVisible();
	await expect(page.getByLabel('今日目标完成进度')).toBeVisible();
	// nothing practised yet: nothing is due, neither today nor in any topic
	await expect(page.getByText('今日待复习：0 题')).toBeVisible();
	const dueCells = page.getByRole('cell').and(page.locator('[data-label="待复习"]'));
	await expect(dueCells.first()).toBeVisible();
	for (const cell of await dueCells.all()) await expect(cell).toHaveText('0');

	await startBankSet(page);
	// nothing in the page reveals the answers before answering
	const html = await page.content();
	for (const secret of ['第四十四条', '第四十五条', '第九条', FILL.answer])
		expect(html).not.toContain(secret);

	let wrongAnswerUrl = '';
	for (let i = 0; i < 3; i++) {
		await expect(page.getByText(`第 ${i + 1} 题，共 3 题`)).toBeVisible();
		const kind = await answerShown(page, true);
		await expect(page).toHaveURL(/\/practice\/s\/\d+\/a\/\d+$/);
		// the next review reads as a day or a date, never a clock time
		await expect(
			page.getByText(/^下次复习：(今天|明天|后天|\d+天后|\d{4}年\d{1,2}月\d{1,2}日)$/)
		).toBeVisible();
		if (kind === 'single') {
			wrongAnswerUrl = page.url();
			// a wrong answer comes back within minutes (tomorrow only just before midnight)
			await expect(page.getByText(/^下次复习：(今天|明天)$/)).toBeVisible();
			await expect(page.getByText('回答错误', { exact: true })).toBeVisible();
			await expect(page.getByText('已记入错题本。再答对 2 次移出错题本。')).toBeVisible();
			await expect(page.getByRole('listitem').filter({ hasText: SINGLE.right })).toContainText(
				'正确选项'
			);
			// that the choice was wrong is said in words, not only by a red border
			await expect(page.getByRole('listitem').filter({ hasText: SINGLE.wrong })).toContainText(
				'你的选择：错误'
			);
			await expect(page.getByText(/应当告知拟作出的处罚内容/)).toBeVisible();
			await expect(page.getByRole('link', { name: '《行政处罚法》第四十四条' })).toBeVisible();
		} else {
			await expect(page.getByText('回答正确', { exact: true })).toBeVisible();
		}
		await page.getByRole('button', { name: i < 2 ? '下一题' : '查看本组结果' }).click();
	}
	await expect(page.getByText('答对 2 题，部分正确 0 题，答错 1 题。')).toBeVisible();

	await page.getByRole('link', { name: '查看错题本' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '错题本' })).toBeVisible();
	await expect(page.getByText('连续答对 2 次即移出')).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: SINGLE.stem });
	await expect(row).toContainText('0 / 2');
	await expect(row.getByRole('cell').nth(2)).toHaveText('1');

	await page.getByRole('button', { name: '练习我的错题' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '错题练习' })).toBeVisible();
	await expect(page.getByText(SINGLE.stem)).toBeVisible();
	await page.getByRole('radio', { name: SINGLE.right }).check();
	await page.getByRole('button', { name: '提交答案' }).click();
	await expect(page.getByText('回答正确', { exact: true })).toBeVisible();
	await expect(
		page.getByText('错题本：已连续答对 1 / 2 次，再答对 1 次移出错题本。')
	).toBeVisible();

	await page.goto('/practice/mistakes');
	const mistake = page.getByRole('row').filter({ hasText: SINGLE.stem });
	await expect(mistake).toContainText('1 / 2');
	// the row opens the question with the key and its explanation
	await mistake.getByRole('link', { name: SINGLE.stem }).click();
	await expect(page.getByText(/应当告知拟作出的处罚内容/)).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: SINGLE.right })).toContainText(
		'正确选项'
	);
	// the first wrong answer still shows the state it left, not today's streak of 1
	await page.goto(wrongAnswerUrl);
	await expect(page.getByText('已记入错题本。再答对 2 次移出错题本。')).toBeVisible();
	await page.goto('/');
	// today's four answers (Beijing's day: fewer once its midnight has passed since the first)
	const sameDay = shanghaiToday() === started;
	await expect(
		page.getByText(sameDay ? '今日已答 4 / 20 题' : /今日已答 [0-4] \/ 20 题/)
	).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the answer and feedback loop works with plain form posts', async ({ page }) => {
		await loginAs(page, 'street');
		await startBankSet(page);
		await answerShown(page, false);
		await expect(page).toHaveURL(/\/practice\/s\/\d+\/a\/\d+$/);
		await expect(page.getByText('回答正确', { exact: true })).toBeVisible();
		// a reload of the feedback page shows the same answer, it does not post again
		await page.reload();
		await expect(page.getByText('回答正确', { exact: true })).toBeVisible();
		await page.getByRole('button', { name: '下一题' }).click();
		await expect(page.getByText(/第 2 题，共 3 题/)).toBeVisible();
		// the set survives leaving and coming back
		await page.goto('/practice');
		await page.goBack();
		await expect(page.getByText(/第 2 题，共 3 题/)).toBeVisible();
	});
});
