/**
 * A 50,000-question bank, as a district that imported years of exam papers has: how long its
 * list, search and figures take, and how long a learner waits to start a practice set. Run by
 * `npm run bench`, which prints each median beside its target; nothing here asserts a time.
 *
 * The database is a real temporary libSQL file, filled through the app's own `storeQuestion`
 * (the demo bank's questions, each numbered so that no two are alike), and every figure is one
 * service call, as a page load makes it.
 */
import { afterAll, bench, describe } from 'vitest';
import { listQuestionsInput } from '$lib/schemas/banks.ts';
import { openDatabase } from '../db/index.ts';
import { DEMO_QUESTIONS } from '../seed/demo-bank/index.ts';
import { getBank } from '../services/banks/list.ts';
import { practiceOverview } from '../services/practice/overview.ts';
import { startPractice } from '../services/practice/start.ts';
import { listQuestions } from '../services/questions/list.ts';
import { storeQuestion } from '../services/questions/store.ts';
import { ctxFor, district, makeBank, makeUser } from '../testing/factories.ts';
import { cachedDatabase } from './cached-db.ts';

// a knob of this benchmark, not a setting of the app
// eslint-disable-next-line no-restricted-properties
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 50_000);
const BATCH = 2_000;

/** Ids of what the benchmarks act as and on. */
interface Fixture {
	organiserId: number;
	learnerId: number;
	bankId: number;
}

/** Fills a fresh database with the bank and the people who use it (minutes on a busy machine). */
async function build(file: string): Promise<Fixture> {
	const { db, client } = await openDatabase(`file:${file}`, { migrationsFolder: './drizzle' });
	const d = await district(db);
	const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const learner = await makeUser(db, d.b.id);
	const bank = await makeBank(db, d.root.id, '历年试题库');
	const started = performance.now();
	for (let from = 0; from < QUESTIONS; from += BATCH) {
		await db.transaction(async (tx) => {
			const at = { db: tx, now: new Date(Date.UTC(2026, 0, 1) + from * 1000), user: null };
			for (let i = from; i < Math.min(QUESTIONS, from + BATCH); i++) {
				const q = DEMO_QUESTIONS[i % DEMO_QUESTIONS.length]!;
				const content = { ...q.content, stem: `${q.content.stem}（${i + 1}）` };
				await storeQuestion(at, bank.id, content, { externalId: `B${i + 1}`, status: 'ready' });
			}
		});
	}
	process.stderr.write(
		`built a ${QUESTIONS.toLocaleString('en')}-question bank in ${((performance.now() - started) / 1000).toFixed(0)} s\n`
	);
	await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
	client.close();
	return { organiserId: organiser.user.id, learnerId: learner.user.id, bankId: bank.id };
}

// The built database is kept between runs (keyed by the migrations and the code that writes
// questions), and each run works on a copy of it.
const { db, fixture, close } = await cachedDatabase({
	name: 'bank',
	key: [String(QUESTIONS)],
	files: ['./src/lib/server/services/questions/store.ts'],
	build: (file) => {
		process.stderr.write(`building a ${QUESTIONS.toLocaleString('en')}-question bank, once…\n`);
		return build(file);
	}
});
const bank = { id: fixture.bankId };
const manager = await ctxFor(db, fixture.organiserId);
const cadre = await ctxFor(db, fixture.learnerId);
const list = (q: Record<string, string>) =>
	listQuestions(manager, { ...listQuestionsInput.parse(q), bankId: bank.id });

afterAll(close);

describe(`a bank of ${QUESTIONS.toLocaleString('en')} questions`, () => {
	bench('bank: question list, first page', async () => {
		await list({});
	});
	bench('bank: question list, page 100', async () => {
		await list({ page: '100' });
	});
	bench('bank: figures (counts by status and type)', async () => {
		await getBank(manager, bank.id);
	});
	bench('bank: search, 2 characters, common (行政)', async () => {
		await list({ q: '行政' });
	});
	bench('bank: search, 2 characters, rare (宣誓)', async () => {
		await list({ q: '宣誓' });
	});
	bench('bank: search, 3 characters, common (行政机)', async () => {
		await list({ q: '行政机' });
	});
	bench('bank: search, 3 characters, rare (听证会)', async () => {
		await list({ q: '听证会' });
	});
	bench('bank: search, a number in the stem (12345)', async () => {
		await list({ q: '12345' });
	});
	bench('practice: start a set of 10 from the bank', async () => {
		await startPractice(cadre, { by: 'bank', value: String(bank.id), count: 10 });
	});
	bench('practice: start a set of 10 by law (行政处罚法)', async () => {
		await startPractice(cadre, { by: 'law', value: '行政处罚法', count: 10 });
	});
	bench("practice: start today's review", async () => {
		await startPractice(cadre, { by: 'review', value: '', count: 10 });
	});
	bench('practice: the practice home (readiness over the bank)', async () => {
		await practiceOverview(cadre);
	});
});
