import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	practiceAnswer,
	practiceCard,
	policySetting,
	questionBank,
	user
} from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError } from '../../errors.ts';
import { ctxFor, makeQuestion, makeUser, singleChoice } from '../../testing/factories.ts';
import {
	T0,
	asShown,
	bankSet,
	card,
	caseQ,
	essay,
	fill,
	hours,
	practise,
	setup
} from '../../testing/practice.ts';
import { storeQuestion } from '../questions/store.ts';
import { answerPractice, assessPractice } from './answer.ts';
import { practiceFeedback } from './feedback.ts';
import { listMistakes } from './mistakes.ts';
import { practiceOverview, practiceToday } from './overview.ts';
import { practiceSessionView, type SessionView } from './session.ts';
import { startPractice } from './start.ts';

describe('practice scope', () => {
	it('a cadre practises the banks of their unit and above, never a sibling unit’s', async () => {
		const { db, rootBank, aBank, learner, a1 } = await setup();
		await makeQuestion(db, rootBank.id);
		await makeQuestion(db, aBank.id);
		const ctx = await ctxFor(db, learner.user.id, T0);
		const overview = await practiceOverview(ctx);
		expect(overview.banks.map((b) => b.name)).toEqual(['区级题库']);
		expect(overview.laws).toEqual([{ law: '行政处罚法', n: 1 }]);
		await expect(
			startPractice(ctx, { by: 'bank', value: String(aBank.id), count: 10 })
		).rejects.toBeInstanceOf(ForbiddenError);
		// a cadre in section A1 (below A) sees A's bank and the district's
		const deep = await makeUser(db, a1.id);
		const names = (await practiceOverview(await ctxFor(db, deep.user.id, T0))).banks.map(
			(b) => b.name
		);
		expect(names.sort()).toEqual(['区级题库', '司法局题库'].sort());
	});

	it('an account without a person record has nothing to practise', async () => {
		const { db, root } = await setup();
		const nobody = await makeUser(db, root.id);
		await db.update(user).set({ personId: null }).where(eq(user.id, nobody.user.id));
		await expect(practiceOverview(await ctxFor(db, nobody.user.id, T0))).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});

	it('archived banks and questions are not practised', async () => {
		const { db, rootBank, learner } = await setup();
		await makeQuestion(db, rootBank.id);
		await db.update(questionBank).set({ archived: true }).where(eq(questionBank.id, rootBank.id));
		const ctx = await ctxFor(db, learner.user.id, T0);
		expect((await practiceOverview(ctx)).banks).toEqual([]);
		await expect(
			startPractice(ctx, { by: 'law', value: '行政处罚法', count: 10 })
		).rejects.toMatchObject({
			code: 'practice_nothing_to_practise'
		});
	});
});

