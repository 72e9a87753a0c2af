/**
 * A certificate the app withdrew by itself comes back when what withdrew it is undone: a failed
 * retake that outranked the pass is voided, a pass regraded to a fail is regraded back. The same
 * certificate, so the code printed on the holder's paper checks out at /verify again. And a pass
 * that no longer counts makes up no part of a two-part enforcement certificate.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { certificateEventInput } from '$lib/schemas/certificates.ts';
import { sittingInput } from '$lib/schemas/exams.ts';
import type { Db } from '../../db/index.ts';
import { auditEntry, certificate, policySetting } from '../../db/schema/index.ts';
import {
	T0,
	answerEvery,
	at,
	correctKeyTo,
	examSetup,
	publishedSitting,
	takeChoosing
} from '../../testing/exams.ts';
import { ctxFor } from '../../testing/factories.ts';
import { myRecord } from '../hr/record.ts';
import { startExamAttempt, submitExamAttempt } from './attempts.ts';
import { certificatePage, verifyCertificate } from './certificates.ts';
import { recordCertificateEvent } from './certificate-events.ts';
import { voidExamAttempt } from './integrity.ts';
import { regradeSitting } from './release.ts';
import { createSitting } from './sittings.ts';
import { attemptResult } from './view.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

/** A sitting that may be retaken after a pass, under `counts`; `overrides` the exam's other fields. */
async function retakable(s: Setup, counts: 'last' | 'highest', overrides = {}) {
	const { examId, sittingId } = await publishedSitting(s, {
		kind: 'annual',
		maxAttempts: '3',
		counts,
		onlyAfterFail: '',
		...overrides
	});
	/** The cadre takes it at `minutes` past T0, choosing option `a` (right) or `b` (wrong) throughout. */
	const take = (minutes: number, option: 'a' | 'b') =>
		takeChoosing(s, sittingId, at(minutes), option);
	return { examId, sittingId, take };
}

const certOf = async (db: Db, attemptId: number) =>
	(await db.select().from(certificate).where(eq(certificate.attemptId, attemptId)))[0];

const audited = (db: Db, action: string) =>
	db.select().from(auditEntry).where(eq(auditEntry.action, action));

const verify = (db: Db, code: string) =>
	verifyCertificate({ db, now: at(24 * 60), address: '10.0.0.9' }, { code });

