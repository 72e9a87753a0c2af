import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { practiceSession } from '../../db/schema/index.ts';
import { databaseBefore } from '../../testing/db.ts';
import { ctxFor, makeQuestion, makeUser, singleChoice } from '../../testing/factories.ts';
import { T0, bankSet, fill, hours, practise, setup } from '../../testing/practice.ts';
import { answerPractice } from './answer.ts';
import { practiceFeedback } from './feedback.ts';
import { MISTAKE_PAGE_SIZE, listMistakes } from './mistakes.ts';
import { practiceOverview } from './overview.ts';
import { practiceSessionView } from './session.ts';
import { startPractice } from './start.ts';

describe('practice as a learner uses it day to day', () => {
	it('a new learner has nothing due today, on the card and in the topic table alike', async () => {
		const { db, rootBank, b } = await setup();
		await makeQuestion(db, rootBank.id);
		await makeQuestion(db, rootBank.id, singleChoice({ stem: '同一知识点的另一题' }));
		await makeQuestion(db, rootBank.id, fill);
		const newcomer = await makeUser(db, b.id);
		const overview = await practiceOverview(await ctxFor(db, newcomer.user.id, T0));
		expect(overview.today.due).toBe(0);
		expect(overview.readiness.map((r) => [r.topic, r.due, r.unseen])).toEqual([
			['处罚种类', 0, 1],
			['行政处罚程序', 0, 2]
		]);
		// one wrong answer comes back within minutes: due today in both places
		await practise(db, newcomer.user.id, T0, bankSet(rootBank.id, 10), () => ({
			a: ['B'],
			a_0: ['不知道']
		}));
		const later = await practiceOverview(await ctxFor(db, newcomer.user.id, hours(1)));
		const dueInTopics = later.readiness.reduce((n, r) => n + r.due, 0);
		expect(later.today.due).toBe(3);
		expect(dueInTopics).toBe(later.today.due);
	});

	it('shows each set its options in a seeded shuffled order and grades the choice by option id', async () => {
		const { db, rootBank, learner } = await setup();
		const qid = await makeQuestion(db, rootBank.id); // option a (written first) is right
		const ctx = await ctxFor(db, learner.user.id, T0);
		const orders = new Set<string>();
		for (let i = 0; i < 8; i++) {
			const id = await startPractice(ctx, bankSet(rootBank.id));
			const [s] = await db.select().from(practiceSession).where(eq(practiceSession.id, id));
			const order = s!.items[0]!.optionOrder!;
			orders.add(order.join(''));
			// the page lists the options in that order, labelled A, B, C, D
			const view = await practiceSessionView(ctx, id);
			if (view.state !== 'question') throw new Error('expected a question');
			const texts = view.question.options!.map((o) => o.html);
			expect(texts[order.indexOf('a')]).toContain('拟作出的行政处罚内容');
			// choosing the label shown for option a is right, wherever it landed
			const label = 'ABCD'[order.indexOf('a')]!;
			const wrongLabel = 'ABCD'[order.indexOf('a') === 0 ? 1 : 0]!;
			const chosen = i % 2 === 0 ? label : wrongLabel;
			const result = await answerPractice(ctx, {
				sessionId: id,
				position: 0,
				questionId: qid,
				version: 1,
				fields: { a: [chosen] }
			});
			const fb = await practiceFeedback(ctx, id, (result as { answerId: number }).answerId);
			expect(fb.outcome).toBe(i % 2 === 0 ? 'right' : 'wrong');
			// the key lists the options as they were shown, the learner's choice marked
			const key = fb.bodies[0]!.key;
			if (key.type !== 'single') throw new Error('expected a choice key');
			expect(key.options.map((o) => [o.label, o.correct, o.chosen])).toEqual(
				order.map((optionId, k) => ['ABCD'[k], optionId === 'a', 'ABCD'[k] === chosen])
			);
		}
		// 8 sets with 24 possible orders: the same order every time would be no shuffle at all
		expect(orders.size).toBeGreaterThan(1);
	});

	it('an old answer page shows the mistake book and next review as they were after that answer', async () => {
		const { db, rootBank, learner } = await setup();
		await makeQuestion(db, rootBank.id);
		const first = await practise(db, learner.user.id, T0, bankSet(rootBank.id), () => ({
			a: ['B']
		}));
		const then = await practiceFeedback(first.ctx, first.id, first.answers[0]!);
		expect(then.mistakes).toMatchObject({ inBook: true, streak: 0 });
		// a day later the learner answers it right: the card moves on
		await practise(db, learner.user.id, hours(24), bankSet(rootBank.id), () => ({ a: ['A'] }));
		const again = await practiceFeedback(
			await ctxFor(db, learner.user.id, hours(25)),
			first.id,
			first.answers[0]!
		);
		expect(again.mistakes).toEqual(then.mistakes);
		expect(again.nextDue).toEqual(then.nextDue);
		expect(again.nextDue!.getTime()).toBeLessThan(hours(1).getTime());
	});

	it('the mistake book pages 20 at a time and each row opens its question with the explanation', async () => {
		const { db, rootBank, learner } = await setup();
		for (let i = 0; i < MISTAKE_PAGE_SIZE + 3; i++)
			await makeQuestion(db, rootBank.id, singleChoice({ stem: `第${i + 1}道错题` }));
		await practise(db, learner.user.id, T0, bankSet(rootBank.id, 30), () => ({ a: ['B'] }));
		const ctx = await ctxFor(db, learner.user.id, hours(4));
		const one = await listMistakes(ctx, 1);
		const two = await listMistakes(ctx, 2);
		expect(one).toMatchObject({ total: MISTAKE_PAGE_SIZE + 3, page: 1 });
		expect(one.items).toHaveLength(MISTAKE_PAGE_SIZE);
		expect(two.items).toHaveLength(3);
		const seen = new Set([...one.items, ...two.items].map((i) => i.questionId));
		expect(seen.size).toBe(MISTAKE_PAGE_SIZE + 3);
		for (const item of two.items) {
			const m = /^\/practice\/s\/(\d+)\/a\/(\d+)$/.exec(item.href ?? '');
			expect(m).not.toBeNull();
			const fb = await practiceFeedback(ctx, Number(m![1]), Number(m![2]));
			expect(fb.outcome).toBe('wrong');
			expect(fb.explanationHtml).toContain('第四十四条');
			expect(fb.question.stemHtml).toContain(item.stem);
		}
	});
});

