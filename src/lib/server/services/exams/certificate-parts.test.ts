/**
 * A certificate of two parts (通用 and 专门) over a person's story: it stands while its set of
 * parts does, falls (audited, with the reason) when one part no longer passes, and is had again once
 * the set is passed again — and a change to one part's sitting leaves alone the certificates that
 * drew nothing from it.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { auditEntry, certificate, policySetting } from '../../db/schema/index.ts';
import {
	T0,
	correctKeyTo,
	examSetup,
	publishedSitting,
	takeChoosing
} from '../../testing/exams.ts';
import { ctxFor } from '../../testing/factories.ts';
import { certificatePage, verifyCertificate } from './certificates.ts';
import { voidExamAttempt } from './integrity.ts';
import { regradeSitting } from './release.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

/** `minutes` past 09:30 Beijing time on the day. */
const on = (day: string, minutes = 0) =>
	new Date(new Date(`${day}T09:30:00+08:00`).getTime() + minutes * 60_000);

const requireParts = (db: Db) =>
	db
		.insert(policySetting)
		.values({ key: 'certificate.requiredParts', value: ['general', 'special'], updatedAt: T0 });

/**
 * An enforcement sitting of the part on the day (09:00–11:00), two attempts, the last counting, a
 * retake only after a fail (`overrides`: the exam's other fields); `take` sits it `minutes` past
 * 09:30 choosing option `a` or `b` throughout.
 */
async function partSitting(
	s: Setup,
	part: 'general' | 'special',
	day: string,
	overrides: Record<string, unknown> = {}
) {
	const { sittingId } = await publishedSitting(
		s,
		{ kind: 'enforcement', certificatePart: part, ...overrides },
		{ opens: `${day}T09:00`, closes: `${day}T11:00` }
	);
	const take = (minutes: number, option: 'a' | 'b') =>
		takeChoosing(s, sittingId, on(day, minutes), option);
	return { sittingId, take };
}

const certOf = async (db: Db, attemptId: number) =>
	(await db.select().from(certificate).where(eq(certificate.attemptId, attemptId)))[0];

const revocationsOf = (db: Db, certificateId: number) =>
	db
		.select()
		.from(auditEntry)
		.where(
			and(
				eq(auditEntry.action, 'certificate.revoked'),
				eq(auditEntry.entityId, String(certificateId))
			)
		);

describe('a two-part certificate over its holder’s story', () => {
	/** Both parts passed on 2 June 2026: the certificate, granted on the special part's pass. */
	async function qualified() {
		const s = await examSetup();
		await requireParts(s.db);
		const general = await partSitting(s, 'general', '2026-06-02');
		const special = await partSitting(s, 'special', '2026-06-02');
		const generalPass = await general.take(0, 'a');
		const first = (await certOf(s.db, await special.take(10, 'a')))!;
		expect(first).toMatchObject({ validFrom: '2026-06-02', revokedOn: null });
		const organiser = await ctxFor(s.db, s.organiser.user.id, on('2026-06-02', 30));
		return { s, general, generalPass, first, organiser };
	}

	/** The key was wrong (b is right): the general part's pass is regraded to a fail. */
	async function generalRegradedToFail(q: Awaited<ReturnType<typeof qualified>>) {
		await correctKeyTo(q.s.db, 'b');
		expect(await regradeSitting(q.organiser, { sittingId: q.general.sittingId })).toBe(1);
		expect(await certOf(q.s.db, q.first.attemptId)).toMatchObject({
			revokedOn: '2026-06-02',
			revokeReason: 'regraded'
		});
		expect(await revocationsOf(q.s.db, q.first.id)).toEqual([
			expect.objectContaining({
				after: expect.objectContaining({ reason: 'regraded', attemptId: q.generalPass })
			})
		]);
	}

	it('is in force again once the general part, regraded to a fail, is passed at a retake', async () => {
		const q = await qualified();
		const { s, general } = q;
		await generalRegradedToFail(q);

		// the retake of the general part passes (b is right now): with the special pass, which
		// still counts, the set is whole again and a certificate stands
		const retake = await general.take(40, 'b');
		const again = (await certOf(s.db, retake))!;
		expect(again).toMatchObject({ validFrom: '2026-06-02', revokedOn: null });
		const verified = await verifyCertificate(
			{ db: s.db, now: on('2026-06-03'), address: '10.0.0.9' },
			{ code: again.verificationCode }
		);
		expect(verified).toMatchObject({ kind: 'found', state: 'valid' });
		const cadre = await ctxFor(s.db, s.cadre.user.id, on('2026-06-03'));
		expect((await certificatePage(cadre, again.id)).status).toMatchObject({ state: 'valid' });
		// the withdrawn one stays withdrawn, with its reason: one certificate in force
		expect(await certOf(s.db, q.first.attemptId)).toMatchObject({ revokeReason: 'regraded' });
		expect(
			(await s.db.select().from(certificate)).filter((c) => c.revokedOn === null)
		).toHaveLength(1);
	});

	it('comes back, the same one, when the regrade is undone', async () => {
		const q = await qualified();
		await generalRegradedToFail(q);
		await correctKeyTo(q.s.db, 'a');
		expect(await regradeSitting(q.organiser, { sittingId: q.general.sittingId })).toBe(1);
		expect(await q.s.db.select().from(certificate)).toEqual([
			expect.objectContaining({
				id: q.first.id,
				verificationCode: q.first.verificationCode,
				revokedOn: null,
				revokeReason: null
			})
		]);
	});
});

