import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { certificateEventInput } from '$lib/schemas/certificates.ts';
import type { Db } from '../../db/index.ts';
import { auditEntry, certificate, certificateEvent, policySetting } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError } from '../../errors.ts';
import {
	at,
	attemptRow,
	candidateCtx,
	examSetup,
	publishedSitting,
	rightChoice
} from '../../testing/exams.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { saveAnswers, startExamAttempt, submitExamAttempt } from './attempts.ts';
import { recordCertificateEvent } from './certificate-events.ts';
import { certificatePage, verifyCertificate } from './certificates.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;
const DAY = 24 * 60;

/** The cadre takes the sitting and answers every question right. */
async function pass(s: Setup, sittingId: number) {
	const ctx = await candidateCtx(s.db, s.cadre.user.id, 0);
	const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
	const row = await attemptRow(s.db, id);
	const items = row!.paper.sections.flatMap((x) => x.items);
	await saveAnswers(ctx, {
		attemptId: id,
		saves: items.map((item, i) => ({
			questionId: item.question.id,
			seq: i + 1,
			response: rightChoice(item.optionOrder),
			flagged: false
		}))
	});
	await submitExamAttempt(ctx, { attemptId: id });
	return id;
}

async function passed() {
	const s = await examSetup();
	const { sittingId } = await publishedSitting(s, { kind: 'enforcement' });
	const attemptId = await pass(s, sittingId);
	const [cert] = await s.db.select().from(certificate).where(eq(certificate.attemptId, attemptId));
	return { s, cert: cert! };
}

const setting = (db: Db, key: string, value: unknown) =>
	db.insert(policySetting).values({ key, value, updatedAt: new Date() });

const record = (
	s: Setup,
	certificateId: number,
	fields: Record<string, string>,
	minutes = 10 * DAY,
	userId = s.organiser.user.id
) =>
	ctxFor(s.db, userId, at(minutes)).then((ctx) =>
		recordCertificateEvent(ctx, certificateEventInput.parse({ certificateId, ...fields }))
	);

const verify = (s: Setup, code: string, minutes = 10 * DAY) =>
	verifyCertificate({ db: s.db, now: at(minutes), address: '10.0.0.7' }, { code });

describe('suspending, reinstating and revoking a certificate', () => {
	it('an organiser suspends it with a reason: the page and /verify say so at once, and the audit log has it', async () => {
		const { s, cert } = await passed();
		await record(s, cert.id, {
			kind: 'suspended',
			on: '2026-03-10',
			reason: '执法过错，暂扣六个月'
		});
		const page = await certificatePage(await ctxFor(s.db, s.cadre.user.id, at(10 * DAY)), cert.id);
		expect(page.status).toMatchObject({ state: 'suspended', reason: '执法过错，暂扣六个月' });
		expect(page.canManage).toBe(false);
		expect(await verify(s, cert.verificationCode)).toMatchObject({ state: 'suspended' });
		const [entry] = await s.db
			.select()
			.from(auditEntry)
			.where(
				and(
					eq(auditEntry.action, 'certificate.suspended'),
					eq(auditEntry.entityId, String(cert.id))
				)
			);
		expect(entry?.after).toMatchObject({ reason: '执法过错，暂扣六个月', date: '2026-03-10' });

		await record(s, cert.id, { kind: 'reinstated', on: '2026-03-11', reason: '整改完毕' });
		expect(await verify(s, cert.verificationCode)).toMatchObject({ state: 'valid' });
	});

	it('refuses a suspension without a reason or in the future, and writes nothing', async () => {
		const { s, cert } = await passed();
		await expect(
			record(s, cert.id, { kind: 'suspended', on: '2026-03-10' })
		).rejects.toBeInstanceOf(InvalidInputError);
		await expect(
			record(s, cert.id, { kind: 'revoked', on: '2027-01-01', reason: '调离执法岗位' })
		).rejects.toMatchObject({ fields: { on: [expect.stringContaining('晚于今天')] } });
		expect(await s.db.select().from(certificateEvent)).toEqual([]);
		expect(
			await s.db.select().from(auditEntry).where(eq(auditEntry.entityType, 'certificate'))
		).toEqual([]);
	});

	it('a revocation is final', async () => {
		const { s, cert } = await passed();
		await record(s, cert.id, { kind: 'revoked', on: '2026-03-10', reason: '调离执法岗位' });
		await expect(
			record(s, cert.id, { kind: 'reinstated', on: '2026-03-11', reason: '误操作' })
		).rejects.toBeInstanceOf(InvalidInputError);
		expect(await verify(s, cert.verificationCode)).toMatchObject({ state: 'revoked' });
	});

	it('only an organiser of the exam’s unit may change it: not the holder, not another unit’s organiser', async () => {
		const { s, cert } = await passed();
		await expect(
			record(
				s,
				cert.id,
				{ kind: 'suspended', on: '2026-03-10', reason: 'x' },
				10 * DAY,
				s.cadre.user.id
			)
		).rejects.toBeInstanceOf(ForbiddenError);
		const elsewhere = await makeUser(s.db, s.b.id, [['organiser', s.b.id]]);
		await expect(
			record(
				s,
				cert.id,
				{ kind: 'suspended', on: '2026-03-10', reason: 'x' },
				10 * DAY,
				elsewhere.user.id
			)
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('review (审验) as a setting', () => {
	it('a certificate not reviewed within the period shows as overdue, on the page and on /verify, until a review is recorded', async () => {
		const { s, cert } = await passed();
		await setting(s.db, 'certificate.reviewEveryYears', 1);
		expect(await verify(s, cert.verificationCode, 300 * DAY)).toMatchObject({
			state: 'valid',
			reviewDue: '2027-03-02'
		});
		expect(await verify(s, cert.verificationCode, 400 * DAY)).toMatchObject({
			state: 'review_overdue'
		});
		await record(s, cert.id, { kind: 'reviewed', on: '2027-04-01' }, 400 * DAY);
		expect(await verify(s, cert.verificationCode, 400 * DAY)).toMatchObject({
			state: 'valid',
			reviewDue: '2028-04-01'
		});
	});
});

describe('validity and parts as settings', () => {
	it('a province-wide window sets the last valid day', async () => {
		const s = await examSetup();
		await setting(s.db, 'certificate.window', { from: '2026-01-01', until: '2027-12-31' });
		const { sittingId } = await publishedSitting(s, { kind: 'enforcement' });
		const id = await pass(s, sittingId);
		const [cert] = await s.db.select().from(certificate).where(eq(certificate.attemptId, id));
		expect(cert).toMatchObject({ validFrom: '2026-03-02', validUntil: '2027-12-31' });
	});

	it('with general and special parts required, the certificate comes with the second part’s pass', async () => {
		const s = await examSetup();
		await setting(s.db, 'certificate.requiredParts', ['general', 'special']);
		const general = await publishedSitting(s, { kind: 'enforcement', certificatePart: 'general' });
		await pass(s, general.sittingId);
		expect(await s.db.select().from(certificate)).toEqual([]);
		const special = await publishedSitting(s, { kind: 'enforcement', certificatePart: 'special' });
		const id = await pass(s, special.sittingId);
		const certs = await s.db.select().from(certificate);
		expect(certs).toHaveLength(1);
		expect(certs[0]).toMatchObject({ attemptId: id, kind: 'enforcement' });
	});
});
