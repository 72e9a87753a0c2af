import { type SQL, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { isConstraintViolation } from '../../db/codes.ts';
import type { Tx } from '../../db/index.ts';
import { questionBank } from '../../db/schema/index.ts';
import { AppError, ConflictError } from '../../errors.ts';
import { inPublishChunks, staged } from '../imports/rows.ts';

/** The staged rows of a question import, by what publishes them. */
export const QUESTION_TARGETS = {
	questionInsert: 'question.insert',
	questionUpdate: 'question.update',
	versionInsert: 'version.insert',
	refInsert: 'ref.insert',
	tagInsert: 'tag.insert',
	/** Search rows of updated questions (new questions' are written ahead, see imports/rows.ts). */
	searchReplace: 'search.replace',
	/**
	 * Two-character search rows of updated questions (see search/grams.ts); new questions' are
	 * written ahead, as their full-text rows are.
	 */
	bigramInsert: 'bigram.insert'
} as const;

const changed = () => new ConflictError('bank_import_changed');

/**
 * Publishes a staged question import inside the job's one short transaction, after checking that
 * the bank is still open and that no question it updates got a new version meanwhile (a 编号
 * taken meanwhile is refused by the bank's unique index).
 */
export async function publishQuestions(
	tx: Ctx & { db: Tx },
	jobId: string,
	bankId: number
): Promise<void> {
	const db = tx.db;
	const now = tx.now.getTime();
	const T = QUESTION_TARGETS;
	const [bank] = await db
		.select({ archived: questionBank.archived })
		.from(questionBank)
		.where(eq(questionBank.id, bankId));
	if (!bank || bank.archived) throw new AppError('bank_archived_readonly');
	const [moved] = await db.all<{ hit: number }>(sql`SELECT EXISTS (
		SELECT 1 FROM ${staged(jobId, T.questionUpdate)} s LEFT JOIN question q ON q.id = s.data->>'id'
		WHERE q.id IS NULL OR q.bank_id <> ${bankId} OR q.current_version <> s.data->>'seen') AS hit`);
	if (moved?.hit) throw changed();
	// each table a chunk at a time, the request loop getting a turn between two (see rows.ts)
	const each = (target: string, publish: (rows: SQL) => Promise<unknown>) =>
		inPublishChunks(db, jobId, target, publish);
	try {
		await each(T.questionInsert, (rows) =>
			db.run(sql`INSERT INTO question
			(id, bank_id, external_id, status, current_version, type, difficulty, topic, stem_text, created_at, updated_at)
			SELECT data->>'id', ${bankId}, data->>'externalId', data->>'status', 1, data->>'type', data->>'difficulty',
				data->>'topic', data->>'stemText', ${now}, ${now}
			FROM ${rows}`)
		);
		await each(T.questionUpdate, async (rows) => {
			// a new version answers any "law amended, please review" flag (as storeQuestion does)
			await db.run(sql`UPDATE question SET current_version = s.data->>'version', type = s.data->>'type',
				difficulty = s.data->>'difficulty', topic = s.data->>'topic', stem_text = s.data->>'stemText',
				status = s.data->>'status', review_flag = NULL, updated_at = ${now}
			FROM ${rows} AS s WHERE question.id = s.data->>'id'`);
			const updated = sql`(SELECT data->>'id' FROM ${rows})`;
			await db.run(sql`DELETE FROM question_law_ref WHERE question_id IN ${updated}`);
			await db.run(sql`DELETE FROM question_tag WHERE question_id IN ${updated}`);
			await db.run(sql`DELETE FROM question_fts WHERE rowid IN ${updated}`);
			await db.run(sql`DELETE FROM question_bigram WHERE rowid IN ${updated}`);
		});
		await each(T.versionInsert, (rows) =>
			db.run(sql`INSERT INTO question_version (question_id, version, data, created_at, created_by)
			SELECT data->>'questionId', data->>'version', data->>'data', ${now}, ${tx.user.id}
			FROM ${rows}`)
		);
		await each(T.refInsert, (rows) =>
			db.run(sql`INSERT INTO question_law_ref (question_id, law, article_no)
			SELECT data->>'questionId', data->>'law', data->>'articleNo' FROM ${rows}`)
		);
		await each(T.tagInsert, (rows) =>
			db.run(sql`INSERT INTO question_tag (question_id, tag)
			SELECT data->>'questionId', data->>'tag' FROM ${rows}`)
		);
		await each(T.searchReplace, (rows) =>
			db.run(sql`INSERT INTO question_fts (rowid, body)
			SELECT data->>'rowid', data->>'text' FROM ${rows}`)
		);
		await each(T.bigramInsert, (rows) =>
			db.run(sql`INSERT INTO question_bigram (rowid, grams)
			SELECT data->>'rowid', data->>'grams' FROM ${rows}`)
		);
	} catch (e) {
		if (isConstraintViolation(e)) throw changed();
		throw e;
	}
}