describe('drawing a set from a large bank', () => {
	it('draws unseen and due questions first, then the others, without reading the whole bank', async () => {
		const { db, rootBank, learner } = await setup();
		const ids: number[] = [];
		for (let i = 0; i < 6; i++)
			ids.push(await makeQuestion(db, rootBank.id, singleChoice({ stem: `第${i}题` })));
		// four answered right: not due again for days
		const first = await practise(db, learner.user.id, T0, bankSet(rootBank.id, 4), () => ({
			a: ['A']
		}));
		const [s1] = await db.select().from(practiceSession).where(eq(practiceSession.id, first.id));
		const known = new Set(s1!.items.map((i) => i.questionId));
		expect(known.size).toBe(4);
		const unseen = ids.filter((id) => !known.has(id));
		const ctx = await ctxFor(db, learner.user.id, hours(1));
		for (let n = 0; n < 5; n++) {
			const two = await startPractice(ctx, bankSet(rootBank.id, 2));
			const [s2] = await db.select().from(practiceSession).where(eq(practiceSession.id, two));
			expect(s2!.items.map((i) => i.questionId).sort()).toEqual(unseen.sort());
		}
		// a bigger set takes the unseen ones first, then the rest
		const all = await startPractice(ctx, bankSet(rootBank.id, 10));
		const [s6] = await db.select().from(practiceSession).where(eq(practiceSession.id, all));
		const drawn = s6!.items.map((i) => i.questionId);
		expect(drawn).toHaveLength(6);
		expect(drawn.slice(0, 2).sort()).toEqual(unseen.sort());
		expect(new Set(drawn).size).toBe(6);
	});
});

describe('the practice answer migration', () => {
	it('links old answers to their set and keeps the state of the latest one', async () => {
		const { client, finish } = await databaseBefore('0016_practice_answer_state');
		const due = T0.getTime() + 600_000;
		await client.executeMultiple(`
			INSERT INTO unit (id, name, kind, path) VALUES (1, '区政府', 'government', '/1/');
			INSERT INTO person (id, unit_id, name, employee_no, rank, appointment_route) VALUES (1, 1, '张三', 'P1', 'staff', 'government');
			INSERT INTO question_bank (id, unit_id, name, created_at, updated_at) VALUES (1, 1, '旧题库', 0, 0);
			INSERT INTO question (id, bank_id, current_version, type, difficulty, stem_text, status, created_at, updated_at)
				VALUES (1, 1, 1, 'truefalse', 1, '旧题', 'ready', 0, 0);
			INSERT INTO practice_answer (id, person_id, question_id, version, mode, response, fraction, outcome, time_ms, answered_at)
				VALUES (7, 1, 1, 1, 'practice', '{}', 0, 'wrong', 1000, 0), (8, 1, 1, 1, 'practice', '{}', 0, 'wrong', 1000, 1);
			INSERT INTO practice_session (id, person_id, mode, source, items, answer_ids, position, shown_at, seed, created_at)
				VALUES (3, 1, 'practice', '{}', '[]', '[7, null]', 1, 0, 's', 0), (4, 1, 'practice', '{}', '[]', '[8]', 1, 0, 's', 0);
			INSERT INTO practice_card (person_id, question_id, card, due, in_mistake_book, mistake_streak)
				VALUES (1, 1, '{}', ${due}, 1, 0);
		`);
		await finish();
		const rows = await client.execute(
			'SELECT id, session_id, after FROM practice_answer ORDER BY id'
		);
		expect(
			rows.rows.map((r) => [r.id, r.session_id, r.after && JSON.parse(String(r.after))])
		).toEqual([
			[7, 3, null],
			[8, 4, { due, inMistakeBook: true, mistakeStreak: 0, clearAfter: 2, cleared: false }]
		]);
	});
});
