import { existsSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import {
	auditEntry,
	law,
	lawArticle,
	lawHeading,
	lawVersion,
	question
} from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';
import {
	ctxFor,
	district,
	makeBank,
	makeQuestion,
	makeUser,
	singleChoice
} from '../../testing/factories.ts';
import { testDb } from '../../testing/db.ts';
import { JobFailed, importStatute } from '../../testing/imports.ts';
import { previewStatute } from './preview.ts';
import { getArticle, getLawVersion, listLaws } from './read.ts';
import { articlesByNumber } from './article-query.ts';
import { searchArticles } from './search.ts';
import { lawsDir, seedStatutes } from './seed.ts';
import { makeVersionCurrent } from './make-current.ts';

// A made-up statute in the national database's plain-text layout (full-width spaces written as ~).
const W = (s: string) => s.replaceAll('~', '\u3000');
const V1 = W(`中华人民共和国示范管理法
（2020年5月1日第十三届全国人民代表大会常务委员会第十七次会议通过）
目~~录
第一章~总~~则
第二章~附~~则
第一章~总~~则
第一条~为了规范示范管理，制定本法。
第二条~示范管理应当遵循公开、公正的原则。
第三条~示范机关应当依法履行职责。
~~示范机关工作人员应当在任职时进行宣誓。
第二章~附~~则
第四条~本法自2020年10月1日起施行。
`);
// the 2024 revision: 第二条 reworded, 第三条 only re-spaced, 第四条 replaced, 第五条 added
const V2 = W(`中华人民共和国示范管理法
（2020年5月1日第十三届全国人民代表大会常务委员会第十七次会议通过~2024年6月28日第十四届全国人民代表大会常务委员会第十次会议修订）
第一章~总~~则
第一条~为了规范示范管理，制定本法。
第二条~示范管理应当遵循公开、公正、高效的原则。
第三条~示范机关应当依法履行职责。
~~~~示范机关工作人员应当在任职时进行宣誓。
第二章~附~~则
第四条~示范机关的具体办法由国务院规定。
第五条~本法自2024年10月1日起施行。
`);

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.a.id, [['organiser', d.root.id]]);
	return { db, d, ctx: await ctxFor(db, organiser.user.id) };
}

async function importText(ctx: Ctx, text: string, fileName = '') {
	const preview = await previewStatute(ctx, { text, fileName, format: 'auto' });
	expect(preview.issues).toEqual([]);
	expect(preview.stagedId).not.toBeNull();
	return importStatute(ctx, { stagedId: preview.stagedId!, label: preview.label });
}

async function tally(db: Db) {
	const n = async (t: typeof law | typeof lawVersion | typeof lawArticle | typeof auditEntry) =>
		(await db.select({ n: count() }).from(t))[0]!.n;
	return {
		laws: await n(law),
		versions: await n(lawVersion),
		articles: await n(lawArticle),
		audit: await n(auditEntry)
	};
}

