/**
 * Calendar subscriptions (iCalendar feeds) that calendar apps fetch without logging in. The address
 * carries a random 256-bit token; the database keeps only its SHA-256, so a copy of the database
 * does not open anyone's feed. A feed can be revoked, and it stops as soon as its owner loses the
 * right to see what it shows (account disabled, role withdrawn). Each feed is held to a rate
 * (auth/rate-meter.ts), so that a leaked address fetched in a loop does not build it in a loop.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, isNull, like } from 'drizzle-orm';
import { addDays, shanghaiDate, toICalendar, type CalendarEvent } from '@xuefa/core';
import type { CreateFeedInput, RevokeFeedInput } from '$lib/schemas/study.ts';
import {
	FEED_RATE,
	advanceMeters,
	feedMeterKey,
	meterReading,
	meterWait,
	waitSeconds
} from '../../auth/rate-meter.ts';
import { loadSessionUser } from '../../auth/session-user.ts';
import { authorize, can, canAnywhere } from '../../authz/index.ts';
import { type Ctx, transact, write } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { calendarFeed, loginThrottle, unit } from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { sessionsQuery } from './calendar.ts';

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** The feed's path; the token is the only secret in it. */
export const feedPath = (token: string) => `/ical/${token}.ics`;

export async function listFeeds(ctx: Ctx) {
	return ctx.db
		.select({
			id: calendarFeed.id,
			kind: calendarFeed.kind,
			unitName: unit.name,
			createdAt: calendarFeed.createdAt
		})
		.from(calendarFeed)
		.leftJoin(unit, eq(unit.id, calendarFeed.unitId))
		.where(and(eq(calendarFeed.userId, ctx.user.id), isNull(calendarFeed.revokedAt)))
		.orderBy(desc(calendarFeed.createdAt));
}

/**
 * The feeds a user may keep at once: each has its own rate (see feedCalendar), so a user making
 * feeds without end would have feeds built without end.
 */
export const MAX_FEEDS = 20;

/** Makes a feed and returns its token, which is shown once and never stored. */
export async function createFeed(ctx: Ctx, input: CreateFeedInput): Promise<string> {
	if (input.kind === 'person') {
		if (ctx.user.personId === null || !canAnywhere(ctx.user, 'study.attend'))
			throw new ForbiddenError();
	} else {
		await authorize(ctx, 'study.read', input.unitId!);
	}
	const token = randomBytes(32).toString('base64url');
	await transact(ctx, async (tx) => {
		const [kept] = await tx.db
			.select({ n: count() })
			.from(calendarFeed)
			.where(and(eq(calendarFeed.userId, tx.user.id), isNull(calendarFeed.revokedAt)));
		if (kept!.n >= MAX_FEEDS) throw new ConflictError('err_feed_limit', { max: MAX_FEEDS });
		const [row] = await tx.db
			.insert(calendarFeed)
			.values({
				kind: input.kind,
				userId: tx.user.id,
				unitId: input.kind === 'unit' ? input.unitId! : null,
				tokenHash: hashToken(token),
				createdAt: tx.now
			})
			.returning({ id: calendarFeed.id });
		await appendAudit(tx, {
			action: 'calendar_feed.created',
			entityType: 'calendar_feed',
			entityId: row!.id,
			unitId: input.kind === 'unit' ? input.unitId! : null,
			after: { kind: input.kind }
		});
	});
	return token;
}

/** Revokes one of the user's own feeds: calendar apps get "not found" from then on. */
export async function revokeFeed(ctx: Ctx, input: RevokeFeedInput): Promise<void> {
	await transact(ctx, async (tx) => {
		const [row] = await tx.db
			.update(calendarFeed)
			.set({ revokedAt: tx.now })
			.where(
				and(
					eq(calendarFeed.id, input.feedId),
					eq(calendarFeed.userId, tx.user.id),
					isNull(calendarFeed.revokedAt)
				)
			)
			.returning({ id: calendarFeed.id, unitId: calendarFeed.unitId });
		if (!row) throw new NotFoundError();
		await appendAudit(tx, {
			action: 'calendar_feed.revoked',
			entityType: 'calendar_feed',
			entityId: row.id,
			unitId: row.unitId
		});
	});
}

/** How far a feed reaches: half a year back (what was held), a year and a bit ahead. */
const PAST_DAYS = 183;
const FUTURE_DAYS = 400;

/**
 * The feed's iCalendar text for a token, or null for an unknown or revoked token or an owner who
 * may no longer see it. Cancelled sessions are published as cancelled, so calendars remove them.
 * Throws {@link RateLimitedError} (seconds to wait) past the feed's rate; a refused fetch writes
 * nothing, and an allowed one is counted before the feed is built, so that fetches at once count.
 */
export async function feedCalendar(
	db: ReadDb,
	token: string,
	now: Date,
	origin: string
): Promise<string | null> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const [feed] = await db
		.select({ feed: calendarFeed, unitPath: unit.path, unitName: unit.name, meter: meterReading })
		.from(calendarFeed)
		.leftJoin(unit, eq(unit.id, calendarFeed.unitId))
		.leftJoin(loginThrottle, eq(loginThrottle.key, feedMeterKey(calendarFeed.id)))
		.where(eq(calendarFeed.tokenHash, hashToken(token)));
	if (!feed || feed.feed.revokedAt) return null;
	const wait = meterWait(feed.meter, now, FEED_RATE);
	if (wait > 0) throw new RateLimitedError('api_rate_limited', { seconds: waitSeconds(wait) });
	const use = { key: feedMeterKey(feed.feed.id), weight: 1, at: now.getTime() };
	await write(db, (tx) => tx.run(advanceMeters([use], FEED_RATE)));
	const owner = await loadSessionUser(db, feed.feed.userId);
	if (!owner) return null;
	const today = shanghaiDate(now);
	const [from, to] = [addDays(today, -PAST_DAYS), addDays(today, FUTURE_DAYS)];
	let rows;
	if (feed.feed.kind === 'person') {
		if (owner.personId === null || !canAnywhere(owner, 'study.attend')) return null;
		rows = await sessionsQuery(db, from, to, { personId: owner.personId });
	} else {
		if (!feed.unitPath || !can(owner, 'study.read', feed.unitPath)) return null;
		rows = await sessionsQuery(db, from, to, {
			personId: null,
			unitWhere: like(unit.path, `${feed.unitPath}%`)
		});
	}
	const events = rows.map((s): CalendarEvent => ({
		id: `study-session/${s.id}`,
		date: s.date,
		startTime: s.startTime,
		durationMinutes: s.durationMinutes,
		summary: s.topic,
		description: [s.teamName, s.speakerName, s.note].filter(Boolean).join('\n'),
		...(s.location ? { location: s.location } : {}),
		url: `${origin}/study/sessions/${s.id}`,
		cancelled: s.status === 'cancelled',
		sequence: s.sequence
	}));
	return toICalendar(events, {
		domain: new URL(origin).hostname,
		stamp: now,
		name: feed.feed.kind === 'unit' ? `学法活动 · ${feed.unitName}` : '我的学法活动'
	});
}
