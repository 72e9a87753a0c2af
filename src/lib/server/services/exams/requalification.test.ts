import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { certificateEventInput } from '$lib/schemas/certificates.ts';
import type { Db } from '../../db/index.ts';
import { auditEntry, certificate, examAttempt, policySetting } from '../../db/schema/index.ts';
import {
	T0,
	answerEvery,
	correctKeyToB,
	examSetup,
	publishedSitting
} from '../../testing/exams.ts';
import { ctxFor } from '../../testing/factories.ts';
import { startExamAttempt, submitExamAttempt } from './attempts.ts';
import { recordCertificateEvent } from './certificate-events.ts';
import { voidExamAttempt } from './integrity.ts';
import { regradeSitting } from './release.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

/** 09:30 Beijing time on the day. */
const on = (day: string) => new Date(`${day}T09:30:00+08:00`);

const setting = (db: Db, key: string, value: unknown) =>
	db.insert(policySetting).values({ key, value, updatedAt: T0 });

/** The cadre passes a new enforcement exam of the part, in a sitting on the day; the attempt. */
async function passPart(s: Setup, part: 'general' | 'special', day: string) {
	const { sittingId } = await publishedSitting(
		s,
		{ kind: 'enforcement', certificatePart: part },
		{ opens: `${day}T09:00`, closes: `${day}T11:00` }
	);
	const ctx = await ctxFor(s.db, s.cadre.user.id, on(day));
	const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
	await answerEvery(ctx, id, true);
	await submitExamAttempt(ctx, { attemptId: id });
	return { id, sittingId };
}

const certificates = (s: Setup) => s.db.select().from(certificate).orderBy(certificate.id);

/** General and special passed on 2 March 2026: the first certificate. */
async function qualified() {
	const s = await examSetup();
	await setting(s.db, 'certificate.requiredParts', ['general', 'special']);
	const general = await passPart(s, 'general', '2026-03-02');
	const special = await passPart(s, 'special', '2026-03-02');
	const [first] = await certificates(s);
	expect(first).toMatchObject({
		attemptId: special.id,
		validFrom: '2026-03-02',
		validUntil: '2029-03-01'
	});
	return { s, first: first!, general };
}

describe('requalifying for enforcement (执法资格)', () => {
	it('after a revocation: both parts passed again give a new certificate, older passes do not count', async () => {
		const { s, first } = await qualified();
		await recordCertificateEvent(
			await ctxFor(s.db, s.organiser.user.id, on('2026-06-01')),
			certificateEventInput.parse({
				certificateId: first.id,
				kind: 'revoked',
				on: '2026-06-01',
				reason: '违法执法被吊销'
			})
		);
		// the revocation is kept on the certificate too, where "held" and the result page read it
		const [revoked] = await s.db.select().from(certificate).where(eq(certificate.id, first.id));
		expect(revoked).toMatchObject({ revokedOn: '2026-06-01', revokeReason: '违法执法被吊销' });
		// the special part again: the general pass of March went into the revoked certificate
		await passPart(s, 'special', '2026-07-01');
		expect(await certificates(s)).toHaveLength(1);
		const general = (await passPart(s, 'general', '2026-07-02')).id;
		const all = await certificates(s);
		expect(all).toHaveLength(2);
		expect(all[1]).toMatchObject({ attemptId: general, validFrom: '2026-07-02', revokedOn: null });
	});

	it('after the certificate has expired, or while it is suspended, passing both parts again gives a new one', async () => {
		const { s, first } = await qualified();
		await passPart(s, 'general', '2029-04-01');
		await passPart(s, 'special', '2029-04-02');
		const all = await certificates(s);
		expect(all).toHaveLength(2);
		expect(all[1]).toMatchObject({ validFrom: '2029-04-02', validUntil: '2032-04-01' });

		// suspended is not in force either
		const [second] = all.slice(1);
		await recordCertificateEvent(
			await ctxFor(s.db, s.organiser.user.id, on('2029-05-01')),
			certificateEventInput.parse({
				certificateId: second!.id,
				kind: 'suspended',
				on: '2029-05-01',
				reason: '暂扣'
			})
		);
		await passPart(s, 'general', '2029-06-01');
		await passPart(s, 'special', '2029-06-02');
		expect(await certificates(s)).toHaveLength(3);
		expect(first.id).toBeLessThan(second!.id);
	});

	it('no second certificate while one is in force', async () => {
		const { s } = await qualified();
		await passPart(s, 'general', '2027-03-02');
		await passPart(s, 'special', '2027-03-02');
		expect(await certificates(s)).toHaveLength(1);
	});
});

describe('a certificate of two parts', () => {
	const revocations = (s: Setup) =>
		s.db.select().from(auditEntry).where(eq(auditEntry.action, 'certificate.revoked'));

	it('is revoked (audited, with the reason) when the other part’s attempt is voided', async () => {
		const { s, first, general } = await qualified();
		await voidExamAttempt(await ctxFor(s.db, s.organiser.user.id, on('2026-03-10')), {
			sittingId: general.sittingId,
			attemptId: general.id,
			reason: '通用部分考试替考'
		});
		const [after] = await s.db.select().from(certificate).where(eq(certificate.id, first.id));
		expect(after).toMatchObject({ revokedOn: '2026-03-10', revokeReason: '通用部分考试替考' });
		expect(await revocations(s)).toEqual([
			expect.objectContaining({
				entityType: 'certificate',
				entityId: String(first.id),
				after: expect.objectContaining({
					certificate: first.verificationCode,
					reason: '通用部分考试替考',
					attemptId: general.id
				})
			})
		]);
	});

	it('is revoked when the other part is regraded to a fail, and stands while the set is whole', async () => {
		const { s, first, general } = await qualified();
		const organiser = await ctxFor(s.db, s.organiser.user.id, on('2026-03-10'));
		// nothing changes: the set is still passed
		expect(await regradeSitting(organiser, { sittingId: general.sittingId })).toBe(0);
		// the key was wrong: option b is right in every question, and the general part fails
		await correctKeyToB(s.db);
		expect(await regradeSitting(organiser, { sittingId: general.sittingId })).toBe(1);
		const [regraded] = await s.db.select().from(examAttempt).where(eq(examAttempt.id, general.id));
		expect(regraded!.score).toBeLessThan(60);
		const [after] = await s.db.select().from(certificate).where(eq(certificate.id, first.id));
		expect(after!.revokedOn).toBe('2026-03-10');
		expect(await revocations(s)).toHaveLength(1);
	});
});