describe('answering', () => {
	it('sends no answer key to the question page', async () => {
		const { db, rootBank, learner } = await setup();
		await makeQuestion(db, rootBank.id, fill);
		await makeQuestion(db, rootBank.id, caseQ);
		await makeQuestion(db, rootBank.id);
		const seen: string[] = [];
		await practise(
			db,
			learner.user.id,
			T0,
			bankSet(rootBank.id),
			() => ({}),
			{},
			(view) => {
				if (view.state === 'question') seen.push(JSON.stringify(view));
			}
		);
		expect(seen).toHaveLength(3);
		for (const json of seen) {
			for (const key of ['correct', 'answers', 'explanation', 'feedback', '"answer"'])
				expect(json).not.toContain(key);
			for (const secret of ['没收违法所得', '第九条', '第四十四条'])
				expect(json).not.toContain(secret);
		}
		// the options are there, only not which one is right
		expect(seen.join()).toContain('无需告知');
	});

	it('essays are marked by the learner against the reference answer', async () => {
		const { db, rootBank, learner } = await setup();
		await makeQuestion(db, rootBank.id, essay);
		const views: SessionView[] = [];
		const { answers } = await practise(
			db,
			learner.user.id,
			T0,
			bankSet(rootBank.id),
			() => ({ a: ['适用于较大数额罚款等'] }),
			{ a: 'partly' },
			(v) => views.push(v)
		);
		expect(JSON.stringify(views[0])).not.toContain('较大数额罚款、没收');
		expect(views[1]).toMatchObject({
			state: 'assess',
			essays: [{ key: 'a', view: { type: 'essay', given: '适用于较大数额罚款等' } }]
		});
		expect(JSON.stringify(views[1])).toContain('较大数额罚款、没收');
		const [row] = await db.select().from(practiceAnswer);
		expect(row).toMatchObject({
			id: answers[0],
			outcome: 'partly',
			fraction: 0.5,
			response: { type: 'essay', text: '适用于较大数额罚款等' }
		});
	});

	it('an answer cannot be changed once the reference answer is on screen', async () => {
		const { db, rootBank, learner } = await setup();
		await makeQuestion(db, rootBank.id, essay);
		const ctx = await ctxFor(db, learner.user.id, T0);
		const id = await startPractice(ctx, bankSet(rootBank.id));
		const view = await practiceSessionView(ctx, id);
		if (view.state !== 'question') throw new Error('expected a question');
		const answer = (text: string) =>
			answerPractice(ctx, {
				sessionId: id,
				position: view.position,
				questionId: view.questionId,
				version: view.version,
				fields: { a: [text] }
			});
		expect(await answer('第一次的回答')).toEqual({ pending: true });
		// the learner now sees the reference answer and tries to answer again
		expect(await answer('照着参考答案改过的回答')).toEqual({ pending: true });
		await assessPractice(ctx, { sessionId: id, position: view.position, marks: { a: 'right' } });
		const [row] = await db.select().from(practiceAnswer);
		expect(row!.response).toEqual({ type: 'essay', text: '第一次的回答' });
	});

	it('a case is graded part by part', async () => {
		const { db, rootBank, learner } = await setup();
		const qid = await makeQuestion(db, rootBank.id, caseQ);
		const { id, answers, ctx } = await practise(
			db,
			learner.user.id,
			T0,
			bankSet(rootBank.id),
			() => ({
				p0: ['A'],
				p1: ['true']
			})
		);
		const fb = await practiceFeedback(ctx, id, answers[0]!);
		expect(fb).toMatchObject({ outcome: 'partly', fraction: 0.5 });
		expect(fb.bodies.map((b) => b.status)).toEqual(['correct', 'wrong']);
		expect((await card(db, learner.person.id, qid)).inMistakeBook).toBe(true);
	});

	it('records the answer as given, graded against the version shown even after an edit', async () => {
		const { db, rootBank, learner } = await setup();
		const qid = await makeQuestion(db, rootBank.id);
		const ctx = await ctxFor(db, learner.user.id, T0);
		const id = await startPractice(ctx, { by: 'bank', value: String(rootBank.id), count: 10 });
		// the organiser edits the question while the set is open: the right answer is now B
		await db.transaction((tx) =>
			storeQuestion(
				{ db: tx, now: T0, user: null },
				rootBank.id,
				singleChoice({
					options: [
						{ id: 'x', text: '随意', correct: false },
						{ id: 'a', text: '拟作出的行政处罚内容及事实、理由、依据', correct: true }
					]
				}),
				{ questionId: qid }
			)
		);
		const view = await practiceSessionView(ctx, id);
		expect(view).toMatchObject({ state: 'question', questionId: qid, version: 1 });
		await expect(
			answerPractice(ctx, {
				sessionId: id,
				position: 0,
				questionId: qid,
				version: 2,
				fields: { a: ['B'] }
			})
		).rejects.toBeInstanceOf(ConflictError);
		const later = await ctxFor(db, learner.user.id, new Date(T0.getTime() + 25_000));
		const right = await asShown(db, id, 0, { a: ['A'] });
		const result = await answerPractice(later, {
			sessionId: id,
			position: 0,
			questionId: qid,
			version: 1,
			fields: right
		});
		expect(result).toHaveProperty('answerId');
		const [row] = await db.select().from(practiceAnswer);
		expect(row).toMatchObject({
			questionId: qid,
			version: 1,
			response: { type: 'single', choice: right.a![0] },
			fraction: 1,
			outcome: 'right',
			timeMs: 25_000,
			mode: 'practice'
		});
		// a second submit of the same form changes nothing and leads to the same answer
		expect(
			await answerPractice(later, {
				sessionId: id,
				position: 0,
				questionId: qid,
				version: 1,
				fields: { a: ['B'] }
			})
		).toEqual(result);
		expect(await db.select().from(practiceAnswer)).toHaveLength(1);
		const fb = await practiceFeedback(later, id, (result as { answerId: number }).answerId);
		expect(fb.outcome).toBe('right');
		expect(fb.citations).toEqual([
			{
				text: '《行政处罚法》第四十四条',
				href: `/laws/cite/${encodeURIComponent('行政处罚法')}/44`
			}
		]);
		expect(fb.explanationHtml).toContain('第四十四条');
	});

	it('clamps the time taken to ten minutes', async () => {
		const { db, rootBank, learner } = await setup();
		await makeQuestion(db, rootBank.id);
		const ctx = await ctxFor(db, learner.user.id, T0);
		const id = await startPractice(ctx, bankSet(rootBank.id));
		const qid = (await practiceSessionView(ctx, id)) as { questionId: number };
		await answerPractice(await ctxFor(db, learner.user.id, hours(5)), {
			sessionId: id,
			position: 0,
			questionId: qid.questionId,
			version: 1,
			fields: { a: ['A'] }
		});
		const [row] = await db.select().from(practiceAnswer);
		expect(row!.timeMs).toBe(600_000);
	});

	it('schedules the card far ahead after a right answer and soon after a wrong one', async () => {
		const { db, rootBank, learner } = await setup();
		const right = await makeQuestion(db, rootBank.id);
		const wrong = await makeQuestion(db, rootBank.id, singleChoice({ stem: '另一题' }));
		await practise(db, learner.user.id, T0, bankSet(rootBank.id), (q) => ({
			a: [q === right ? 'A' : 'D']
		}));
		const r = await card(db, learner.person.id, right);
		const w = await card(db, learner.person.id, wrong);
		expect(r.due.getTime() - T0.getTime()).toBeGreaterThanOrEqual(24 * 3600_000);
		expect(w.due.getTime() - T0.getTime()).toBeLessThanOrEqual(10 * 60_000);
		expect(w).toMatchObject({ inMistakeBook: true, mistakeStreak: 0 });
		expect(r).toMatchObject({ inMistakeBook: false, mistakeStreak: 0 });
	});
});

