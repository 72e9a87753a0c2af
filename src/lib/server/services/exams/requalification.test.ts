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
import { attemptResult } from './view.ts';

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
	const event = async (
		s: Setup,
		certificateId: number,
		kind: 'suspended' | 'reinstated' | 'revoked',
		day: string,
		reason: string
	) =>
		recordCertificateEvent(
			await ctxFor(s.db, s.organiser.user.id, on(day)),
			certificateEventInput.parse({ certificateId, kind, on: day, reason })
		);

	it('after a revocation: a pass within the wait (one year by default) grants nothing, and does not count later', async () => {
		const { s, first } = await qualified();
		await event(s, first.id, 'revoked', '2026-06-01', '违法执法被吊销');
		// the revocation is kept on the certificate too, where "held" and the result page read it
		const [revoked] = await s.db.select().from(certificate).where(eq(certificate.id, first.id));
		expect(revoked).toMatchObject({ revokedOn: '2026-06-01', revokeReason: '违法执法被吊销' });
		// both parts passed again a month later: no new certificate
		await passPart(s, 'special', '2026-07-01');
		await passPart(s, 'general', '2026-07-02');
		expect(await certificates(s)).toHaveLength(1);
		// once the wait is over, the passes within it do not count: the general part is passed again
		await passPart(s, 'special', '2027-06-01');
		expect(await certificates(s)).toHaveLength(1);
		const general = (await passPart(s, 'general', '2027-06-02')).id;
		const all = await certificates(s);
		expect(all).toHaveLength(2);
		expect(all[1]).toMatchObject({ attemptId: general, validFrom: '2027-06-02', revokedOn: null });
	});

	it('after a revocation, with no wait set: both parts passed again give a new certificate, older passes do not count', async () => {
		const { s, first } = await qualified();
		await setting(s.db, 'certificate.revocationWaitYears', 0);
		await event(s, first.id, 'revoked', '2026-06-01', '违法执法被吊销');
		// the special part again: the general pass of March went into the revoked certificate
		await passPart(s, 'special', '2026-07-01');
		expect(await certificates(s)).toHaveLength(1);
		const general = (await passPart(s, 'general', '2026-07-02')).id;
		const all = await certificates(s);
		expect(all).toHaveLength(2);
		expect(all[1]).toMatchObject({ attemptId: general, validFrom: '2026-07-02', revokedOn: null });
	});

	it('after the certificate has expired, passing both parts again gives a new one', async () => {
		const { s } = await qualified();
		await passPart(s, 'general', '2029-04-01');
		await passPart(s, 'special', '2029-04-02');
		const all = await certificates(s);
		expect(all).toHaveLength(2);
		expect(all[1]).toMatchObject({ validFrom: '2029-04-02', validUntil: '2032-04-01' });
	});

	it('while the certificate is suspended, passing again grants nothing, even once it has expired; once lifted, passes count again', async () => {
		const { s, first } = await qualified();
		await event(s, first.id, 'suspended', '2026-05-01', '暂扣');
		await passPart(s, 'general', '2026-06-01');
		await passPart(s, 'special', '2026-06-02');
		expect(await certificates(s)).toHaveLength(1);
		// still suspended after it ran out (2029-03-01): the suspension is not passed away either
		await passPart(s, 'general', '2029-04-01');
		await passPart(s, 'special', '2029-04-02');
		expect(await certificates(s)).toHaveLength(1);
		// lifted: the certificate is in force again, and only passes from then on count
		await event(s, first.id, 'reinstated', '2029-05-01', '整改完毕');
		await passPart(s, 'special', '2029-06-02');
		expect(await certificates(s)).toHaveLength(1);
		await passPart(s, 'general', '2029-06-03');
		const all = await certificates(s);
		expect(all).toHaveLength(2);
		expect(all[1]).toMatchObject({ validFrom: '2029-06-03', revokedOn: null });
	});

	it('a suspension bars a pass of another enforcement exam too (one pass grants a certificate)', async () => {
		const s = await examSetup();
		const pass = async (day: string) => {
			const { sittingId } = await publishedSitting(
				s,
				{ kind: 'enforcement' },
				{ opens: `${day}T09:00`, closes: `${day}T11:00` }
			);
			const ctx = await ctxFor(s.db, s.cadre.user.id, on(day));
			const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
			await answerEvery(ctx, id, true);
			await submitExamAttempt(ctx, { attemptId: id });
			return id;
		};
		await pass('2026-03-02');
		const [first] = await certificates(s);
		await event(s, first!.id, 'suspended', '2026-04-01', '暂扣');
		const later = await pass('2026-05-06');
		expect(await certificates(s)).toHaveLength(1);
		// the result page tells the candidate why their pass brought no certificate
		const result = await attemptResult(
			await ctxFor(s.db, s.cadre.user.id, on('2026-05-06')),
			later
		);
		expect(result.score?.passed).toBe(true);
		expect(result.certificateId).toBeNull();
		expect(result.certificateBar).toContain('2026-04-01');
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
