import { describe, expect, it } from 'vitest';
import { listQuestionsInput } from '$lib/schemas/banks.ts';
import { importStatute } from '../testing/imports.ts';
import { previewStatute } from '../services/laws/preview.ts';
import { searchArticles } from '../services/laws/search.ts';
import { listPeople } from '../services/people/list.ts';
import { listQuestions } from '../services/questions/list.ts';
import { testDb } from '../testing/db.ts';
import {
	ctxFor,
	district,
	makeBank,
	makePerson,
	makeQuestion,
	makeUser,
	singleChoice
} from '../testing/factories.ts';
import { containsPattern, searchTerms } from './text.ts';

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.a.id, [['organiser', d.root.id]]);
	return {
		db,
		d,
		ctx: await ctxFor(db, d.admin.user.id),
		organiser: await ctxFor(db, organiser.user.id)
	};
}

describe('text search', () => {
	it('escapes LIKE wildcards and splits words at spaces', () => {
		expect(containsPattern('5%_a\\b')).toBe('%5\\%\\_a\\\\b%');
		expect(searchTerms('  宪法  宣誓 宪法 ')).toEqual(['宪法', '宣誓']);
	});

	it('people search with % or _ finds what was typed, not everything and not nothing', async () => {
		const { db, d, ctx } = await setup();
		await makePerson(db, d.b.id, { name: '王小明', employeeNo: 'SF_0701' });
		await makePerson(db, d.b.id, { name: '李四', employeeNo: 'SFX0702' });
		await makePerson(db, d.b.id, { name: '赵六', employeeNo: '50%B' });
		const names = async (q: string) =>
			(await listPeople(ctx, { q, page: 1 })).rows.map((r) => r.name).sort();
		expect(await names('SF_')).toEqual(['王小明']);
		expect(await names('_07')).toEqual(['王小明']);
		expect(await names('%')).toEqual(['赵六']);
		expect(await names('0%B')).toEqual(['赵六']);
		// every word must match the name or the employee number
		expect(await names('王 SF_0701')).toEqual(['王小明']);
		expect(await names('王 0702')).toEqual([]);
	});

	it('statute and question search read % and _ as typed too', async () => {
		const { db, d, organiser } = await setup();
		const text = `中华人民共和国百分比示范法
（2020年5月1日第十三届全国人民代表大会常务委员会第十七次会议通过）
第一条~罚款不超过违法所得的5%。
第二条~编号写作A_1。
第三条~本法自公布之日起施行。
`.replaceAll('~', '\u3000');
		const preview = await previewStatute(organiser, { text, fileName: '', format: 'auto' });
		await importStatute(organiser, { stagedId: preview.stagedId!, label: preview.label });
		const articles = async (q: string) =>
			(await searchArticles(organiser, { q, page: 1 })).rows.map((r) => r.articleNo);
		expect(await articles('5%')).toEqual([1]);
		expect(await articles('%')).toEqual([1]);
		expect(await articles('A_')).toEqual([2]);
		expect(await articles('_')).toEqual([2]);

		const bank = await makeBank(db, d.a.id);
		const pct = await makeQuestion(db, bank.id, singleChoice({ stem: '罚款比例为5%的是哪一项？' }));
		await makeQuestion(db, bank.id, singleChoice({ stem: '罚款比例为五成的是哪一项？' }));
		const questions = async (q: string) =>
			(
				await listQuestions(organiser, { ...listQuestionsInput.parse({ q }), bankId: bank.id })
			).rows.map((r) => r.id);
		expect(await questions('%')).toEqual([pct]);
		expect(await questions('5%的')).toEqual([pct]);
	});
});
