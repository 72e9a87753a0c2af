import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/i18n.ts';
import { lapseReviewInput } from '$lib/schemas/hr.ts';
import type { Ctx } from '../../context.ts';
import { auditEntry, lapseReview } from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { answerEvery, at, candidateCtx, correctKeyToB } from '../../testing/exams.ts';
import { hrSetup } from '../../testing/hr.ts';
import { startExamAttempt, submitExamAttempt } from '../exams/attempts.ts';
import { voidExamAttempt } from '../exams/integrity.ts';
import { regradeSitting } from '../exams/release.ts';
import { recordAppointment } from './case-actions.ts';
import { caseView } from './case-view.ts';
import { casesWithLapsedEvidence, listCases } from './cases.ts';
import { reviewLapse } from './lapse-review.ts';

type Message = (params: object, options: { locale: 'zh-CN' | 'en' }) => string;
type Setup = Awaited<ReturnType<typeof hrSetup>>;

/**
 * The cadre passes, is appointed on 2026-03-10, and the key is corrected on 2026-03-11: the pass is
 * regraded to a fail, and the appointment is flagged for HR to review.
 */
async function appointedThenRegraded() {
	const s = await hrSetup();
	const cadre = await candidateCtx(s.db, s.cadre.user.id, 5);
	const attemptId = await startExamAttempt(cadre, { sittingId: s.sittingId, confirm: 'on' });
	await answerEvery(cadre, attemptId, true);
	await submitExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 30), { attemptId });
	await recordAppointment(await s.hrAt('2026-03-10'), {
		caseId: s.caseId,
		appointedOn: '2026-03-10',
		confirmed: 'yes'
	});
	await correctKeyToB(s.db);
	const grader = await makeUser(s.db, s.root.id, [['grader', s.root.id]]);
	await regradeSitting(await ctxFor(s.db, grader.user.id, new Date('2026-03-11T15:00:00+08:00')), {
		sittingId: s.sittingId
	});
	const lapse = (await caseView(await s.hrAt('2026-03-12'), s.caseId)).lapse!;
	expect(lapse).toMatchObject({ change: 'failed', appointed: true, review: null });
	return { s, attemptId, lapse };
}

const flagged = async (s: Setup, date: string) => ({
	listed: (await listCases(await s.hrAt(date), { state: 'all' })).find((c) => c.id === s.caseId)!
		.lapse,
	home: await casesWithLapsedEvidence(await s.hrAt(date))
});

const NOTE = '经复核，维持任命（组织部 2026 年第 3 号）';

