import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sittingInput } from '$lib/schemas/exams.ts';
import { certificate } from '../../db/schema/index.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { answerEvery, at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { myRecord, personRecord } from '../hr/record.ts';
import { startExamAttempt, submitExamAttempt } from './attempts.ts';
import { certificatePage } from './certificates.ts';
import { createSitting } from './sittings.ts';
import { myExams } from './view.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

async function sit(s: Setup, sittingId: number, minutes: number, right: boolean) {
	const ctx = await candidateCtx(s.db, s.cadre.user.id, minutes);
	const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
	await answerEvery(ctx, id, right);
	await submitExamAttempt(ctx, { attemptId: id });
	return id;
}

/** A second, longer sitting of the same exam (two attempts, a retake only after a fail). */
function secondSitting(s: Setup, examId: number) {
	return createSitting(
		s.org,
		sittingInput.parse({
			examId,
			name: '第二场',
			opensAt: '2026-03-02T09:00',
			closesAt: '2026-03-02T14:00',
			unitIds: [s.a1.id]
		})
	);
}

describe('a pass or a fail the score review option does not yet show', () => {
	it('keeps the certificate from its holder until then; HR and organisers see it at once', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, { reviewScore: 'after_close' });
		const id = await sit(s, sittingId, 0, true);
		const [cert] = await s.db.select().from(certificate).where(eq(certificate.attemptId, id));
		const hr = await makeUser(s.db, s.root.id, [['hr', s.root.id]]);

		// 09:10, the sitting still open
		const during = await candidateCtx(s.db, s.cadre.user.id, 10);
		expect((await myRecord(during)).exams!.certificates).toEqual([]);
		await expect(certificatePage(during, cert!.id)).rejects.toBeInstanceOf(NotFoundError);
		const seen = await personRecord(await ctxFor(s.db, hr.user.id, at(10)), {
			personId: s.cadre.person.id
		});
		expect(seen.exams!.certificates.map((c) => c.id)).toEqual([cert!.id]);
		expect(
			await certificatePage(await ctxFor(s.db, s.organiser.user.id, at(10)), cert!.id)
		).toMatchObject({ score: 100, band: 'excellent' });

		// 11:01, closed: the holder sees it, with the score and band
		const after = await candidateCtx(s.db, s.cadre.user.id, 121);
		expect((await myRecord(after)).exams!.certificates.map((c) => c.id)).toEqual([cert!.id]);
		expect(await certificatePage(after, cert!.id)).toMatchObject({
			score: 100,
			band: 'excellent'
		});
	});

	it('offers no retake (which would tell a fail) until the candidate may see the score', async () => {
		const s = await examSetup();
		const { examId, sittingId } = await publishedSitting(s, { reviewScore: 'after_close' });
		const later = await secondSitting(s, examId);
		await sit(s, sittingId, 0, false);
		const offered = async (minutes: number) => {
			const mine = await myExams(await candidateCtx(s.db, s.cadre.user.id, minutes));
			return [...mine.open, ...mine.done].find((x) => x.id === later)!.canStart;
		};
		// the first sitting is still open: its score, and so the fail, are not shown yet
		expect(await offered(10)).toBe(false);
		// it has closed: the fail is shown, and the retake offered
		expect(await offered(121)).toBe(true);
	});

	it('refuses a start posted before then with the same words after a pass as after a fail', async () => {
		const outcome = async (right: boolean) => {
			const s = await examSetup();
			const { examId, sittingId } = await publishedSitting(s, { reviewScore: 'after_close' });
			const later = await secondSitting(s, examId);
			await sit(s, sittingId, 0, right);
			return startExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 10), {
				sittingId: later,
				confirm: 'on'
			}).catch((e: unknown) => e);
		};
		const pending = new ConflictError('err_attempt_result_pending');
		expect(await outcome(true)).toEqual(pending);
		expect(await outcome(false)).toEqual(pending);
	});
});
