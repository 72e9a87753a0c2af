import { and, eq, sql } from 'drizzle-orm';
import { type QuestionVersion, assertValidQuestion, nextVersion } from '@xuefa/core';
import type { QuestionStatus } from '$lib/schemas/enums.ts';
import type { Tx } from '../../db/index.ts';
import { question, questionLawRef, questionTag, questionVersion } from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';
import { markdownToText } from '../../markdown.ts';
import { bigramsOf } from '../../search/grams.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A question's content without its identity: what an editor or an import produces. */
export type QuestionContent = DistributiveOmit<QuestionVersion, 'id' | 'version'>;

export interface StoredQuestion {
	questionId: number;
	version: number;
	/** A question row was created. */
	created: boolean;
	/** A new version was written (false when an edit or re-import changed nothing). */
	changed: boolean;
}

/** Joins `question_version` to a `question` row's current version. */
export const currentVersionJoin = and(
	eq(questionVersion.questionId, question.id),
	eq(questionVersion.version, question.currentVersion)
);

/** All the words a person might search a question by. */
export function searchText(q: QuestionContent): string {
	const parts: string[] = [q.stem, q.explanation ?? '', q.topic ?? '', ...q.tags];
	const body = (b: QuestionContent | (QuestionContent & { type: string })) => {
		if ('options' in b) parts.push(...b.options.map((o) => o.text));
		if ('blanks' in b) parts.push(...b.blanks.flatMap((x) => x.answers));
		if ('referenceAnswer' in b && b.referenceAnswer) parts.push(b.referenceAnswer);
	};
	body(q);
	if (q.type === 'case') for (const p of q.parts) parts.push(p.stem, p.explanation ?? '');
	if (q.type === 'case') q.parts.forEach((p) => body(p as unknown as QuestionContent));
	// each text on its own: joined by line breaks they were one paragraph, whose words ran into
	// each other's (甲\n乙 read as 甲乙) and whose rendering cost grew with the square of the whole
	return parts
		.filter(Boolean)
		.map((text) => markdownToText(text))
		.filter(Boolean)
		.join(' ');
}

/** A validated draft: the content as the core checked it, numbered as the next version. */
export type QuestionDraft = QuestionVersion;

/**
 * Checks `content` (the core's ValidationError when invalid) and numbers it as the next version of
 * `previous`; null when it is the same content as `previous` (nothing to save).
 */
export function questionDraft(
	content: QuestionContent,
	previous: QuestionVersion | undefined
): QuestionDraft | null {
	const draft = assertValidQuestion({
		...content,
		id: previous?.id ?? '0',
		version: previous ? previous.version + 1 : 1
	} as QuestionVersion);
	if (previous && nextVersion(previous, draft) === previous) return null;
	return draft;
}

/** The facts of a question row that mirror its current version (for filters and lists). */
export function questionFacts(draft: QuestionDraft) {
	return {
		type: draft.type,
		difficulty: draft.difficulty,
		topic: draft.topic ?? '',
		stemText: markdownToText(draft.stem).slice(0, 500)
	};
}

/** Everything a saved version writes besides the question row: the version, citations, tags, search text. */
export function versionRows(draft: QuestionDraft, questionId: number) {
	const data = { ...draft, id: String(questionId) } as QuestionVersion;
	const refs = new Map(data.laws.map((l) => [`${l.lawId}#${l.articleNo ?? 0}`, l]));
	return {
		version: { questionId, version: data.version, data },
		refs: [...refs.values()].map((l) => ({
			questionId,
			law: l.lawId,
			articleNo: l.articleNo ?? 0
		})),
		tags: [...new Set(data.tags)].map((tag) => ({ questionId, tag })),
		search: { rowid: questionId, body: searchText(draft) }
	};
}

/**
 * Saves content as a new question in `bankId`, or as the next version of `questionId` when the
 * content differs from its current version. Versions are never updated, so a taken paper or a
 * practice answer keeps pointing at exactly what the candidate saw. A new question is a draft
 * unless `status` says otherwise; a new version takes `status` when given (an unchanged save
 * changes nothing). Runs inside the caller's transaction; throws the core's ValidationError for
 * invalid content. (A file import writes the same rows in bulk: questions/import.ts.)
 */
export async function storeQuestion(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	bankId: number,
	content: QuestionContent,
	opts: { questionId?: number; externalId?: string | null; status?: QuestionStatus } = {}
): Promise<StoredQuestion> {
	const { db, now } = tx;
	let previous: QuestionVersion | undefined;
	let questionId = opts.questionId;
	if (questionId !== undefined) {
		const [row] = await db
			.select({ data: questionVersion.data })
			.from(question)
			.innerJoin(questionVersion, currentVersionJoin)
			.where(and(eq(question.id, questionId), eq(question.bankId, bankId)));
		if (!row) throw new NotFoundError();
		previous = row.data;
	}
	const draft = questionDraft(content, previous);
	if (!draft)
		return { questionId: questionId!, version: previous!.version, created: false, changed: false };
	const facts = { ...questionFacts(draft), updatedAt: now };
	if (questionId === undefined) {
		const [created] = await db
			.insert(question)
			.values({
				...facts,
				bankId,
				externalId: opts.externalId ?? null,
				status: opts.status ?? 'draft',
				currentVersion: 1,
				createdAt: now
			})
			.returning({ id: question.id });
		questionId = created!.id;
	} else {
		// a new version answers any "law amended, please review" flag
		await db
			.update(question)
			.set({
				...facts,
				currentVersion: draft.version,
				reviewFlag: null,
				...(opts.status ? { status: opts.status } : {})
			})
			.where(eq(question.id, questionId));
		await db.delete(questionLawRef).where(eq(questionLawRef.questionId, questionId));
		await db.delete(questionTag).where(eq(questionTag.questionId, questionId));
		await db.run(sql`DELETE FROM question_fts WHERE rowid = ${questionId}`);
		await db.run(sql`DELETE FROM question_bigram WHERE rowid = ${questionId}`);
	}
	const rows = versionRows(draft, questionId);
	await db
		.insert(questionVersion)
		.values({ ...rows.version, createdAt: now, createdBy: tx.user?.id ?? null });
	if (rows.refs.length > 0) await db.insert(questionLawRef).values(rows.refs);
	if (rows.tags.length > 0) await db.insert(questionTag).values(rows.tags);
	await db.run(
		sql`INSERT INTO question_fts (rowid, body) VALUES (${questionId}, ${rows.search.body})`
	);
	await db.run(
		sql`INSERT INTO question_bigram (rowid, grams) VALUES (${questionId}, ${bigramsOf(rows.search.body)})`
	);
	return {
		questionId,
		version: draft.version,
		created: opts.questionId === undefined,
		changed: true
	};
}