describe('a two-part certificate withdrawn and then qualified for again', () => {
	it('stays withdrawn, as replaced, when what withdrew it is undone: one in force at a time', async () => {
		const s = await examSetup();
		await requireParts(s.db);
		// both parts passed; a general retake (allowed after a pass here) fails and counts
		const general = await partSitting(s, 'general', '2026-06-02', { onlyAfterFail: '' });
		const special = await partSitting(s, 'special', '2026-06-02');
		await general.take(0, 'a');
		const first = (await certOf(s.db, await special.take(10, 'a')))!;
		const retake = await general.take(20, 'b');
		expect(await certOf(s.db, first.attemptId)).toMatchObject({ revokeReason: 'superseded' });
		// the next day another general exam is passed: with the special pass, the set is whole
		const again = await partSitting(s, 'general', '2026-06-03');
		const second = (await certOf(s.db, await again.take(0, 'a')))!;
		expect(second.revokedOn).toBeNull();

		// the failed retake is voided: the first certificate's set is whole again, but the
		// qualification is one, and the certificate in force is the second
		const organiser = await ctxFor(s.db, s.organiser.user.id, on('2026-06-03', 60));
		await voidExamAttempt(organiser, {
			sittingId: general.sittingId,
			attemptId: retake,
			reason: '补考替考'
		});
		expect(await certOf(s.db, first.attemptId)).toMatchObject({ revokeReason: 'replaced' });
		expect(await certOf(s.db, second.attemptId)).toMatchObject({ revokedOn: null });
		const [replaced] = (await revocationsOf(s.db, first.id)).slice(-1);
		expect(replaced!.after).toMatchObject({
			reason: 'replaced',
			replacedBy: second.verificationCode
		});

		// then the key is found wrong (b is right): the first general pass is regraded to a fail.
		// The second certificate stands on its own general pass and the special pass it was granted
		// on; the replaced one lending it nothing, it must not be withdrawn as if its set had broken
		await correctKeyTo(s.db, 'b');
		await regradeSitting(organiser, { sittingId: general.sittingId });
		expect(await certOf(s.db, second.attemptId)).toMatchObject({ revokedOn: null });
		expect(await certOf(s.db, first.attemptId)).toMatchObject({ revokeReason: 'replaced' });
		const verified = await verifyCertificate(
			{ db: s.db, now: on('2026-06-04'), address: '10.0.0.9' },
			{ code: second.verificationCode }
		);
		expect(verified).toMatchObject({ kind: 'found', state: 'valid' });
	});
});

describe('a change to one part’s sitting', () => {
	it('leaves alone a certificate that drew nothing from that sitting', async () => {
		const s = await examSetup();
		// 2026: one general enforcement exam made a certificate, the settings requiring no parts yet
		const earlier = await partSitting(s, 'general', '2026-03-02');
		const old = (await certOf(s.db, await earlier.take(0, 'a')))!;
		expect(old).toMatchObject({ validUntil: '2029-03-01', revokedOn: null });

		// 2029, the old one run out and two parts required now: both passed, then a general retake
		// (one is allowed after a pass here) fails and counts, so the new certificate falls
		await requireParts(s.db);
		const general = await partSitting(s, 'general', '2029-06-04', { onlyAfterFail: '' });
		const special = await partSitting(s, 'special', '2029-06-04');
		await general.take(0, 'a');
		const current = (await certOf(s.db, await special.take(10, 'a')))!;
		expect(current).toMatchObject({ validFrom: '2029-06-04', revokedOn: null });
		const retake = await general.take(20, 'b');
		expect(await certOf(s.db, current.attemptId)).toMatchObject({
			revokedOn: '2029-06-04',
			revokeReason: 'superseded'
		});
		expect(await revocationsOf(s.db, current.id)).toEqual([
			expect.objectContaining({
				after: expect.objectContaining({ reason: 'superseded', attemptId: retake })
			})
		]);

		// the old certificate's one general pass is no set of two parts, but the change is not its
		// concern: it stays as it was — run out, never revoked
		expect(await certOf(s.db, old.attemptId)).toEqual(old);
		expect(await revocationsOf(s.db, old.id)).toEqual([]);
		const cadre = await ctxFor(s.db, s.cadre.user.id, on('2029-06-05'));
		expect((await certificatePage(cadre, old.id)).status).toMatchObject({ state: 'expired' });
	});
});