describe('a certificate withdrawn as superseded', () => {
	it('comes back, the same one, when the failed retake that outranked its pass is voided', async () => {
		const s = await examSetup();
		const { sittingId, take } = await retakable(s, 'last');
		const pass = await take(0, 'a');
		const issued = (await certOf(s.db, pass))!;
		const fail = await take(20, 'b');
		expect(await certOf(s.db, pass)).toMatchObject({ revokeReason: 'superseded' });

		const organiser = await ctxFor(s.db, s.organiser.user.id, at(60));
		await voidExamAttempt(organiser, {
			sittingId,
			attemptId: fail,
			reason: '补考时使用手机查阅资料'
		});

		// the pass counts again and its paper checks out: same code, valid as issued, never revoked
		expect(await certOf(s.db, pass)).toMatchObject({
			id: issued.id,
			verificationCode: issued.verificationCode,
			validFrom: issued.validFrom,
			validUntil: issued.validUntil,
			revokedOn: null,
			revokeReason: null
		});
		expect(await s.db.select().from(certificate)).toHaveLength(1);
		expect(await verify(s.db, issued.verificationCode)).toMatchObject({ state: 'valid' });
		const cadre = await ctxFor(s.db, s.cadre.user.id, at(24 * 60));
		expect((await attemptResult(cadre, pass)).certificateId).toBe(issued.id);
		// audited, written with the void (the void's own entry comes last)
		const restored = await audited(s.db, 'certificate.restored');
		expect(restored).toEqual([
			expect.objectContaining({
				entityType: 'certificate',
				entityId: String(issued.id),
				before: { revokedOn: '2026-03-02', reason: 'superseded' },
				after: expect.objectContaining({ certificate: issued.verificationCode, attemptId: pass })
			})
		]);
		const [voided] = await audited(s.db, 'exam.attempt.voided');
		expect(voided!.seq).toBe(restored[0]!.seq + 1);
	});

	it('is not given back when the voided attempt was the pass: the other pass, counted now, gets one', async () => {
		const s = await examSetup();
		const { sittingId, take } = await retakable(s, 'last');
		const first = await take(0, 'a');
		const issued = (await certOf(s.db, first))!;
		// a second pass counts (the last does) but brings no second certificate: one is in force
		const second = await take(20, 'a');
		expect(await certOf(s.db, second)).toBeUndefined();

		const organiser = await ctxFor(s.db, s.organiser.user.id, at(60));
		await voidExamAttempt(organiser, { sittingId, attemptId: first, reason: '替考' });

		expect(await certOf(s.db, first)).toMatchObject({ id: issued.id, revokeReason: '替考' });
		const granted = await certOf(s.db, second);
		expect(granted).toMatchObject({ revokedOn: null, validFrom: '2026-03-02' });
		expect(await verify(s.db, granted!.verificationCode)).toMatchObject({ state: 'valid' });
	});

	it('stays withdrawn, as replaced, when a pass of another sitting has given one in force since', async () => {
		const s = await examSetup();
		const { examId, sittingId, take } = await retakable(s, 'last');
		const pass = await take(0, 'a');
		const fail = await take(20, 'b');
		const first = (await certOf(s.db, pass))!;
		expect(first.revokeReason).toBe('superseded');
		// the next day, the exam's second sitting: passed, so a certificate is in force again
		const nextDay = await createSitting(
			s.org,
			sittingInput.parse({
				examId,
				name: '第二场',
				opensAt: '2026-03-03T09:00',
				closesAt: '2026-03-03T11:00',
				unitIds: [s.a1.id]
			})
		);
		const second = (await certOf(s.db, await takeChoosing(s, nextDay, at(24 * 60 + 10), 'a')))!;
		expect(second.revokedOn).toBeNull();

		// the failed retake of the first sitting is voided: its pass counts again, but giving its
		// certificate back would make two in force for one exam
		const organiser = await ctxFor(s.db, s.organiser.user.id, at(24 * 60 + 60));
		await voidExamAttempt(organiser, { sittingId, attemptId: fail, reason: '补考替考' });
		expect(await certOf(s.db, pass)).toMatchObject({
			id: first.id,
			revokedOn: '2026-03-02',
			revokeReason: 'replaced'
		});
		expect(await certOf(s.db, second.attemptId)).toMatchObject({ revokedOn: null });
		expect(await verify(s.db, second.verificationCode)).toMatchObject({ state: 'valid' });
		expect(await verify(s.db, first.verificationCode)).toMatchObject({ state: 'revoked' });
		const cadre = await ctxFor(s.db, s.cadre.user.id, at(24 * 60 + 60));
		expect((await certificatePage(cadre, first.id)).status).toMatchObject({
			state: 'revoked',
			reason: 'replaced'
		});
		// audited: why it stays withdrawn, and which certificate stands instead
		expect(await audited(s.db, 'certificate.restored')).toEqual([]);
		const revoked = (await audited(s.db, 'certificate.revoked')).filter(
			(e) => e.entityId === String(first.id)
		);
		expect(revoked.map((e) => e.after)).toEqual([
			expect.objectContaining({ reason: 'superseded' }),
			expect.objectContaining({
				reason: 'replaced',
				certificate: first.verificationCode,
				replacedBy: second.verificationCode
			})
		]);
		expect(revoked[1]!.before).toEqual({ reason: 'superseded' });
	});

	it('stays withdrawn while its holder is under a sanction: giving it back must not lift one', async () => {
		const s = await examSetup();
		const { sittingId, take } = await retakable(s, 'last', { kind: 'enforcement' });
		const pass = await take(0, 'a');
		const fail = await take(20, 'b');
		// another enforcement exam passed since: its certificate, then suspended
		const other = await retakable(s, 'last', { kind: 'enforcement' });
		const later = (await certOf(s.db, await other.take(40, 'a')))!;
		const organiser = await ctxFor(s.db, s.organiser.user.id, at(60));
		await recordCertificateEvent(
			organiser,
			certificateEventInput.parse({
				certificateId: later.id,
				kind: 'suspended',
				on: '2026-03-02',
				reason: '执法过错，暂扣六个月'
			})
		);
		await voidExamAttempt(organiser, { sittingId, attemptId: fail, reason: '补考替考' });
		expect(await certOf(s.db, pass)).toMatchObject({ revokeReason: 'superseded' });
		expect(await audited(s.db, 'certificate.restored')).toEqual([]);
	});

	it('shows why to its holder, organisers and HR, and not at /verify', async () => {
		const s = await examSetup();
		const { take } = await retakable(s, 'last');
		const pass = await take(0, 'a');
		await take(20, 'b');
		const { id, verificationCode } = (await certOf(s.db, pass))!;
		const cadre = await ctxFor(s.db, s.cadre.user.id, at(60));
		const organiser = await ctxFor(s.db, s.organiser.user.id, at(60));
		for (const ctx of [cadre, organiser])
			expect((await certificatePage(ctx, id)).status).toMatchObject({
				state: 'revoked',
				reason: 'superseded'
			});
		expect((await myRecord(cadre)).exams!.certificates).toEqual([
			expect.objectContaining({ id, state: 'revoked', reason: 'superseded' })
		]);
		const verified = await verify(s.db, verificationCode);
		expect(verified).toMatchObject({ kind: 'found', state: 'revoked' });
		expect(JSON.stringify(verified)).not.toContain('superseded');
	});
});

