import { type SQL, and, count, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { parseArticleNo } from '@xuefa/core';
import { QUESTION_PAGE_SIZE, type ListQuestionsInput } from '$lib/schemas/banks.ts';
import { authorizeAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { question, questionBank, unit } from '../../db/schema/index.ts';
import { textSearch } from '../../search/text.ts';
import { loadBank } from '../banks/access.ts';

/** The conditions of the list's filters (everything but the bank scope). */
function filterConditions(input: ListQuestionsInput): (SQL | undefined)[] {
	const articleNo = input.article ? parseArticleNo(input.article) : undefined;
	const lawRef = input.law
		? sql`EXISTS (SELECT 1 FROM question_law_ref r WHERE r.question_id = ${question.id} AND r.law = ${input.law.replace(/[《》]/g, '')}${
				articleNo === undefined ? sql`` : sql` AND r.article_no = ${articleNo}`
			})`
		: undefined;
	return [
		// the stem is in the row; options, explanation and tags only in the index's text
		textSearch(input.q, {
			columns: [question.stemText],
			fts: {
				table: 'question_fts',
				id: question.id,
				likeColumn: 'body',
				bigrams: 'question_bigram'
			}
		}),
		input.type ? eq(question.type, input.type) : undefined,
		lawRef,
		// an article number alone means "any law's article N"
		!input.law && articleNo !== undefined
			? sql`EXISTS (SELECT 1 FROM question_law_ref r WHERE r.question_id = ${question.id} AND r.article_no = ${articleNo})`
			: undefined,
		input.dmin ? gte(question.difficulty, input.dmin) : undefined,
		input.dmax ? lte(question.difficulty, input.dmax) : undefined,
		input.topic ? eq(question.topic, input.topic) : undefined,
		input.tag
			? sql`EXISTS (SELECT 1 FROM question_tag t WHERE t.question_id = ${question.id} AND t.tag = ${input.tag})`
			: undefined,
		input.flagged ? isNotNull(question.reviewFlag) : undefined,
		input.status === ''
			? inArray(question.status, ['draft', 'ready'])
			: eq(question.status, input.status)
	];
}

/** What the list shows of each question. */
const LISTED = {
	id: question.id,
	bankId: question.bankId,
	type: question.type,
	difficulty: question.difficulty,
	topic: question.topic,
	stemText: question.stemText,
	version: question.currentVersion,
	status: question.status,
	flagged: sql<boolean>`${question.reviewFlag} IS NOT NULL`.mapWith(Boolean),
	updatedAt: question.updatedAt
};

/** A search reports at most this many hits (as "1000+"). */
export const SEARCH_COUNT_CAP = 1000;

/**
 * Questions matching the filters, newest change first, a page at a time: in one bank when
 * `bankId` is given, else in every bank the user may manage. Chinese search runs on the trigram
 * full-text index (`question_fts`) for words of three characters or more, on the bigram index
 * (`question_bigram`) for two-character words, and on LIKE for the rest (one character,
 * punctuation); several words separated by spaces must all match.
 */
export async function listQuestions(ctx: Ctx, input: ListQuestionsInput & { bankId?: number }) {
	let bankScope: SQL;
	if (input.bankId !== undefined) {
		await loadBank(ctx, input.bankId);
		bankScope = eq(question.bankId, input.bankId);
	} else {
		authorizeAnywhere(ctx, 'bank.manage');
		const visible = ctx.db
			.select({ id: questionBank.id })
			.from(questionBank)
			.innerJoin(unit, eq(unit.id, questionBank.unitId))
			.where(inScope(ctx.user, 'bank.manage', unit.path));
		bankScope = inArray(question.bankId, visible);
	}
	const where = and(bankScope, ...filterConditions(input));
	const offset = (input.page - 1) * QUESTION_PAGE_SIZE;
	const newestFirst = [desc(question.updatedAt), desc(question.id)];
	const page = { page: input.page, pageSize: QUESTION_PAGE_SIZE };
	if (!input.q) {
		const [total] = await ctx.db.select({ n: count() }).from(question).where(where);
		const rows = await ctx.db
			.select(LISTED)
			.from(question)
			.where(where)
			.orderBy(...newestFirst)
			.limit(QUESTION_PAGE_SIZE)
			.offset(offset);
		return { rows, total: total?.n ?? 0, more: false, ...page };
	}
	// A search finds its page and counts its hits in one pass, up to a cap: a common word matches
	// most of a large bank, and the word's index is then read once, not once per query (nobody
	// pages past the cap; the total reads "1000+").
	const hits = ctx.db
		.select({ id: question.id, updatedAt: question.updatedAt })
		.from(question)
		.where(where)
		.orderBy(...newestFirst)
		.limit(SEARCH_COUNT_CAP + 1)
		.as('hits');
	const ids = await ctx.db
		.select({ id: hits.id, n: sql<number>`count(*) OVER ()` })
		.from(hits)
		.orderBy(desc(hits.updatedAt), desc(hits.id))
		.limit(QUESTION_PAGE_SIZE)
		.offset(offset);
	const n = ids[0]?.n ?? (offset > 0 ? (await ctx.db.select({ n: count() }).from(hits))[0]!.n : 0);
	const found = ids.length
		? await ctx.db
				.select(LISTED)
				.from(question)
				.where(
					inArray(
						question.id,
						ids.map((r) => r.id)
					)
				)
		: [];
	const byId = new Map(found.map((r) => [r.id, r]));
	return {
		rows: ids.map((r) => byId.get(r.id)!),
		total: Math.min(n, SEARCH_COUNT_CAP),
		/** More hits than the cap: the total reads "1000+". */
		more: n > SEARCH_COUNT_CAP,
		...page
	};
}