describe('HR reviews an appointment whose exam evidence lapsed', () => {
	it('records the conclusion: the list and home page stop flagging it, the case keeps it as history, audited', async () => {
		const { s, attemptId, lapse } = await appointedThenRegraded();
		const hr = await s.hrAt('2026-03-13');
		await reviewLapse(hr, {
			caseId: s.caseId,
			lapsedAt: lapse.at,
			note: NOTE,
			confirmed: 'yes'
		});

		const view = await caseView(await s.hrAt('2026-03-14'), s.caseId);
		expect(view.lapse).toMatchObject({
			attemptId,
			change: 'failed',
			review: { by: hr.user.displayName, at: hr.now.getTime(), note: NOTE }
		});
		expect(await flagged(s, '2026-03-14')).toEqual({ listed: null, home: [] });
		const audited = await s.db
			.select()
			.from(auditEntry)
			.where(
				and(
					eq(auditEntry.action, 'promotion_case.lapse_reviewed'),
					eq(auditEntry.entityId, String(s.caseId))
				)
			);
		expect(audited).toHaveLength(1);
		expect(audited[0]!.after).toMatchObject({ attemptId, change: 'failed', note: NOTE });

		// reviewed once: a second submission (a page opened before) is refused, nothing added
		await expect(
			reviewLapse(hr, { caseId: s.caseId, lapsedAt: lapse.at, note: '再次', confirmed: 'yes' })
		).rejects.toMatchObject({ code: 'err_hr_lapse_reviewed' });
		expect(await s.db.select().from(lapseReview)).toHaveLength(1);
	});

	it('refuses the second of two HR users submitting at once, saying it was reviewed meanwhile', async () => {
		const { s, lapse } = await appointedThenRegraded();
		const other = await makeUser(s.db, s.root.id, [['hr', s.root.id]]);
		const review = async (ctx: Promise<Ctx>, note: string) =>
			reviewLapse(await ctx, { caseId: s.caseId, lapsedAt: lapse.at, note, confirmed: 'yes' });
		const [first, second] = await Promise.allSettled([
			review(s.hrAt('2026-03-13'), NOTE),
			review(ctxFor(s.db, other.user.id, new Date('2026-03-13T10:00:00+08:00')), '维持任命')
		]);
		expect(first.status).toBe('fulfilled');
		// a refusal the page can say in words (both languages), not "nothing to review"
		expect(second).toMatchObject({
			status: 'rejected',
			reason: expect.objectContaining({ code: 'err_hr_lapse_reviewed' })
		});
		const code = (second as PromiseRejectedResult).reason.code as string;
		const say = (m as unknown as Record<string, Message>)[code]!;
		expect(say({}, { locale: 'zh-CN' })).toContain('未保存');
		expect(say({}, { locale: 'en' })).toContain('not saved');
		expect(await s.db.select({ note: lapseReview.note }).from(lapseReview)).toEqual([
			{ note: NOTE }
		]);
	});

	it('flags the case again when the pass changes after the review', async () => {
		const { s, attemptId, lapse } = await appointedThenRegraded();
		await reviewLapse(await s.hrAt('2026-03-13'), {
			caseId: s.caseId,
			lapsedAt: lapse.at,
			note: NOTE,
			confirmed: 'yes'
		});
		// the same pass, now voided for cheating: a new change that the review did not cover
		await voidExamAttempt(await ctxFor(s.db, s.organiser.user.id, at(60 * 24 * 15)), {
			sittingId: s.sittingId,
			attemptId,
			reason: '经查替考'
		});
		const again = (await caseView(await s.hrAt('2026-03-20'), s.caseId)).lapse!;
		expect(again).toMatchObject({ change: 'voided', reason: '经查替考', review: null });
		const { listed, home } = await flagged(s, '2026-03-20');
		expect(listed).toMatchObject({ change: 'voided', appointed: true });
		expect(home).toEqual([expect.objectContaining({ id: s.caseId, appointed: true })]);
		// the page's earlier change is not the one now shown: HR reads the new one first
		await expect(
			reviewLapse(await s.hrAt('2026-03-20'), {
				caseId: s.caseId,
				lapsedAt: lapse.at,
				note: NOTE,
				confirmed: 'yes'
			})
		).rejects.toMatchObject({ code: 'err_hr_lapse_changed' });
		await reviewLapse(await s.hrAt('2026-03-20'), {
			caseId: s.caseId,
			lapsedAt: again.at,
			note: '已报请撤销任命',
			confirmed: 'yes'
		});
		expect(await flagged(s, '2026-03-21')).toEqual({ listed: null, home: [] });
	});

	it('is refused outside the HR user’s units (as not found), to others, and with nothing to review', async () => {
		const { s, lapse } = await appointedThenRegraded();
		const input = { caseId: s.caseId, lapsedAt: lapse.at, note: NOTE, confirmed: 'yes' };
		await expect(
			reviewLapse(await ctxFor(s.db, s.streetHrUser.user.id), input)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(reviewLapse(await ctxFor(s.db, s.cadre.user.id), input)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(
			reviewLapse(await s.hrAt('2026-03-13'), { ...input, caseId: 999_999 })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await s.db.select().from(lapseReview)).toEqual([]);

		// an appointment whose evidence holds has nothing to review
		const fresh = await hrSetup();
		await expect(
			reviewLapse(await fresh.hrAt('2026-03-13'), { ...input, caseId: fresh.caseId })
		).rejects.toBeInstanceOf(ConflictError);
	});

	it('asks for a note of bounded length, and a confirmation, before anything is written', () => {
		const base = { caseId: '3', lapsedAt: '1773212400000', note: NOTE };
		const issues = (v: Record<string, unknown>) =>
			lapseReviewInput.safeParse(v).error?.issues.map((i) => [i.path.join('.'), i.message]);
		expect(issues({ ...base, note: '  ', confirmed: 'yes' })).toEqual([['note', 'err_required']]);
		expect(issues({ ...base, note: '维'.repeat(501), confirmed: 'yes' })).toEqual([
			['note', 'err_too_long']
		]);
		expect(issues(base)).toEqual([['confirmed', 'err_confirm_first']]);
		expect(lapseReviewInput.parse({ ...base, confirmed: 'yes' })).toMatchObject({
			caseId: 3,
			lapsedAt: 1773212400000,
			note: NOTE
		});
	});
});