describe('mistake book', () => {
	it('keeps a wrong answer until it is answered right twice in a row in later reviews', async () => {
		const { db, rootBank, learner } = await setup();
		const qid = await makeQuestion(db, rootBank.id);
		const set = bankSet(rootBank.id);
		await practise(db, learner.user.id, T0, set, () => ({ a: ['B'] }));
		const ctx = await ctxFor(db, learner.user.id, hours(1));
		expect((await listMistakes(ctx)).items).toEqual([
			expect.objectContaining({ questionId: qid, timesWrong: 1, streak: 0 })
		]);
		expect(await practiceToday(ctx)).toMatchObject({ mistakes: 1 });

		const once = await practise(
			db,
			learner.user.id,
			hours(1),
			{ by: 'mistakes', value: '', count: 10 },
			() => ({ a: ['A'] })
		);
		expect(await card(db, learner.person.id, qid)).toMatchObject({
			inMistakeBook: true,
			mistakeStreak: 1
		});
		const fb = await practiceFeedback(once.ctx, once.id, once.answers[0]!);
		expect(fb.mistakes).toMatchObject({ inBook: true, streak: 1, clearAfter: 2, cleared: false });

		// wrong again: the streak starts over
		await practise(db, learner.user.id, hours(2), set, () => ({ a: ['C'] }));
		expect(await card(db, learner.person.id, qid)).toMatchObject({
			inMistakeBook: true,
			mistakeStreak: 0
		});
		expect((await listMistakes(ctx)).items[0]).toMatchObject({ timesWrong: 2 });

		await practise(db, learner.user.id, hours(3), set, () => ({ a: ['A'] }));
		const last = await practise(db, learner.user.id, hours(30), set, () => ({ a: ['A'] }));
		expect(await card(db, learner.person.id, qid)).toMatchObject({
			inMistakeBook: false,
			mistakeStreak: 0
		});
		expect((await practiceFeedback(last.ctx, last.id, last.answers[0]!)).mistakes?.cleared).toBe(
			true
		);
		expect((await listMistakes(ctx)).items).toEqual([]);
		await expect(
			startPractice(ctx, { by: 'mistakes', value: '', count: 10 })
		).rejects.toMatchObject({ code: 'practice_nothing_to_practise' });
	});

	it('follows the district’s clearing policy', async () => {
		const { db, rootBank, learner } = await setup();
		const qid = await makeQuestion(db, rootBank.id);
		await db
			.insert(policySetting)
			.values({ key: 'practice.mistakeClearStreak', value: 1, updatedAt: T0 });
		await practise(db, learner.user.id, T0, bankSet(rootBank.id), () => ({ a: ['B'] }));
		await practise(db, learner.user.id, hours(1), bankSet(rootBank.id), () => ({ a: ['A'] }));
		expect(await card(db, learner.person.id, qid)).toMatchObject({ inMistakeBook: false });
	});
});

