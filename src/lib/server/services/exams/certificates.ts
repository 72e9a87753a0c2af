/**
 * Certificates: the holder's printable page and the public lookup by verification code. The lookup
 * shows what a stranger needs to trust a certificate — exam, date, result, validity and the holder's
 * name partly masked — and nothing else, and is rate limited per address (state in the database).
 */
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type CertificateEvent, checkVerificationCode, shanghaiDate } from '@xuefa/core';
import type { VerifyInput } from '$lib/schemas/exams.ts';
import { lockedFor, recordFailure, verifyKey } from '../../auth/rate-limit.ts';
import { can } from '../../authz/index.ts';
import { type AnonCtx, type Ctx, write } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { certificateEvents, coreEvents } from './certificate-events.ts';
import { certificatePolicy } from './certificate-policy.ts';
import { type StatusRow, eventsOfCertificates, statusOf, statusesOn } from './certificate-state.ts';
import { attemptScoreShown } from './score-visibility.ts';
import { certificate, exam, passRecord, person, unit } from '../../db/schema/index.ts';
import { ForbiddenError, NotFoundError, RateLimitedError } from '../../errors.ts';

// the exam's unit, joined under its own name beside the holder's
const examUnit = alias(unit, 'exam_unit');

/** 张三 → 张*, 李小明 → 李*明: enough for the holder to recognise, too little to identify. */
export function maskName(name: string): string {
	const chars = [...name.trim()];
	if (chars.length <= 1) return chars.join('');
	if (chars.length === 2) return `${chars[0]}*`;
	return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * A stored certificate's state on the day (Beijing time) of `now`, by the core's rule: with its
 * suspensions, revocations and reviews (read here unless given), under the certificate settings.
 */
export async function certificateStatusOn(
	db: ReadDb,
	row: StatusRow,
	now: Date,
	events?: CertificateEvent[]
) {
	return statusOf(
		row,
		events ?? coreEvents(await certificateEvents(db, row.id)),
		shanghaiDate(now),
		await certificatePolicy(db)
	);
}

/**
 * The states of many certificates on the day of `now`, in the order given: their events read in
 * one query and the settings once, whatever their number (a person's record, the API).
 */
export async function certificateStatusesOn<R extends StatusRow>(
	db: ReadDb,
	rows: readonly R[],
	now: Date
) {
	if (rows.length === 0) return [];
	const events = await eventsOfCertificates(
		db,
		rows.map((r) => r.id)
	);
	return statusesOn(rows, events, shanghaiDate(now), await certificatePolicy(db));
}

/** A person's certificates, latest first, each with its state (and why) on the day of `now`. */
export async function personCertificates(db: ReadDb, personId: number, now: Date) {
	const rows = await db
		.select({
			id: certificate.id,
			kind: certificate.kind,
			examTitle: exam.title,
			verificationCode: certificate.verificationCode,
			validFrom: certificate.validFrom,
			validUntil: certificate.validUntil,
			revokedOn: certificate.revokedOn,
			revokeReason: certificate.revokeReason
		})
		.from(certificate)
		.innerJoin(exam, eq(exam.id, certificate.examId))
		.where(eq(certificate.personId, personId))
		.orderBy(desc(certificate.validFrom), desc(certificate.id));
	// the reason is in the state (status.reason), where it is shown
	return (await certificateStatusesOn(db, rows, now)).map(({ revokeReason: _, ...c }) => c);
}

async function certificateRow(db: Ctx['db'], where: ReturnType<typeof eq>) {
	const [row] = await db
		.select({
			id: certificate.id,
			personId: certificate.personId,
			attemptId: certificate.attemptId,
			kind: certificate.kind,
			code: certificate.verificationCode,
			validFrom: certificate.validFrom,
			validUntil: certificate.validUntil,
			revokedOn: certificate.revokedOn,
			revokeReason: certificate.revokeReason,
			examTitle: exam.title,
			holder: person.name,
			holderUnit: unit.name,
			score: passRecord.score,
			maxScore: passRecord.maxScore,
			band: passRecord.band,
			examUnitPath: examUnit.path
		})
		.from(certificate)
		.innerJoin(exam, eq(exam.id, certificate.examId))
		.innerJoin(person, eq(person.id, certificate.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.innerJoin(examUnit, eq(examUnit.id, exam.unitId))
		.leftJoin(passRecord, eq(passRecord.attemptId, certificate.attemptId))
		.where(where);
	return row;
}

/**
 * The certificate page: its holder (once the review options let them see the attempt's score), or
 * an organiser of the exam's unit.
 */
export async function certificatePage(ctx: Ctx, certificateId: number) {
	const row = await certificateRow(ctx.db, eq(certificate.id, certificateId));
	if (!row) throw new NotFoundError();
	const mine = ctx.user.personId === row.personId;
	const canManage = can(ctx.user, 'exam.manage', row.examUnitPath);
	if (!mine && !canManage) throw new ForbiddenError();
	// to its holder the certificate (a pass, a score and a band) exists once the result may be seen
	const result = canManage
		? { shown: true, voided: false }
		: await attemptScoreShown(ctx.db, row.attemptId, ctx.now);
	if (!result.shown && !result.voided) throw new NotFoundError();
	const events = await certificateEvents(ctx.db, row.id);
	return {
		id: row.id,
		kind: row.kind,
		code: row.code,
		examTitle: row.examTitle,
		holder: row.holder,
		holderUnit: row.holderUnit,
		validFrom: row.validFrom,
		validUntil: row.validUntil,
		score: result.shown ? row.score : null,
		maxScore: row.maxScore,
		band: result.shown ? row.band : null,
		events,
		canManage,
		status: await certificateStatusOn(ctx.db, row, ctx.now, coreEvents(events))
	};
}

export type VerifyResult =
	| { kind: 'invalid'; reason: string }
	| { kind: 'not_found' }
	| {
			kind: 'found';
			examTitle: string;
			examKind: string;
			passedOn: string;
			band: string | null;
			validUntil: string;
			state: string;
			/** When reviews are required: the day the next one is due. */
			reviewDue: string | null;
			holder: string;
	  };

/** Looks a typed or scanned code up, counting the lookup against the address's allowance. */
export async function verifyCertificate(ctx: AnonCtx, input: VerifyInput): Promise<VerifyResult> {
	const key = verifyKey(ctx.address);
	const wait = await lockedFor(ctx.db, [key], ctx.now);
	if (wait > 0)
		throw new RateLimitedError('err_verify_rate_limited', { minutes: Math.ceil(wait / 60_000) });
	await write(ctx.db, (tx) => recordFailure(tx, [key], ctx.now));
	const checked = checkVerificationCode(input.code);
	if (!checked.ok) return { kind: 'invalid', reason: checked.reason };
	const row = await certificateRow(ctx.db, eq(certificate.verificationCode, checked.code));
	if (!row) return { kind: 'not_found' };
	const status = await certificateStatusOn(ctx.db, row, ctx.now);
	return {
		kind: 'found',
		examTitle: row.examTitle,
		examKind: row.kind,
		passedOn: row.validFrom,
		band: row.band,
		validUntil: row.validUntil,
		state: status.state,
		reviewDue: status.reviewDue ?? null,
		holder: maskName(row.holder)
	};
}
