import { count, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transact } from '../../context.ts';
import { importRow, law, lawArticle, lawVersion } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makeUser } from '../../testing/factories.ts';
import { JobFailed, finishedJob } from '../../testing/imports.ts';
import type { JobHooks } from '../imports/job.ts';
import { MAX_ISSUES } from '../../uploads/issues.ts';
import { type StatuteImportResult, type StatuteJobDetails, startStatuteImport } from './import.ts';
import { previewStatute } from './preview.ts';
import { searchArticles } from './search.ts';
import { parseSource } from './source.ts';
import { STATUTE_KIND, stageStatute } from './staging.ts';
import { writeStatuteVersion } from './write.ts';

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 42 → 四十二, 1260 → 一千二百六十 (enough for article and chapter numbers). */
function cn(n: number): string {
	if (n < 10) return DIGITS[n]!;
	if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
	if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
	const big = n < 1000 ? 100 : 1000;
	const head = `${DIGITS[Math.floor(n / big)]}${big === 100 ? '百' : '千'}`;
	const rest = n % big;
	if (rest === 0) return head;
	return head + (rest < big / 10 ? '零' : '') + (rest >= 10 && rest < 20 ? '一' : '') + cn(rest);
}

/** A 民法典-sized statute: 20 chapters of 65 articles, article 777 mentioning 星河原则. */
function bigStatute(word = '诚信原则') {
	let text = '中华人民共和国示范大法\n（2020年5月28日第十三届全国人民代表大会第三次会议通过）\n';
	let no = 1;
	for (let c = 1; c <= 20; c++) {
		text += `第${cn(c)}章\u3000第${c}部分\n`;
		for (let a = 0; a < 65; a++, no++) {
			const extra = no === 777 ? '并遵循星河原则，' : '';
			text += `第${cn(no)}条\u3000民事主体从事民事活动，应当遵循${word}，${extra}秉持诚实，恪守承诺。\n`;
		}
	}
	return text;
}

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.a.id, [['organiser', d.root.id]]);
	return { db, ctx: await ctxFor(db, organiser.user.id) };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function run(s: Setup, text: string, hooks: JobHooks = {}) {
	const preview = await previewStatute(s.ctx, { text, format: 'text' });
	expect(preview.issues).toEqual([]);
	const started = await startStatuteImport(
		s.ctx,
		{ stagedId: preview.stagedId!, label: preview.label },
		hooks
	);
	return finishedJob<StatuteImportResult>(s.ctx, STATUTE_KIND, started);
}

const n = async (
	s: Setup,
	table: typeof law | typeof lawVersion | typeof lawArticle | typeof importRow
) => (await s.db.select({ n: count() }).from(table))[0]!.n;
const searchRows = async (s: Setup) =>
	((await s.db.all(sql`SELECT count(*) AS n FROM law_article_fts`))[0] as { n: number }).n;

describe('a large statute import, staged in short steps and published at once', () => {
	it('imports 1,300 articles in 20 chapters, searchable, with nothing left staged', async () => {
		const s = await setup();
		const result = await run(s, bigStatute());
		expect(result).toMatchObject({ created: true, articles: 1300, diff: null });
		expect(await n(s, lawArticle)).toBe(1300);
		expect(await searchRows(s)).toBe(1300);
		const hit = await searchArticles(s.ctx, { q: '星河原则', page: 1 });
		expect(hit.rows.map((r) => r.articleNo)).toEqual([777]);
		expect(await n(s, importRow)).toBe(0);
	});

	it('imports nothing when another version of the law arrives between staging and publishing', async () => {
		const s = await setup();
		await run(s, bigStatute());
		const failure = await run(s, bigStatute('公平原则'), {
			beforePublish: async () => {
				// someone else's import of another text of the same law wins the race
				const parsed = parseSource(bigStatute('平等原则'), '', 'text');
				await transact(s.ctx, (tx) => writeStatuteVersion(tx, { ...parsed, label: '抢先' }));
			}
		}).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(JobFailed);
		expect((failure as JobFailed).message).toBe(
			'该法律在预览之后有了新的版本，未导入。请重新预览。'
		);
		// the first version and the one that won the race; the 1,300 articles written ahead are gone
		expect(await n(s, lawVersion)).toBe(2);
		expect(await n(s, lawArticle)).toBe(2600);
		expect(await searchRows(s)).toBe(2600);
		expect((await searchArticles(s.ctx, { q: '公平原则', page: 1 })).total).toBe(0);
		expect(await n(s, importRow)).toBe(0);
	});
});

describe('a statute that no longer reads when its job runs', () => {
	it('keeps the first 200 of 100,000 problems with the job, and how many there were', async () => {
		const s = await setup();
		// the same article a hundred thousand times: every one after the first is out of order
		const text = `中华人民共和国测试法\n${'第一条 本法适用于测试。\n'.repeat(100_001)}`;
		const stagedId = await stageStatute(s.ctx, { fileName: 'hostile.txt', format: 'text', text });
		const failure = await finishedJob(
			s.ctx,
			STATUTE_KIND,
			await startStatuteImport(s.ctx, { stagedId, label: '测试' })
		).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(JobFailed);
		const details = (failure as JobFailed).failure.details as StatuteJobDetails;
		expect(details.errors).toHaveLength(MAX_ISSUES);
		expect(details.errors[0]).toMatch(/^第 3 行：/);
		expect(details.errorCount).toBeGreaterThanOrEqual(100_000);
		expect(await n(s, law)).toBe(0);
	});
});
