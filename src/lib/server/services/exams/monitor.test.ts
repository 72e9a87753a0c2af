import { describe, expect, it } from 'vitest';
import { type MonitorQuery, monitorQuery } from '$lib/schemas/exam-monitor.ts';
import { answerEvery, at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { ctxFor, makePerson, makeUnit, makeUser } from '../../testing/factories.ts';
import { startExamAttempt, submitExamAttempt } from './attempts.ts';
import { recordFocusLoss, voidExamAttempt } from './integrity.ts';
import { sittingMonitor } from './monitor.ts';
import { MONITOR_PAGE_SIZE } from './monitor-roster.ts';

/**
 * A sitting of 130 people: 120 not started in 法治督察科 (names 考生001 …), 6 more in its
 * 二科 below it, and four with accounts who started — one still writing and has left the page,
 * one submitted, one voided, one submitted who left the page too.
 */
async function bigSitting() {
	const s = await examSetup();
	const { sittingId } = await publishedSitting(s);
	for (let i = 1; i <= 120; i++)
		await makePerson(s.db, s.a1.id, { name: `考生${String(i).padStart(3, '0')}` });
	const second = await makeUnit(s.db, { name: '二科', parentId: s.a1.id });
	for (let i = 1; i <= 6; i++) await makePerson(s.db, second.id, { name: `二科考生${i}` });
	const start = async (userId: number) => {
		const ctx = await candidateCtx(s.db, userId, 5);
		return { ctx, id: await startExamAttempt(ctx, { sittingId, confirm: 'on' }) };
	};
	const writing = await start(s.cadre.user.id);
	await recordFocusLoss(writing.ctx, { attemptId: writing.id, kind: 'hidden' });
	const done = await start((await makeUser(s.db, s.a1.id)).user.id);
	await answerEvery(done.ctx, done.id, true);
	await submitExamAttempt(done.ctx, { attemptId: done.id });
	const voided = await start((await makeUser(s.db, s.a1.id)).user.id);
	await voidExamAttempt(await ctxFor(s.db, s.organiser.user.id, at(10)), {
		sittingId,
		attemptId: voided.id,
		reason: '使用手机'
	});
	const wandered = await start((await makeUser(s.db, s.a1.id)).user.id);
	await recordFocusLoss(wandered.ctx, { attemptId: wandered.id, kind: 'blur' });
	await submitExamAttempt(wandered.ctx, { attemptId: wandered.id });
	const watch = (q: Partial<Record<keyof MonitorQuery, string>>) =>
		ctxFor(s.db, s.organiser.user.id, at(30)).then((ctx) =>
			sittingMonitor(ctx, sittingId, monitorQuery.parse(q))
		);
	return { s, sittingId, writing, done, voided, wandered, watch };
}

describe('the live monitor of a large sitting', () => {
	it('counts the whole roster by state and lists one page of 50 at a time, in unit order', async () => {
		const { watch } = await bigSitting();
		const first = await watch({});
		expect(first.counts).toEqual({
			not_started: 126,
			in_progress: 1,
			submitted: 2,
			voided: 1,
			flagged: 2
		});
		expect(first.roster).toBe(130);
		expect(first.matching).toBe(130);
		expect(first.rows).toHaveLength(MONITOR_PAGE_SIZE);
		expect(first.query.page).toBe(1);

		const last = await watch({ page: '3' });
		expect(last.rows).toHaveLength(30);
		// the unit's own people first (by name), then those of 二科 below it
		expect(last.rows.slice(-6).map((r) => r.name)).toEqual(
			[1, 2, 3, 4, 5, 6].map((i) => `二科考生${i}`)
		);
		const everyone = [...first.rows, ...(await watch({ page: '2' })).rows, ...last.rows];
		expect(new Set(everyone.map((r) => r.id)).size).toBe(130);

		// an address past the last page shows the last; an unreadable one, the first
		expect((await watch({ page: '9' })).query.page).toBe(3);
		expect((await watch({ page: 'x', show: 'nonsense' })).query).toEqual({
			show: 'all',
			q: '',
			page: 1
		});
	});

	it('filters by state, by leaving the exam page, and by name, employee number or unit', async () => {
		const { s, writing, done, voided, wandered, watch } = await bigSitting();
		const running = await watch({ show: 'in_progress' });
		expect(running.matching).toBe(1);
		expect(running.rows[0]).toMatchObject({
			id: s.cadre.person.id,
			status: 'in_progress',
			// started at 09:05, due at 11:00 when the window closes (not 120 minutes on); now 09:30
			attempt: { id: writing.id, focusLosses: 1, msLeft: 90 * 60_000 }
		});
		const ids = async (show: string) => (await watch({ show })).rows.map((r) => r.attempt?.id);
		expect((await ids('submitted')).sort()).toEqual([done.id, wandered.id].sort());
		expect(await ids('voided')).toEqual([voided.id]);
		expect((await ids('flagged')).sort()).toEqual([writing.id, wandered.id].sort());
		const waiting = await watch({ show: 'not_started' });
		expect(waiting.matching).toBe(126);
		expect(waiting.rows.every((r) => r.attempt === null)).toBe(true);

		expect((await watch({ q: '考生007' })).rows.map((r) => r.name)).toEqual(['考生007']);
		expect((await watch({ q: '二科' })).matching).toBe(6);
		expect((await watch({ q: s.cadre.person.employeeNo.toLowerCase() })).rows[0]?.id).toBe(
			s.cadre.person.id
		);
		// both at once; and a word that matches nobody
		expect((await watch({ q: '二科', show: 'in_progress' })).matching).toBe(0);
		expect((await watch({ q: '100%' })).rows).toEqual([]);
	});
});