describe('daily review and readiness', () => {
	it('queues the cards due today, then new questions up to the daily goal', async () => {
		const { db, rootBank, learner } = await setup();
		await db.insert(policySetting).values({ key: 'practice.dailyGoal', value: 3, updatedAt: T0 });
		const ids: number[] = [];
		for (let i = 0; i < 6; i++)
			ids.push(await makeQuestion(db, rootBank.id, singleChoice({ stem: `第${i}题` })));
		// yesterday: two questions, one wrong (due again soon) and one right (due in days)
		const yesterday = hours(-24);
		await practise(db, learner.user.id, yesterday, bankSet(rootBank.id, 2), (q) => ({
			a: [q === ids[0] ? 'B' : 'A']
		}));
		const ctx = await ctxFor(db, learner.user.id, T0);
		const today = await practiceToday(ctx);
		expect(today).toMatchObject({ goal: 3, answeredToday: 0 });
		const dueIds = (await db.select().from(practiceCard))
			.filter((c) => c.due <= hours(15))
			.map((c) => c.questionId);
		expect(today.due).toBe(dueIds.length);

		const review = await startPractice(ctx, { by: 'review', value: '', count: 10 });
		const view = await practiceSessionView(ctx, review);
		// every due card, then new questions filling the goal of 3
		expect(view.total).toBe(3);
		const { answers } = await practise(
			db,
			learner.user.id,
			T0,
			{ by: 'review', value: '', count: 10 },
			() => ({ a: ['A'] })
		);
		expect(answers).toHaveLength(3);
		expect((await practiceToday(ctx)).answeredToday).toBe(3);
		expect(
			await db.select().from(practiceAnswer).where(eq(practiceAnswer.mode, 'review'))
		).toHaveLength(3);
	});

	it('estimates readiness per topic: unseen questions and open mistakes count zero', async () => {
		const { db, rootBank, learner } = await setup();
		const known = await makeQuestion(db, rootBank.id);
		await makeQuestion(db, rootBank.id, fill);
		await practise(db, learner.user.id, T0, bankSet(rootBank.id), (q) => ({
			a: q === known ? ['A'] : []
		}));
		await makeQuestion(db, rootBank.id, singleChoice({ stem: '同一知识点的另一题' }));
		// a moment later: half of 行政处罚程序 is recalled; the fill-in went wrong, so 处罚种类 is 0
		const overview = await practiceOverview(await ctxFor(db, learner.user.id, hours(0.01)));
		const byTopic = Object.fromEntries(overview.readiness.map((r) => [r.topic, r]));
		expect(byTopic['行政处罚程序']!.readiness).toBeGreaterThan(0.45);
		expect(byTopic['行政处罚程序']!.readiness).toBeLessThanOrEqual(0.5);
		expect(byTopic['行政处罚程序']).toMatchObject({ cards: 2, unseen: 1, mistakes: 0 });
		expect(byTopic['处罚种类']).toMatchObject({ readiness: 0, cards: 1, unseen: 0, mistakes: 1 });
		expect(overview.readiness[0]!.topic).toBe('处罚种类');
		expect(overview.topics).toEqual([
			{ topic: '处罚种类', n: 1 },
			{ topic: '行政处罚程序', n: 2 }
		]);
	});
});
