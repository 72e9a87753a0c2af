import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@xuefa/core';
import { listQuestionsInput } from '$lib/schemas/banks.ts';
import { auditEntry, question, questionVersion } from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import {
	ctxFor,
	district,
	makeBank,
	makeQuestion,
	makeUser,
	singleChoice
} from '../../testing/factories.ts';
import { getQuestion } from '../questions/get.ts';
import { listQuestions } from '../questions/list.ts';
import {
	clearReviewFlag,
	createQuestion,
	setQuestionStatus,
	updateQuestion
} from '../questions/save.ts';
import { getBank, listBanks } from './list.ts';
import { createBank, setBankArchived, updateBank } from './mutate.ts';

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const districtOrganiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const streetOrganiser = await makeUser(db, d.b.id, [['organiser', d.b.id]]);
	const cadre = await makeUser(db, d.b.id);
	return {
		db,
		d,
		district: await ctxFor(db, districtOrganiser.user.id),
		street: await ctxFor(db, streetOrganiser.user.id),
		cadre: await ctxFor(db, cadre.user.id)
	};
}

const filters = (over: Record<string, unknown> = {}) => listQuestionsInput.parse(over);

describe('banks', () => {
	it('are scoped to units: a street organiser sees only street banks, a district organiser sees all', async () => {
		const { d, district: dist, street, cadre } = await setup();
		const districtBank = await createBank(dist, {
			unitId: d.root.id,
			name: '区级题库',
			description: ''
		});
		const streetBank = await createBank(street, {
			unitId: d.b.id,
			name: '街道题库',
			description: ''
		});

		expect((await listBanks(dist)).map((b) => b.name).sort()).toEqual(['区级题库', '街道题库']);
		expect((await listBanks(street)).map((b) => b.name)).toEqual(['街道题库']);
		await expect(getBank(street, districtBank)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			createQuestion(street, { bankId: districtBank, content: singleChoice() })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			createBank(street, { unitId: d.a.id, name: '越界', description: '' })
		).rejects.toBeInstanceOf(ForbiddenError);
		// the district's grant covers the units below it
		const q = await createQuestion(dist, { bankId: streetBank, content: singleChoice() });
		expect(q.created).toBe(true);
		await expect(listBanks(cadre)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			listQuestions(street, { ...filters(), bankId: districtBank })
		).rejects.toBeInstanceOf(ForbiddenError);
		// searching across banks never reaches outside the scope
		await createQuestion(dist, { bankId: districtBank, content: singleChoice() });
		expect((await listQuestions(street, filters())).total).toBe(1);
		expect((await listQuestions(dist, filters())).total).toBe(2);
	});

	it('are edited, moved within scope, archived and restored, with audit entries', async () => {
		const { db, d, district: dist, street } = await setup();
		const id = await createBank(dist, { unitId: d.b.id, name: '题库', description: '' });
		await updateBank(dist, { bankId: id, unitId: d.b.id, name: '东城题库', description: '说明' });
		await expect(
			updateBank(street, { bankId: id, unitId: d.root.id, name: '上移', description: '' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await setBankArchived(dist, { bankId: id, archived: true });
		expect(await listBanks(dist)).toEqual([]);
		expect((await listBanks(dist, { includeArchived: true }))[0]).toMatchObject({
			name: '东城题库',
			archived: true
		});
		// an archived bank is read-only, its questions too
		const q = await createQuestion(dist, { bankId: id, content: singleChoice() }).catch(() => null);
		expect(q).toBeNull();
		await setBankArchived(dist, { bankId: id, archived: false });
		const actions = (
			await db.select({ a: auditEntry.action }).from(auditEntry).orderBy(auditEntry.seq)
		).map((r) => r.a);
		expect(actions).toEqual(['bank.created', 'bank.updated', 'bank.archived', 'bank.unarchived']);
	});
});

describe('question versions', () => {
	it('a question of an archived bank cannot be edited, archived or cleared', async () => {
		const { district: dist, d } = await setup();
		const bankId = await createBank(dist, { unitId: d.b.id, name: '旧题库', description: '' });
		const q = await createQuestion(dist, { bankId, content: singleChoice() });
		await setBankArchived(dist, { bankId, archived: true });
		const edit = singleChoice({ stem: '改过的题干：行政处罚决定前应告知什么？' });
		await expect(
			updateQuestion(dist, { questionId: q.questionId, content: edit })
		).rejects.toMatchObject({ code: 'bank_archived_readonly' });
		await expect(
			setQuestionStatus(dist, { questionId: q.questionId, status: 'retired' })
		).rejects.toMatchObject({ code: 'bank_archived_readonly' });
	});

	it('an edit writes version 2 and leaves version 1 as it was; an unchanged save writes nothing', async () => {
		const { db, d, district: dist } = await setup();
		const bank = await makeBank(db, d.a.id);
		const created = await createQuestion(dist, { bankId: bank.id, content: singleChoice() });
		const edited = singleChoice({ stem: '作出行政处罚决定之前，行政机关应当告知当事人哪些事项？' });
		const v2 = await updateQuestion(dist, { questionId: created.questionId, content: edited });
		expect(v2).toMatchObject({ version: 2, changed: true });
		const same = await updateQuestion(dist, { questionId: created.questionId, content: edited });
		expect(same).toMatchObject({ version: 2, changed: false });

		const q = await getQuestion(dist, created.questionId);
		expect(q.versions.map((v) => [v.version, v.data.stem])).toEqual([
			[1, singleChoice().stem],
			[2, edited.stem]
		]);
		expect(q.versions[0]!.createdBy).toBe(dist.user.displayName);
		const actions = (
			await db.select({ a: auditEntry.action }).from(auditEntry).orderBy(auditEntry.seq)
		).map((r) => r.a);
		expect(actions).toEqual(['question.created', 'question.updated']);
	});

	it('refuses invalid content with the core issue paths and writes nothing', async () => {
		const { db, d, district: dist } = await setup();
		const bank = await makeBank(db, d.a.id);
		const bad = singleChoice({
			options: [
				{ id: 'a', text: '甲', correct: true },
				{ id: 'b', text: '', correct: false }
			]
		});
		const e = await createQuestion(dist, { bankId: bank.id, content: bad }).catch((x) => x);
		expect(e).toBeInstanceOf(ValidationError);
		expect((e as ValidationError).issues.map((i) => i.path)).toEqual(['options.1.text']);
		expect(await db.select().from(question)).toEqual([]);
	});

	it('a review flag is cleared by a new version or by "reviewed, no change needed"', async () => {
		const { db, d, district: dist } = await setup();
		const bank = await makeBank(db, d.a.id);
		const id = await makeQuestion(db, bank.id);
		const flag = { law: '行政处罚法', articles: [44], versionId: 1 };
		await db.update(question).set({ reviewFlag: flag }).where(eq(question.id, id));
		await clearReviewFlag(dist, { questionId: id });
		const [row] = await db.select().from(question).where(eq(question.id, id));
		expect(row!.reviewFlag).toBeNull();
		expect(row!.currentVersion).toBe(1);
		expect(await db.select().from(questionVersion)).toHaveLength(1);
	});
});

describe('question search', () => {
	async function searchSetup() {
		const { db, d, district: dist } = await setup();
		const bank = await makeBank(db, d.a.id);
		const ids = {
			hearing: await makeQuestion(
				db,
				bank.id,
				singleChoice({
					stem: '当事人要求听证的，应当在行政机关告知后几日内提出？',
					difficulty: 2,
					laws: [{ lawId: '行政处罚法', articleNo: 64 }],
					topic: '听证',
					tags: ['程序']
				})
			),
			oath: await makeQuestion(
				db,
				bank.id,
				singleChoice({
					stem: '宪法宣誓制度适用于哪些国家工作人员？',
					difficulty: 4,
					laws: [{ lawId: '宪法', articleNo: 27 }],
					topic: '宪法宣誓',
					tags: ['宪法']
				})
			),
			review: await makeQuestion(
				db,
				bank.id,
				singleChoice({
					stem: '申请行政复议的期限一般是多少日？',
					difficulty: 3,
					laws: [{ lawId: '行政复议法', articleNo: 20 }],
					topic: '复议',
					tags: ['期限']
				})
			)
		};
		const search = async (over: Record<string, unknown>) =>
			(await listQuestions(dist, { ...filters(over), bankId: bank.id })).rows
				.map((r) => r.id)
				.sort();
		return { db, dist, ids, search };
	}

	it('finds Chinese text by a 2-character term (LIKE) and a ≥3-character phrase (FTS5)', async () => {
		const { ids, search } = await searchSetup();
		expect(await search({ q: '宣誓' })).toEqual([ids.oath]);
		expect(await search({ q: '听证' })).toEqual([ids.hearing]);
		expect(await search({ q: '行政复议' })).toEqual([ids.review]);
		expect(await search({ q: '告知后几日' })).toEqual([ids.hearing]);
		// options are searched too, and every term must match
		expect(await search({ q: '事实、理由' })).toEqual(Object.values(ids).sort());
		expect(await search({ q: '事实、理由 宣誓' })).toEqual([ids.oath]);
		// FTS syntax in a query is plain text, never an error
		expect(await search({ q: '"AND OR*' })).toEqual([]);
		expect(await search({ q: '没有这样的题' })).toEqual([]);
	});

	it('filters by type, law and article (42 or 第四十二条), difficulty, topic, tag, flag and status', async () => {
		const { db, dist, ids, search } = await searchSetup();
		expect(await search({ law: '行政处罚法' })).toEqual([ids.hearing]);
		expect(await search({ law: '《宪法》', article: '第二十七条' })).toEqual([ids.oath]);
		expect(await search({ law: '宪法', article: '28' })).toEqual([]);
		expect(await search({ article: '20' })).toEqual([ids.review]);
		expect(await search({ dmin: '3' })).toEqual([ids.oath, ids.review].sort());
		expect(await search({ dmin: '2', dmax: '3' })).toEqual([ids.hearing, ids.review].sort());
		expect(await search({ topic: '复议' })).toEqual([ids.review]);
		expect(await search({ tag: '程序' })).toEqual([ids.hearing]);
		expect(await search({ type: 'essay' })).toEqual([]);
		expect(await search({ q: '宪法', type: 'single', dmin: '4' })).toEqual([ids.oath]);

		await db
			.update(question)
			.set({ reviewFlag: { law: '宪法', articles: [27], versionId: 2 } })
			.where(eq(question.id, ids.oath));
		expect(await search({ flagged: 'on' })).toEqual([ids.oath]);
		await setQuestionStatus(dist, { questionId: ids.review, status: 'retired' });
		await setQuestionStatus(dist, { questionId: ids.oath, status: 'draft' });
		expect(await search({})).toEqual([ids.hearing, ids.oath].sort());
		expect(await search({ status: 'retired' })).toEqual([ids.review]);
		expect(await search({ status: 'draft' })).toEqual([ids.oath]);
		expect(await search({ status: 'ready' })).toEqual([ids.hearing]);
	});

	it('pages 20 at a time', async () => {
		const { db, d, district: dist } = await setup();
		const bank = await makeBank(db, d.a.id);
		for (let i = 0; i < 23; i++) {
			await makeQuestion(db, bank.id, singleChoice({ stem: `第${i + 1}道关于听证程序的题` }));
		}
		const page2 = await listQuestions(dist, {
			...filters({ q: '听证程序', page: '2' }),
			bankId: bank.id
		});
		expect(page2).toMatchObject({ total: 23, page: 2, pageSize: 20 });
		expect(page2.rows).toHaveLength(3);
	});
});
