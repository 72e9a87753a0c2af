import { describe, expect, it } from 'vitest';
import { candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { startExamAttempt, submitExamAttempt } from './attempts.ts';
import { openSittings } from './home.ts';

describe('the home page reminder of open exams', () => {
	it('lists a sitting while it is open to the cadre on its roster, until they have taken it', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const titles = async (userId: number, minutes: number) =>
			(await openSittings(await candidateCtx(s.db, userId, minutes))).map((x) => x.id);

		expect(await titles(s.cadre.user.id, -10)).toEqual([]); // not open yet
		expect(await titles(s.cadre.user.id, 5)).toEqual([sittingId]);
		expect(await titles(s.outsider.user.id, 5)).toEqual([]); // not on the roster
		expect(await titles(s.cadre.user.id, 121)).toEqual([]); // closed

		const cadre = await candidateCtx(s.db, s.cadre.user.id, 5);
		const attemptId = await startExamAttempt(cadre, { sittingId, confirm: 'on' });
		// still there while the attempt is in progress: the card leads back to it
		expect(await titles(s.cadre.user.id, 6)).toEqual([sittingId]);
		await submitExamAttempt(cadre, { attemptId });
		expect(await titles(s.cadre.user.id, 7)).toEqual([]);
	});
});
