import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listQuestionsInput } from '$lib/schemas/banks.ts';
import { SEARCH_COUNT_CAP, listQuestions } from '../services/questions/list.ts';
import { storeQuestion } from '../services/questions/store.ts';
import { testDb } from '../testing/db.ts';
import {
	ctxFor,
	district,
	makeBank,
	makeQuestion,
	makeUser,
	singleChoice
} from '../testing/factories.ts';
import { bigramsOf, indexMissingBigrams, isBigram } from './grams.ts';

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const bank = await makeBank(db, d.a.id);
	const ctx = await ctxFor(db, organiser.user.id);
	const search = async (q: string) =>
		listQuestions(ctx, { ...listQuestionsInput.parse({ q }), bankId: bank.id });
	return { db, bank, search };
}

describe('the two-character search index', () => {
	it('cuts text into pairs of adjacent word characters, never across punctuation or spaces', () => {
		expect(bigramsOf('行政机关（A1）告知，行政')).toBe('行政 政机 机关 A1 告知');
		expect(isBigram('宪法')).toBe(true);
		expect(isBigram('A1')).toBe(true);
		expect(isBigram('5%')).toBe(false);
		expect(isBigram('法')).toBe(false);
	});

	it('finds two-character words anywhere in a question, and questions saved before it existed', async () => {
		const { db, bank, search } = await setup();
		const id = await makeQuestion(
			db,
			bank.id,
			singleChoice({
				stem: '下列说法正确的是？',
				options: [
					{ id: 'a', text: '公职人员就职时应当宣誓', correct: true },
					{ id: 'b', text: '无需任何仪式', correct: false }
				]
			})
		);
		await makeQuestion(db, bank.id, singleChoice({ stem: '另一道题' }));
		expect((await search('宣誓')).rows.map((r) => r.id)).toEqual([id]);
		expect((await search('仪式 宣誓')).rows.map((r) => r.id)).toEqual([id]);
		// as if saved before the index: found again once the app fills it at start
		await db.run(sql`DELETE FROM question_bigram`);
		expect((await search('宣誓')).rows).toEqual([]);
		expect(await indexMissingBigrams(db)).toBe(2);
		expect((await search('宣誓')).rows.map((r) => r.id)).toEqual([id]);
		expect(await indexMissingBigrams(db)).toBe(0);
	});

	it(`counts a search's hits up to ${SEARCH_COUNT_CAP}, then says there are more`, async () => {
		const { db, bank, search } = await setup();
		await db.transaction(async (tx) => {
			const at = { db: tx, now: new Date('2026-03-01T00:00:00+08:00'), user: null };
			for (let i = 0; i <= SEARCH_COUNT_CAP; i++)
				await storeQuestion(at, bank.id, singleChoice({ stem: `第${i}题：听证的期限` }), {
					status: 'ready'
				});
		});
		expect(await search('听证')).toMatchObject({ total: SEARCH_COUNT_CAP, more: true });
		expect(await search('第1题')).toMatchObject({ more: false });
	});
});