describe('statute import', () => {
	it('imports plain text: chapters, articles, label from the history, audit', async () => {
		const { db, ctx } = await setup();
		const preview = await previewStatute(ctx, { text: V1, format: 'auto' });
		expect(preview).toMatchObject({
			format: 'text',
			title: '中华人民共和国示范管理法',
			shortTitle: '示范管理法',
			label: '2020-05-01 通过',
			counts: { headings: 2, sections: 0, articles: 4 },
			existing: null,
			diff: null
		});
		expect(preview.firstArticles[2]).toEqual({
			no: 3,
			text: '示范机关应当依法履行职责。\n示范机关工作人员应当在任职时进行宣誓。'
		});
		const result = await importStatute(ctx, { stagedId: preview.stagedId!, label: '2020 年版' });
		expect(result).toMatchObject({ created: true, articles: 4, diff: null, flagged: 0 });

		const [lawRow] = await listLaws(ctx);
		expect(lawRow).toMatchObject({
			title: '中华人民共和国示范管理法',
			currentLabel: '2020 年版',
			articles: 4,
			versions: 1
		});
		const page = await getLawVersion(ctx, result.lawId);
		expect(page.headings.map((h) => h.title)).toEqual(['第一章 总则', '第二章 附则']);
		expect(page.articles.map((a) => a.headingId)).toEqual([
			page.headings[0]!.id,
			page.headings[0]!.id,
			page.headings[0]!.id,
			page.headings[1]!.id
		]);
		const [audit] = await db.select().from(auditEntry).where(eq(auditEntry.action, 'law.imported'));
		expect(audit!.after).toMatchObject({ title: '中华人民共和国示范管理法', articles: 4 });
	});

	it('reports malformed text with line numbers and stages nothing', async () => {
		const { db, ctx } = await setup();
		const before = await tally(db);
		const preview = await previewStatute(ctx, {
			text: '示范法\n第一条　甲。\n第三条　丙。\n第三条　重复。\n',
			format: 'text'
		});
		expect(preview.issues.map((i) => [i.code, i.line])).toEqual([
			['statute.article.order', 3],
			['statute.article.duplicate', 4]
		]);
		expect(preview.stagedId).toBeNull();
		expect(await tally(db)).toEqual(before);
	});

	it('a newer version keeps the old one, marks changed/new/removed articles and flags citing questions', async () => {
		const { db, d, ctx } = await setup();
		const first = await importText(ctx, V1);
		const bank = await makeBank(db, d.a.id);
		const cite = (articleNo?: number) =>
			makeQuestion(
				db,
				bank.id,
				singleChoice({
					stem: `示范管理法第${articleNo ?? '全'}条的题`,
					laws: [{ lawId: '示范管理法', ...(articleNo ? { articleNo } : {}) }]
				})
			);
		const onChanged = await cite(2);
		const onUnchanged = await cite(3);
		const onRemoved = await cite(4);
		const onWhole = await cite();
		const onOther = await makeQuestion(db, bank.id); // 行政处罚法 第四十四条

		const preview = await previewStatute(ctx, { text: V2, format: 'text' });
		expect(preview.existing).toEqual({ lawId: first.lawId, currentLabel: '2020-05-01 通过' });
		expect(preview.diff).toEqual({ changed: [2, 4, 5], removed: [] });
		expect(preview.label).toBe('2024-06-28 修订');
		const second = await importStatute(ctx, { stagedId: preview.stagedId!, label: preview.label });
		expect(second).toMatchObject({ lawId: first.lawId, created: false, flagged: 3 });
		expect(second.diff!.changed).toEqual([2, 4, 5]);

		const versions = await db.select().from(lawVersion).where(eq(lawVersion.lawId, first.lawId));
		expect(versions.map((v) => [v.id, v.isCurrent])).toEqual([
			[first.versionId, false],
			[second.versionId, true]
		]);
		const current = await getLawVersion(ctx, first.lawId);
		expect(current.articles.map((a) => [a.no, a.change])).toEqual([
			[1, 'unchanged'],
			[2, 'changed'],
			[3, 'unchanged'],
			[4, 'changed'],
			[5, 'new']
		]);
		const old = await getLawVersion(ctx, first.lawId, first.versionId);
		expect(old.articles).toHaveLength(4);
		expect(old.version.isCurrent).toBe(false);

		const flags = new Map(
			(await db.select({ id: question.id, flag: question.reviewFlag }).from(question)).map((q) => [
				q.id,
				q.flag
			])
		);
		expect(flags.get(onChanged)).toEqual({
			law: '示范管理法',
			articles: [2],
			versionId: second.versionId
		});
		expect(flags.get(onRemoved)).toMatchObject({ articles: [4] });
		expect(flags.get(onWhole)).toMatchObject({ articles: [0] });
		expect(flags.get(onUnchanged)).toBeNull();
		expect(flags.get(onOther)).toBeNull();
	});

	it('lists articles a newer version drops as removed, and flags questions citing them', async () => {
		const { db, d, ctx } = await setup();
		await importText(ctx, V2);
		const bank = await makeBank(db, d.a.id);
		const q = await makeQuestion(
			db,
			bank.id,
			singleChoice({ laws: [{ lawId: '示范管理法', articleNo: 5 }] })
		);
		const preview = await previewStatute(ctx, { text: V1, format: 'text' });
		expect(preview.diff).toEqual({ changed: [2, 4], removed: [5] });
		const result = await importStatute(ctx, { stagedId: preview.stagedId!, label: '回退' });
		expect(result.diff!.removed).toEqual([5]);
		const [row] = await db.select().from(question).where(eq(question.id, q));
		expect(row!.reviewFlag).toMatchObject({ articles: [5] });
	});

	it('refuses an identical re-import (spacing aside) and writes nothing', async () => {
		const { db, ctx } = await setup();
		await importText(ctx, V1);
		const before = await tally(db);
		const again = await previewStatute(ctx, {
			text: V1.replaceAll('\u3000', ' ') + '\n\n',
			format: 'text'
		});
		expect(again.duplicateOf).toBe('2020-05-01 通过');
		expect(again.stagedId).toBeNull();
		expect(await tally(db)).toEqual(before);
	});

	it('refuses the second of two previews of the same text, leaving the first import intact', async () => {
		const { db, ctx } = await setup();
		const p1 = await previewStatute(ctx, { text: V1, format: 'text' });
		const p2 = await previewStatute(ctx, { text: V1, format: 'text' });
		await importStatute(ctx, { stagedId: p1.stagedId!, label: 'a' });
		const before = await tally(db);
		const err = await importStatute(ctx, { stagedId: p2.stagedId!, label: 'b' }).catch((e) => e);
		expect(err).toBeInstanceOf(JobFailed);
		expect(err.message).toBe('这段文本与已导入的版本“a”完全相同，未重复导入。');
		expect(await tally(db)).toEqual(before);
	});

	it('a cadre may read and search statutes but not import them', async () => {
		const { db, d, ctx } = await setup();
		await importText(ctx, V1);
		const cadre = await makeUser(db, d.b.id);
		const cadreCtx = await ctxFor(db, cadre.user.id);
		await expect(previewStatute(cadreCtx, { text: V1, format: 'text' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(
			importStatute(cadreCtx, { stagedId: '0'.repeat(32), label: 'x' })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await listLaws(cadreCtx)).toHaveLength(1);
		const hits = await searchArticles(cadreCtx, { q: '宣誓', page: 1 });
		expect(hits.rows.map((r) => r.articleNo)).toEqual([3]);
	});

	it('an article page shows its chapter, neighbours and the citing questions in scope', async () => {
		const { db, d, ctx } = await setup();
		const { lawId } = await importText(ctx, V1);
		const inScope = await makeBank(db, d.a.id, '司法局题库');
		const outOfScope = await makeBank(db, d.b.id, '街道题库');
		const streetOrganiser = await makeUser(db, d.a.id, [['organiser', d.a.id]]);
		const cite = { laws: [{ lawId: '示范管理法', articleNo: 2 }] };
		await makeQuestion(db, inScope.id, singleChoice({ ...cite, stem: '看得见的题' }));
		await makeQuestion(db, outOfScope.id, singleChoice({ ...cite, stem: '看不见的题' }));
		const a = await getArticle(await ctxFor(db, streetOrganiser.user.id), lawId, 2);
		expect(a.headings.map((h) => h.title)).toEqual(['第一章 总则']);
		expect([a.prev, a.next]).toEqual([1, 3]);
		expect(a.questions.map((q) => q.stem)).toEqual(['看得见的题']);
	});
});

describe('who may change the statute library', () => {
	it('a street organiser (a grant below the top level) may neither import nor change statutes', async () => {
		const { db, d, ctx } = await setup();
		const first = await importText(ctx, V1);
		const preview = await previewStatute(ctx, { text: V2, format: 'text' });
		await importStatute(ctx, { stagedId: preview.stagedId!, label: '2024 修订' });
		const street = await makeUser(db, d.b.id, [['organiser', d.b.id]]);
		const streetAdmin = await makeUser(db, d.b.id, [['admin', d.b.id]]);
		for (const u of [street, streetAdmin]) {
			const c = await ctxFor(db, u.user.id);
			await expect(previewStatute(c, { text: V1, format: 'text' })).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(
				importStatute(c, { stagedId: preview.stagedId!, label: 'x' })
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				makeVersionCurrent(c, { lawId: first.lawId, versionId: first.versionId })
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		const current = await getLawVersion(ctx, first.lawId);
		expect(current.version.label).toBe('2024 修订');
	});

	it('makes a superseded version current again: audited, and citing questions flagged', async () => {
		const { db, d, ctx } = await setup();
		const first = await importText(ctx, V1);
		const bank = await makeBank(db, d.a.id);
		const onChanged = await makeQuestion(
			db,
			bank.id,
			singleChoice({ laws: [{ lawId: '示范管理法', articleNo: 2 }] })
		);
		const preview = await previewStatute(ctx, { text: V2, format: 'text' });
		const second = await importStatute(ctx, { stagedId: preview.stagedId!, label: '2024 修订' });
		// the reviewer clears the flag the amendment raised
		await db.update(question).set({ reviewFlag: null }).where(eq(question.id, onChanged));

		const flagged = await makeVersionCurrent(ctx, {
			lawId: first.lawId,
			versionId: first.versionId
		});
		expect(flagged).toBe(1);
		const current = await getLawVersion(ctx, first.lawId);
		expect(current.version).toMatchObject({ id: first.versionId, isCurrent: true });
		expect(current.versions.filter((v) => v.isCurrent).map((v) => v.id)).toEqual([first.versionId]);
		expect((await getArticle(ctx, first.lawId, 4)).article.text).toBe(
			'本法自2020年10月1日起施行。'
		);
		const [q] = await db.select().from(question).where(eq(question.id, onChanged));
		expect(q!.reviewFlag).toEqual({ law: '示范管理法', articles: [2], versionId: first.versionId });
		const [audit] = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'law.version_made_current'));
		expect(audit!.before).toEqual({ versionId: second.versionId, label: '2024 修订' });
		expect(audit!.after).toMatchObject({ versionId: first.versionId, flagged: 1 });

		await expect(
			makeVersionCurrent(ctx, { lawId: first.lawId, versionId: first.versionId })
		).rejects.toMatchObject({ code: 'law_version_already_current' });
	});
});

describe('statute search', () => {
	it('finds 2-character words by LIKE and longer ones through the trigram index, by law', async () => {
		const { ctx } = await setup();
		await importText(ctx, V2);
		const two = await searchArticles(ctx, { q: '宣誓', page: 1 });
		expect(two.rows.map((r) => [r.shortTitle, r.articleNo])).toEqual([['示范管理法', 3]]);
		expect(two.rows[0]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['宣誓']);
		const three = await searchArticles(ctx, { q: '公正、高效', page: 1 });
		expect(three.rows.map((r) => r.articleNo)).toEqual([2]);
		const both = await searchArticles(ctx, { q: '示范机关 办法', page: 1 });
		expect(both.rows.map((r) => r.articleNo)).toEqual([4]);
		expect(await searchArticles(ctx, { q: '"OR (', page: 1 })).toMatchObject({ total: 0 });
		expect(await searchArticles(ctx, { q: '宣誓', law: 999, page: 1 })).toMatchObject({
			total: 0
		});
	});

	it('an article number finds that article: 第三条, 3, 5条 in a chosen law, or naming the law', async () => {
		const { ctx } = await setup();
		await importText(ctx, V2);
		await importText(
			ctx,
			W(`中华人民共和国另一示范法
（2021年1月1日第十三届全国人民代表大会常务委员会第二十四次会议通过）
第一条~为了另一示范，制定本法。
第二条~本法所称示范，是指示范。
第三条~本法自公布之日起施行。
`)
		);
		const [demo, other] = (await listLaws(ctx)).map((l) => l.id);
		const find = async (q: string, law?: number) =>
			(await articlesByNumber(ctx, { q, law, page: 1 })).map(
				(a) => `${a.shortTitle}${a.articleNo}`
			);
		// several laws have an article 3: list them; only one has an article 5
		expect(await find('第三条')).toEqual(['示范管理法3', '另一示范法3']);
		expect(await find('3')).toEqual(['示范管理法3', '另一示范法3']);
		expect(await find('第五条')).toEqual(['示范管理法5']);
		expect(await find('5条')).toEqual(['示范管理法5']);
		// a chosen law, or the law named in the query
		expect(await find('第三条', other)).toEqual(['另一示范法3']);
		expect(await find('3', demo)).toEqual(['示范管理法3']);
		expect(await find('示范管理法3条')).toEqual(['示范管理法3']);
		expect(await find('《另一示范法》第三条')).toEqual(['另一示范法3']);
		expect(await find('中华人民共和国另一示范法 2')).toEqual(['另一示范法2']);
		// no such article, no such law, or words: not an article query
		expect(await find('第九条')).toEqual([]);
		expect(await find('行政处罚法3条')).toEqual([]);
		expect(await find('示范机关')).toEqual([]);
		expect(await find('2020年')).toEqual([]);
	});
});

const REAL = existsSync(lawsDir());

describe.skipIf(!REAL)('the six statutes in ../shared/data/laws', () => {
	it('seed imports all six quickly, with their articles, headings and search', async () => {
		const { db, ctx } = await setup();
		const started = performance.now();
		const titles = await db.transaction((tx) => seedStatutes({ db: tx, now: ctx.now, user: null }));
		console.log(
			`seedStatutes: ${titles.length} statutes in ${Math.round(performance.now() - started)} ms`
		);
		expect(titles).toHaveLength(6);
		const laws = await listLaws(ctx);
		expect(Object.fromEntries(laws.map((l) => [l.shortTitle, l.articles]))).toEqual({
			公务员法: 113,
			宪法: 143,
			行政处罚法: 86,
			行政复议法: 90,
			行政许可法: 83,
			行政诉讼法: 103
		});
		expect(laws.find((l) => l.shortTitle === '行政处罚法')!.currentLabel).toBe('2021-01-22 修订');
		const xianfa = laws.find((l) => l.shortTitle === '宪法')!;
		const page = await getLawVersion(ctx, xianfa.id);
		expect(page.headings.map((h) => h.title)).toEqual([
			'序言',
			'第一章 总纲',
			'第二章 公民的基本权利和义务',
			'第三章 国家机构',
			'第四章 国旗、国歌、国徽、首都'
		]);
		expect(page.headings[3]!.children).toHaveLength(8);
		expect(page.articles[0]).toMatchObject({ no: 0, headingId: page.headings[0]!.id });
		const headings = await db.select({ n: count() }).from(lawHeading);
		expect(headings[0]!.n).toBeGreaterThan(60);

		const oath = await searchArticles(ctx, { q: '宣誓', page: 1 });
		expect(oath.rows.map((r) => `${r.shortTitle}${r.articleNo}`)).toEqual(
			expect.arrayContaining(['宪法27', '公务员法9'])
		);
		const hearing = await searchArticles(ctx, { q: '听证', law: laws[0]!.id, page: 1 });
		expect(hearing.rows.every((r) => r.lawId === laws[0]!.id)).toBe(true);
		const long = await searchArticles(ctx, { q: '执法证件', page: 1 });
		expect(long.rows.map((r) => `${r.shortTitle}${r.articleNo}`)).toContain('行政处罚法55');
	});
});
