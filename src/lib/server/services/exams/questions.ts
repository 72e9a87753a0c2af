import { and, eq, inArray } from 'drizzle-orm';
import type { QuestionVersion } from '@xuefa/core';
import type { ReadDb } from '../../db/index.ts';
import { question, questionVersion } from '../../db/schema/index.ts';
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
