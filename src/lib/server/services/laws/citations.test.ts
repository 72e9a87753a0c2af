import { describe, expect, it } from 'vitest';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makeBank, makeLaw, makeUser } from '../../testing/factories.ts';
import { previewQuestionImport } from '../questions/import.ts';
import { missingArticles } from './citations.ts';

async function withConstitution() {
	const db = await testDb();
	await makeLaw(db, '宪法', [1, 2, 27]);
	return db;
}

describe('citations of articles the library lacks', () => {
	it('warns when the law is in the library and the article is not; never for unknown laws', async () => {
		const db = await withConstitution();
		expect(
			await missingArticles({ db }, [
				{ lawId: '宪法', articleNo: 27 },
				{ lawId: '宪法', articleNo: 900 },
				{ lawId: '宪法', articleNo: 900 },
				{ lawId: '宪法' },
				{ lawId: '不在库里的法', articleNo: 900 }
			])
		).toEqual([{ lawId: '宪法', articleNo: 900 }]);
	});

	it('the import preview lists them as warnings and still imports', async () => {
		const db = await withConstitution();
		const d = await district(db);
		const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
		const bank = await makeBank(db, d.a.id);
		const ctx = await ctxFor(db, organiser.user.id);
		const csv = '编号,题型,题干,答案,法律,条款\nC1,判断,宪法规定了宣誓制度。,对,宪法,第九百条\n';
		const preview = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			{ name: 'q.csv', bytes: new TextEncoder().encode(csv) }
		);
		expect(preview.errors).toEqual([]);
		expect(preview.stagedId).not.toBeNull();
		expect(preview.warnings).toEqual([
			{ message: 'C1：法律法规库中的《宪法》没有第九百条，请核对条款号。' }
		]);
	});
});
