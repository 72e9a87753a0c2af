/**
 * A district, questions and a learner who practises them, for the practice service tests: the
 * learner answers as a person would, options picked as the questions are written.
 */
import { and, eq } from 'drizzle-orm';
import { OPTION_LABELS } from '@xuefa/core';
import type { Db } from '../db/index.ts';
import { practiceCard, practiceSession } from '../db/schema/index.ts';
import { answerPractice, assessPractice, nextPractice } from '../services/practice/answer.ts';
import {
	loadVersion,
	practiceSessionView,
	type SessionView
} from '../services/practice/session.ts';
import { startPractice } from '../services/practice/start.ts';
import type { QuestionContent } from '../services/questions/store.ts';
import { testDb } from './db.ts';
import { ctxFor, district, makeBank, makeUser } from './factories.ts';

export const T0 = new Date('2026-03-02T09:00:00+08:00');
export const hours = (h: number) => new Date(T0.getTime() + h * 3600_000);

export const fill: QuestionContent = {
	type: 'fill',
	stem: '行政处罚的种类包括警告、通报批评、___等。',
	explanation: '《行政处罚法》第九条。',
	difficulty: 1,
	laws: [{ lawId: '行政处罚法', articleNo: 9 }],
	topic: '处罚种类',
	tags: [],
	blanks: [{ answers: ['没收违法所得'] }]
};
export const essay: QuestionContent = {
	type: 'essay',
	stem: '简述听证程序的适用情形。',
	difficulty: 3,
	laws: [{ lawId: '行政处罚法', articleNo: 63 }],
	topic: '听证',
	tags: [],
	referenceAnswer: '较大数额罚款、没收较大数额违法所得……',
	rubric: '答出三项得满分'
};
export const caseQ: QuestionContent = {
	type: 'case',
	stem: '某局对张某作出行政处罚决定。',
	difficulty: 4,
	laws: [{ lawId: '行政处罚法' }],
	topic: '案例',
	tags: [],
	parts: [
		{
			type: 'single',
			stem: '该决定前应当？',
			options: [
				{ id: 'a', text: '告知', correct: true },
				{ id: 'b', text: '不告知', correct: false }
			]
		},
		{ type: 'truefalse', stem: '可以当场收缴所有款项。', answer: false }
	]
};

/** A district with a bank on the root (for everyone), one in bureau A, and a cadre in street B. */
export async function setup() {
	const db = await testDb();
	const d = await district(db);
	const rootBank = await makeBank(db, d.root.id, '区级题库');
	const aBank = await makeBank(db, d.a.id, '司法局题库');
	const learner = await makeUser(db, d.b.id);
	return { db, ...d, rootBank, aBank, learner };
}

/**
 * The fields a learner sends to choose options as the question is written (A = its first option):
 * a set shows the options shuffled, so each written label becomes the label shown for that option.
 */
export async function asShown(
	db: Db,
	sessionId: number,
	position: number,
	fields: Record<string, string[]>
): Promise<Record<string, string[]>> {
	const [s] = await db.select().from(practiceSession).where(eq(practiceSession.id, sessionId));
	const item = s!.items[position]!;
	const q = await loadVersion(db, item.questionId, item.version);
	const shown = (key: string, labels: string[]) => {
		const part = /^p(\d+)$/.exec(key);
		const body = part ? (q.type === 'case' ? q.parts[Number(part[1])] : undefined) : q;
		const order = part ? item.partOptionOrders?.[Number(part[1])] : item.optionOrder;
		if (!body || !('options' in body) || !order) return labels;
		return labels.map((l) => {
			const id = body.options[OPTION_LABELS.indexOf(l)]?.id;
			return id === undefined ? l : OPTION_LABELS[order.indexOf(id)]!;
		});
	};
	return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, shown(k, v)]));
}

/**
 * Starts a set and answers each question with `fields(questionId)` (options as written, see
 * {@link asShown}), as a learner would at `now`. Returns the set id and the answer ids.
 */
export async function practise(
	db: Db,
	userId: number,
	now: Date,
	start: Parameters<typeof startPractice>[1],
	fields: (questionId: number) => Record<string, string[]>,
	marks: Record<string, 'right' | 'partly' | 'wrong'> = {},
	onView?: (view: SessionView) => void
) {
	const ctx = await ctxFor(db, userId, now);
	const id = await startPractice(ctx, start);
	const answers: number[] = [];
	for (;;) {
		const view = await practiceSessionView(ctx, id);
		onView?.(view);
		if (view.state !== 'question') break;
		const result = await answerPractice(ctx, {
			sessionId: id,
			position: view.position,
			questionId: view.questionId,
			version: view.version,
			fields: await asShown(db, id, view.position, fields(view.questionId))
		});
		if ('pending' in result) {
			const pending = await practiceSessionView(ctx, id);
			onView?.(pending);
			answers.push(await assessPractice(ctx, { sessionId: id, position: view.position, marks }));
		} else answers.push(result.answerId);
		await nextPractice(ctx, { sessionId: id, position: view.position });
	}
	return { id, answers, ctx };
}

export const bankSet = (bankId: number, count = 10) => ({
	by: 'bank' as const,
	value: String(bankId),
	count
});

export async function card(db: Db, personId: number, questionId: number) {
	const [row] = await db
		.select()
		.from(practiceCard)
		.where(and(eq(practiceCard.personId, personId), eq(practiceCard.questionId, questionId)));
	return row!;
}
