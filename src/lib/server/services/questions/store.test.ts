import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@xuefa/core';
import { question, questionLawRef, questionVersion } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { district, makeBank, makeQuestion, singleChoice } from '../../testing/factories.ts';
import { type QuestionContent, searchText, storeQuestion } from './store.ts';

const at = (db: Parameters<typeof storeQuestion>[0]['db']) => ({ db, now: new Date(), user: null });

describe('storeQuestion', () => {
	it('creates version 1 with its law references and a search entry', async () => {
		const db = await testDb();
		const { a } = await district(db);
		const bank = await makeBank(db, a.id);
		const id = await makeQuestion(db, bank.id);
		const [row] = await db.select().from(question).where(eq(question.id, id));
		expect(row).toMatchObject({ currentVersion: 1, type: 'single', topic: '行政处罚程序' });
		expect(await db.select().from(questionLawRef)).toEqual([
			{ questionId: id, law: '行政处罚法', articleNo: 44 }
		]);
		const hits = await db.all(
			sql`SELECT rowid FROM question_fts WHERE question_fts MATCH '"事实、理由"'`
		);
		expect(hits).toEqual([{ rowid: id }]);
	});

	it('writes a new version on an edit and keeps the old one unchanged', async () => {
		const db = await testDb();
		const { a } = await district(db);
		const bank = await makeBank(db, a.id);
		const id = await makeQuestion(db, bank.id);
		const edited = singleChoice({ stem: '作出行政处罚决定前，行政机关应当告知当事人哪些内容？' });
		const result = await db.transaction((tx) =>
			storeQuestion(at(tx), bank.id, edited, { questionId: id })
		);
		expect(result).toMatchObject({ version: 2, changed: true, created: false });
		const versions = await db
			.select()
			.from(questionVersion)
			.where(eq(questionVersion.questionId, id))
			.orderBy(questionVersion.version);
		expect(versions.map((v) => v.data.stem)).toEqual([singleChoice().stem, edited.stem]);
		// the search index follows the current version only
		const old = await db.all(
			sql`SELECT rowid FROM question_fts WHERE question_fts MATCH '"应当告知当事人什么"'`
		);
		expect(old).toEqual([]);
	});

	it('indexes each text on its own: words never run into the next text', () => {
		const content = (stem: string, options: string[]) =>
			({
				...singleChoice(),
				stem,
				explanation: '',
				topic: '',
				tags: [],
				options: options.map((text, i) => ({ id: String(i), text, correct: i === 0 }))
			}) as QuestionContent;
		expect(searchText(content('**甲**', ['乙', 'term', '---']))).toBe('甲 乙 term');
		// 2,000 texts of 500 characters: one paragraph of a million when joined by line breaks
		const long = Array.from({ length: 2000 }, () => '_a'.repeat(250));
		expect(searchText(content('丙', long))).toHaveLength(
			'丙'.length + 2000 * ' '.length + 2000 * 500
		);
	});

	it('does not write a version when nothing changed', async () => {
		const db = await testDb();
		const { a } = await district(db);
		const bank = await makeBank(db, a.id);
		const id = await makeQuestion(db, bank.id);
		const result = await db.transaction((tx) =>
			storeQuestion(at(tx), bank.id, singleChoice(), { questionId: id })
		);
		expect(result).toMatchObject({ version: 1, changed: false });
	});

	it('refuses invalid content with the core validation codes and writes nothing', async () => {
		const db = await testDb();
		const { a } = await district(db);
		const bank = await makeBank(db, a.id);
		const bad = singleChoice({ stem: '' });
		const error = await db
			.transaction((tx) => storeQuestion(at(tx), bank.id, bad))
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues.map((i) => i.code)).toContain('question.stem.empty');
		expect(await db.select().from(question)).toEqual([]);
	});
});
