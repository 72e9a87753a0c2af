import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listQuestionsInput } from '$lib/schemas/banks.ts';
import { transact } from '../../context.ts';
import { importRow, question, questionVersion, stagedImport } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makeBank, makeUser } from '../../testing/factories.ts';
import { JobFailed, finishedJob } from '../../testing/imports.ts';
import type { JobHooks } from '../imports/job.ts';
import { readStaged, stage } from '../imports/staging.ts';
import { storedJobIssues } from '../../uploads/issues.ts';
import { t } from '$lib/i18n.ts';
import {
	QUESTIONS_KIND,
	type QuestionImportResult,
	type QuestionJobDetails,
	previewQuestionImport,
	startQuestionImport
} from './import.ts';
import { listQuestions } from './list.ts';
import { storeQuestion } from './store.ts';

const HEADER = ['编号', '题型', '题干', '选项A', '选项B', '答案'];

/** `n` true/false questions T1 … with a word only question `i` has (寰宇{i}号). */
const csv = (n: number, from = 1) => {
	const rows = Array.from({ length: n }, (_, k) => {
		const i = from + k;
		return [`T${i}`, '判断', `第${i}题：寰宇${i}号机关应当依法行政。`, '', '', '对'];
	});
	const body = [HEADER, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n');
	return { name: '试题.csv', bytes: new TextEncoder().encode(body) };
};

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const bank = await makeBank(db, d.a.id);
	return { db, bank, ctx: await ctxFor(db, organiser.user.id) };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function run(s: Setup, upload: ReturnType<typeof csv>, hooks: JobHooks = {}) {
	const preview = await previewQuestionImport(s.ctx, { bankId: s.bank.id }, upload);
	expect(preview.errors).toEqual([]);
	const started = await startQuestionImport(
		s.ctx,
		{ bankId: s.bank.id, stagedId: preview.stagedId! },
		hooks
	);
	return finishedJob<QuestionImportResult>(s.ctx, QUESTIONS_KIND, started);
}

const n = async (s: Setup, table: typeof question | typeof questionVersion | typeof importRow) =>
	(await s.db.select({ n: count() }).from(table))[0]!.n;
const searchRows = async (s: Setup) =>
	((await s.db.all(sql`SELECT count(*) AS n FROM question_fts`))[0] as { n: number }).n;
// the two-character index keeps one size row per question
const bigramRows = async (s: Setup) =>
	((await s.db.all(sql`SELECT count(*) AS n FROM question_bigram_docsize`))[0] as { n: number }).n;
const list = (s: Setup, q: string) =>
	listQuestions(s.ctx, { ...listQuestionsInput.parse({ q }), bankId: s.bank.id });
const found = async (s: Setup, q: string) => (await list(s, q)).rows;
const howMany = async (s: Setup, q: string) => (await list(s, q)).total;

describe('a large question import, staged in short steps and published at once', () => {
	it('imports 800 questions with their versions and search rows, updating by 编号', async () => {
		const s = await setup();
		expect((await run(s, csv(800))).counts).toEqual({ create: 800, update: 0, unchanged: 0 });
		expect(await n(s, question)).toBe(800);
		expect(await searchRows(s)).toBe(800);
		expect(await bigramRows(s)).toBe(800);
		expect((await found(s, '寰宇777号')).map((q) => q.stemText)).toEqual([
			'第777题：寰宇777号机关应当依法行政。'
		]);
		// a two-character word is found through the bigram index
		expect(await howMany(s, '行政')).toBe(800);

		// T1 … T400 again but reworded, T801 … T1000 new
		const again = csv(400);
		const reworded = new TextDecoder().decode(again.bytes).replaceAll('依法行政', '依法履职');
		const more = new TextDecoder().decode(csv(200, 801).bytes).split('\r\n').slice(1);
		const result = await run(s, {
			name: '试题.csv',
			bytes: new TextEncoder().encode([reworded, ...more].join('\r\n'))
		});
		expect(result.counts).toEqual({ create: 200, update: 400, unchanged: 0 });
		expect(await n(s, question)).toBe(1000);
		expect(await n(s, questionVersion)).toBe(1400);
		expect(await searchRows(s)).toBe(1000);
		expect(await bigramRows(s)).toBe(1000);
		expect((await found(s, '寰宇12号')).map((q) => q.stemText)).toEqual([
			'第12题：寰宇12号机关应当依法履职。'
		]);
		// the reworded ones by their new words, the new ones by theirs
		expect(await howMany(s, '履职')).toBe(400);
		expect(await howMany(s, '行政')).toBe(600);
		expect(await n(s, importRow)).toBe(0);
	});

	it('imports nothing when a question it updates is edited between staging and publishing', async () => {
		const s = await setup();
		await run(s, csv(50));
		const [t7] = await s.db.select().from(question).where(eq(question.externalId, 'T7'));
		const edited = new TextDecoder().decode(csv(300).bytes).replaceAll('依法行政', '依法履职');
		const failure = await run(
			s,
			{ name: '试题.csv', bytes: new TextEncoder().encode(edited) },
			{
				beforePublish: async () => {
					const [v] = await s.db
						.select({ data: questionVersion.data })
						.from(questionVersion)
						.where(eq(questionVersion.questionId, t7!.id));
					await transact(s.ctx, (tx) =>
						storeQuestion(
							tx,
							s.bank.id,
							{ ...v!.data, stem: '有人刚改了这道题。' },
							{ questionId: t7!.id }
						)
					);
				}
			}
		).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(JobFailed);
		expect((failure as JobFailed).message).toMatch(/预览之后发生了变化/);
		// the 250 new questions are not there, not even in the search index written ahead
		expect(await n(s, question)).toBe(50);
		expect(await searchRows(s)).toBe(50);
		expect(await bigramRows(s)).toBe(50);
		expect(await found(s, '寰宇280号')).toEqual([]);
		expect(await n(s, importRow)).toBe(0);
	});
});

describe('confirming a question import', () => {
	it('removes the upload and its saved preview when it publishes: nothing is left staged', async () => {
		const s = await setup();
		expect((await run(s, csv(60))).counts.create).toBe(60);
		expect(await s.db.$count(stagedImport)).toBe(0);
	});

	// regression: a preview that was not this bank's answered with the roster's error code
	it("refuses another bank's preview with the imports' own error code, importing nothing", async () => {
		const s = await setup();
		const other = await makeBank(s.db, s.bank.unitId, '另一个题库');
		const preview = await previewQuestionImport(s.ctx, { bankId: s.bank.id }, csv(2));
		await expect(
			startQuestionImport(s.ctx, { bankId: other.id, stagedId: preview.stagedId! })
		).rejects.toMatchObject({ code: 'import_staged_expired' });
		await expect(
			startQuestionImport(s.ctx, { bankId: s.bank.id, stagedId: 'f'.repeat(32) })
		).rejects.toMatchObject({ code: 'import_staged_expired' });
		expect(await n(s, question)).toBe(0);
	});

	it('keeps the first 200 problems of a file that no longer imports, and how many there were', async () => {
		const s = await setup();
		const preview = await previewQuestionImport(s.ctx, { bankId: s.bank.id }, csv(250));
		// the preview refuses a file that repeats a 编号, and the job checks again as it publishes:
		// a file staged before a rule it now breaks has every question wrong at publish
		const staged = await readStaged<{ questions: unknown[] }>(
			s.ctx,
			QUESTIONS_KIND,
			preview.stagedId!
		);
		const { questions } = staged.payload;
		const stagedId = await stage(s.ctx, QUESTIONS_KIND, {
			fileName: staged.fileName,
			payload: { ...staged.payload, questions: [...questions, ...questions] }
		});

		const failure = await finishedJob(
			s.ctx,
			QUESTIONS_KIND,
			await startQuestionImport(s.ctx, { bankId: s.bank.id, stagedId })
		).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(JobFailed);
		expect((failure as JobFailed).message).toBe(t('bank_import_nothing_imported'));
		const details = storedJobIssues<QuestionJobDetails>((failure as JobFailed).failure.details)!;
		expect(details.errors).toHaveLength(200);
		expect(details.errors[0]!.message).toContain('T1');
		expect(details.errorCount).toBe(250);
		expect(await n(s, question)).toBe(0);
	});

	it('shows a job that failed before its problems were capped with all of them', () => {
		const problems = Array.from({ length: 250 }, (_, i) => ({ message: `第${i}题` }));
		const details = storedJobIssues<QuestionJobDetails>(problems)!;
		expect(details.errors).toHaveLength(200);
		expect(details.errorCount).toBe(250);
		expect(storedJobIssues(undefined)).toBeNull();
	});
});
