/**
 * A certificate follows the attempt its sitting counts under the exam's retake policy, as the
 * results, HR and the promotion gate do: the holder, the organiser and /verify see the same.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry, certificate } from '../../db/schema/index.ts';
import { answerEvery, at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { startExamAttempt, submitExamAttempt } from './attempts.ts';
import { verifyCertificate } from './certificates.ts';

/** The cadre passes the sitting, then retakes it and fails; the certificate as /verify shows it. */
async function passThenFail(counts: 'highest' | 'last') {
	const s = await examSetup();
	const { sittingId } = await publishedSitting(s, {
		kind: 'annual',
		maxAttempts: '3',
		counts,
		onlyAfterFail: ''
	});
	const take = async (minutes: number, right: boolean) => {
		const ctx = await candidateCtx(s.db, s.cadre.user.id, minutes);
		const attemptId = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		await answerEvery(await candidateCtx(s.db, s.cadre.user.id, minutes + 5), attemptId, right);
		await submitExamAttempt(ctx, { attemptId });
		return attemptId;
	};
	const pass = await take(0, true);
	const [cert] = await s.db.select().from(certificate).where(eq(certificate.attemptId, pass));
	expect(cert).toBeDefined();
	const fail = await take(20, false);
	const [after] = await s.db.select().from(certificate).where(eq(certificate.id, cert!.id));
	const verified = await verifyCertificate(
		{ db: s.db, now: at(60), address: '10.0.0.9' },
		{ code: cert!.verificationCode }
	);
	const audited = await s.db
		.select()
		.from(auditEntry)
		.where(eq(auditEntry.action, 'certificate.revoked'));
	return { pass, fail, cert: after!, verified, audited };
}

describe('a certificate follows the attempt its sitting counts', () => {
	it('is withdrawn, audited with the reason, when a later fail becomes the attempt that counts', async () => {
		const { fail, cert, verified, audited } = await passThenFail('last');
		expect(cert).toMatchObject({ revokedOn: '2026-03-02', revokeReason: 'superseded' });
		expect(verified).toMatchObject({ kind: 'found', state: 'revoked' });
		expect(audited).toHaveLength(1);
		expect(audited[0]).toMatchObject({ entityType: 'certificate', entityId: String(cert.id) });
		expect(audited[0]!.after).toMatchObject({ reason: 'superseded', countingAttemptId: fail });
	});

	it('stands when the better pass counts', async () => {
		const { cert, verified, audited } = await passThenFail('highest');
		expect(cert.revokedOn).toBeNull();
		expect(verified).toMatchObject({ kind: 'found', state: 'valid' });
		expect(audited).toEqual([]);
	});
});
