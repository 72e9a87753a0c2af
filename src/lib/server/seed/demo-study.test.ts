import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '@xuefa/core';
import { loadSessionUser } from '../auth/session-user.ts';
import { user } from '../db/schema/index.ts';
import { getPlan, listPlans } from '../services/study/plans.ts';
import { studyAgenda } from '../services/study/overview.ts';
import { visibleSessions } from '../services/study/calendar.ts';
import { getSession } from '../services/study/sessions.ts';
import { testDb } from '../testing/db.ts';
import { seedDemoIfEmpty } from './demo.ts';

async function as(db: Awaited<ReturnType<typeof testDb>>, username: string, now: Date) {
	const [u] = await db.select().from(user).where(eq(user.username, username));
	return { db, user: (await loadSessionUser(db, u!.id))!, now };
}

describe('the demo study programme', () => {
	// any day will do: the seed's dates follow its clock
	it.each(['2026-05-20T10:00:00+08:00', '2026-10-12T07:00:00+08:00'])(
		'has a published plan and a weekly schedule whose past sessions were held, seeded at %s',
		async (iso) => {
			const now = new Date(iso);
			const today = shanghaiDate(now);
			const db = await testDb();
			await seedDemoIfEmpty(db, now);
			const organiser = await as(db, 'organiser', now);
			const [plan] = await listPlans(organiser);
			expect(plan).toMatchObject({ year: now.getFullYear(), status: 'published' });
			const { progress } = await getPlan(organiser, plan!.id);
			expect(progress.held).toBeGreaterThan(0);

			const sessions = await visibleSessions(organiser, '2000-01-01', '2999-12-31');
			const past = sessions.filter((s) => s.date < today);
			const coming = sessions.filter((s) => s.date >= today);
			expect(past.length).toBeGreaterThanOrEqual(7);
			expect(coming.length).toBeGreaterThan(0);
			expect(past.every((s) => s.status === 'held')).toBe(true);
			expect(coming.every((s) => s.status !== 'held')).toBe(true);
			const last = await getSession(organiser, past.at(-1)!.id);
			expect(last.roster.length).toBeGreaterThan(5);
			expect(last.roster.every((r) => r.status !== null)).toBe(true);
			expect(last.rate?.rate).toBeGreaterThan(0.5);
			expect(last.rate?.rate).toBeLessThan(1);

			// the demo cadre is on the team, with sessions to come and a material to sign
			const agenda = await studyAgenda(await as(db, 'cadre', now));
			expect(agenda?.sessions.length).toBeGreaterThan(0);
			expect(agenda?.unsigned.map((r) => r.title)).toEqual(['学习《行政复议法》修订要点']);
		}
	);
});