describe('a regrade', () => {
	it('gives a pass regraded to a fail and back its own certificate again', async () => {
		const s = await examSetup();
		const { sittingId, take } = await retakable(s, 'last');
		const pass = await take(0, 'a');
		const issued = (await certOf(s.db, pass))!;
		const organiser = await ctxFor(s.db, s.organiser.user.id, at(60));
		await correctKeyTo(s.db, 'b');
		expect(await regradeSitting(organiser, { sittingId })).toBe(1);
		expect(await certOf(s.db, pass)).toMatchObject({ revokeReason: 'regraded' });
		// the correction was itself the mistake
		await correctKeyTo(s.db, 'a');
		expect(await regradeSitting(organiser, { sittingId })).toBe(1);
		expect(await s.db.select().from(certificate)).toEqual([
			expect.objectContaining({ id: issued.id, revokedOn: null, revokeReason: null })
		]);
		expect(await verify(s.db, issued.verificationCode)).toMatchObject({ state: 'valid' });
	});

	it('of a retake to a pass gives it its own certificate; back to a fail, neither stands', async () => {
		const s = await examSetup();
		const { sittingId, take } = await retakable(s, 'last');
		const first = await take(0, 'a');
		const retake = await take(20, 'b');
		const organiser = await ctxFor(s.db, s.organiser.user.id, at(60));
		const standing = async () =>
			(await s.db.select().from(certificate))
				.filter((c) => c.revokedOn === null)
				.map((c) => c.attemptId);

		// b right: the retake passes and counts, the first attempt fails
		await correctKeyTo(s.db, 'b');
		expect(await regradeSitting(organiser, { sittingId })).toBe(2);
		expect(await standing()).toEqual([retake]);
		// a right again: the retake, which the sitting counts, fails — so does the qualification
		await correctKeyTo(s.db, 'a');
		expect(await regradeSitting(organiser, { sittingId })).toBe(2);
		expect(await standing()).toEqual([]);
		expect(await certOf(s.db, first)).toMatchObject({ revokeReason: 'superseded' });
		expect(await certOf(s.db, retake)).toMatchObject({ revokeReason: 'regraded' });
	});
});

describe('a certificate of two parts (通用 and 专门)', () => {
	/** General and special required; a general sitting open to retakes after a pass. */
	async function parts() {
		const s = await examSetup();
		await s.db
			.insert(policySetting)
			.values({ key: 'certificate.requiredParts', value: ['general', 'special'], updatedAt: T0 });
		const general = await retakable(s, 'last', { kind: 'enforcement', certificatePart: 'general' });
		const passSpecial = async (minutes: number) => {
			const { sittingId } = await publishedSitting(s, {
				kind: 'enforcement',
				certificatePart: 'special'
			});
			const ctx = await ctxFor(s.db, s.cadre.user.id, at(minutes));
			const attemptId = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
			await answerEvery(ctx, attemptId, true);
			await submitExamAttempt(ctx, { attemptId });
			return attemptId;
		};
		return { s, general, passSpecial };
	}

	it('is not granted on a general pass that a later failed attempt of its sitting outranks', async () => {
		const { s, general, passSpecial } = await parts();
		await general.take(0, 'a');
		await general.take(20, 'b');
		await passSpecial(40);
		expect(await s.db.select().from(certificate)).toEqual([]);
	});

	it('falls when a failed general retake outranks its pass, and comes back when that is voided', async () => {
		const { s, general, passSpecial } = await parts();
		await general.take(0, 'a');
		const special = await passSpecial(20);
		const issued = (await certOf(s.db, special))!;
		expect(issued.revokedOn).toBeNull();
		const retake = await general.take(40, 'b');
		expect(await certOf(s.db, special)).toMatchObject({
			revokedOn: '2026-03-02',
			revokeReason: 'superseded'
		});
		const [revoked] = await s.db
			.select()
			.from(auditEntry)
			.where(
				and(
					eq(auditEntry.action, 'certificate.revoked'),
					eq(auditEntry.entityId, String(issued.id))
				)
			);
		expect(revoked!.after).toMatchObject({ reason: 'superseded', attemptId: retake });

		const organiser = await ctxFor(s.db, s.organiser.user.id, at(60));
		await voidExamAttempt(organiser, {
			sittingId: general.sittingId,
			attemptId: retake,
			reason: '补考替考'
		});
		expect(await certOf(s.db, special)).toMatchObject({
			verificationCode: issued.verificationCode,
			revokedOn: null
		});
		expect(await s.db.select().from(certificate)).toHaveLength(1);
	});
});
