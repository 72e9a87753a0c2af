import { expect, loginAs, test } from './helpers.ts';

// the phone of the exploratory test that found the blueprint cramped
test.use({ viewport: { width: 390, height: 844 } });

test('the exam form’s blueprint fits a 390 px phone: each type on one line, every field on screen', async ({
	page
}) => {
	await loginAs(page, 'organiser');
	await page.goto('/exams/manage/new');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);
	const width = page.viewportSize()!.width;
	// 单选题 on one line, not a character a line
	const type = (await page.getByRole('rowheader', { name: '单选题' }).boundingBox())!;
	expect(type.height).toBeLessThan(40);
	// the last column and the whole caption inside the screen, not scrolled off to the right
	for (const part of [
		page.getByLabel('单选题 · 限定法律（可选）'),
		page.getByText('固定试卷只需填写分值')
	]) {
		const box = (await part.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(width);
	}
});
