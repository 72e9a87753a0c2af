import { type SQLWrapper, and, eq, inArray, sql } from 'drizzle-orm';
import { type QuestionBank, type QuestionVersion, indexBank } from '@xuefa/core';
import type { ReadDb } from '../../db/index.ts';
import { prepared } from '../../db/prepared.ts';
import { question, questionBank, questionVersion } from '../../db/schema/index.ts';
import { currentVersionJoin } from '../questions/store.ts';

/**
 * The current versions of the ready questions of `bankIds`: what a paper may be drawn from. Drafts
 * and retired questions are never drawn.
 */
export async function readyQuestions(
	db: ReadDb,
	bankIds: readonly number[]
): Promise<QuestionVersion[]> {
	if (bankIds.length === 0) return [];
	const rows = await db
		.select({ data: questionVersion.data })
		.from(question)
		.innerJoin(questionVersion, currentVersionJoin)
		.where(and(inArray(question.bankId, [...bankIds]), eq(question.status, 'ready')));
	return rows.map((r) => r.data);
}

/** The types of the questions `ids` in `bankIds` (any status), for building a fixed paper. */
export async function questionTypes(
	db: ReadDb,
	bankIds: readonly number[],
	ids: readonly number[]
): Promise<Map<number, QuestionVersion['type']>> {
	if (ids.length === 0 || bankIds.length === 0) return new Map();
	const rows = await db
		.select({ id: question.id, type: question.type })
		.from(question)
		.where(and(inArray(question.id, [...ids]), inArray(question.bankId, [...bankIds])));
	return new Map(rows.map((r) => [r.id, r.type]));
}

// the indexed banks kept per database handle: a few sets of banks (the exams sat at one time)
const KEEP = 8;
type Kept = Map<string, { stamp: string; bank: Promise<QuestionBank> }>;
const kept = new WeakMap<ReadDb, Kept>();

/**
 * What the questions of `bankIds` are now, in one short read of the banks' revisions (kept by
 * triggers on every write to a question, in any process): a question added, edited, readied,
 * retired or deleted changes it. A change to a question that is not ready changes it too, which
 * only means a paper is drawn afresh that need not have been.
 */
export async function bankStamp(db: ReadDb, bankIds: readonly number[]): Promise<string> {
	if (bankIds.length === 0) return '';
	const [row] = await bankRevisions(db).all({ ids: JSON.stringify([...bankIds]) });
	return row?.stamp ?? '';
}

/**
 * The {@link bankStamp} of the banks whose ids the JSON array `bankIds` holds (a column, such as
 * the exam's, or a placeholder), as SQL: each bank's `id:revision`, in id order, comma-joined.
 * Read inside a larger query where one is made anyway (the start's, ./attempts.ts).
 */
export function bankStampSql(bankIds: SQLWrapper) {
	return sql<
		string | null
	>`(SELECT group_concat(${questionBank.id} || ':' || ${questionBank.revision}, ',' ORDER BY ${questionBank.id}) FROM ${questionBank} WHERE ${questionBank.id} IN (SELECT value FROM json_each(${bankIds})))`;
}

const bankRevisions = prepared((db) =>
	db
		.select({ stamp: bankStampSql(sql.placeholder('ids')) })
		.from(sql`(SELECT 1)`)
		.prepare()
);

/**
 * The ready questions of `bankIds` indexed for drawing papers, kept in this process between
 * starts: on exam day hundreds of candidates start within seconds, and reading and indexing a
 * bank of thousands of questions for each would keep them waiting. Only a copy, checked against
 * the database at every start by its {@link bankStamp} (or the caller's, read just before), so a
 * paper is never drawn from a bank that changed since it was read.
 */
export async function readyBank(
	db: ReadDb,
	bankIds: readonly number[],
	known?: string
): Promise<QuestionBank> {
	if (bankIds.length === 0) return indexBank([]);
	const stamp = known ?? (await bankStamp(db, bankIds));
	const key = [...bankIds].sort((a, b) => a - b).join(',');
	const banks: Kept = kept.get(db) ?? new Map();
	kept.set(db, banks);
	const hit = banks.get(key);
	// the most recently used last, so that the oldest is the one dropped
	banks.delete(key);
	// the read itself is shared: the starts that arrive while it runs (the window has just opened)
	// wait for it rather than each reading the bank again
	const bank =
		hit && hit.stamp === stamp ? hit.bank : readyQuestions(db, bankIds).then((q) => indexBank(q));
	banks.set(key, { stamp, bank });
	if (banks.size > KEEP) banks.delete(banks.keys().next().value!);
	// a failed read is not kept
	bank.catch(() => {
		if (banks.get(key)?.bank === bank) banks.delete(key);
	});
	return bank;
}
