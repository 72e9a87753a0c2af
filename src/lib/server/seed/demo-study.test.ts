import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '@xuefa/core';
import { loadSessionUser } from '../auth/session-user.ts';
import { user } from '../db/schema/index.ts';
import { exportPlan } from '../services/study/plan-export.ts';
import { getPlan, listPlans } from '../services/study/plans.ts';
import { studyAgenda } from '../services/study/overview.ts';
import { datedBetween, visibleSessions } from '../services/study/calendar.ts';
import { exportSessions } from '../services/study/sessions-export.ts';
import { readListExport } from '../testing/xlsx.ts';
import { getSession } from '../services/study/sessions.ts';
import { testDb } from '../testing/db.ts';
import { seedDemoIfEmpty } from './demo.ts';

async function as(db: Awaited<ReturnType<typeof testDb>>, username: string, now: Date) {
	const [u] = await db.select().from(user).where(eq(user.username, username));
	return { db, user: (await loadSessionUser(db, u!.id))!, now };
}

describe('the demo study programme', () => {
	// any day will do: the seed's dates follow its clock, across the turn of the year too (a plan
	// per year, as a session delivers its own year's plan) and whatever the machine's time zone
	it.each([
		'2026-05-20T10:00:00+08:00',
		'2026-10-12T07:00:00+08:00',
		'2026-12-31T23:57:00+08:00',
		'2027-01-01T00:10:00+08:00',
		'2027-01-04T10:00:00+08:00'
	])(
		'has a published plan and a weekly schedule whose past sessions were held, seeded at %s',
		async (iso) => {
			const now = new Date(iso);
			const today = shanghaiDate(now);
			const db = await testDb();
			await seedDemoIfEmpty(db, now);
			const organiser = await as(db, 'organiser', now);

			const sessions = await visibleSessions(organiser, datedBetween('2000-01-01', '2999-12-31'));
			const past = sessions.filter((s) => s.date < today);
			const coming = sessions.filter((s) => s.date >= today);
			expect(past.length).toBeGreaterThanOrEqual(7);
			expect(coming.length).toBeGreaterThan(0);
			expect(past.every((s) => s.status === 'held')).toBe(true);
			expect(coming.every((s) => s.status !== 'held')).toBe(true);

			// this year's plan first; the sessions held delivered the plan of their year
			const plans = await listPlans(organiser);
			expect(plans[0]).toMatchObject({ year: Number(today.slice(0, 4)), status: 'published' });
			const year = Number(past.at(-1)!.date.slice(0, 4));
			const plan = plans.find((p) => p.year === year);
			expect(plan).toMatchObject({ status: 'published' });
			const { progress, items } = await getPlan(organiser, plan!.id);
			expect(progress.held).toBeGreaterThan(0);
			// no item is held before its month
			const dueByNow = items.filter((i) => i.plannedMonth <= today.slice(0, 7)).length;
			expect(progress.held).toBeLessThanOrEqual(dueByNow);

			// that year's sessions as a workbook, in the calendar's order
			const sheet = await readListExport(await exportSessions(organiser, { year }));
			const ofYear = sessions.filter((s) => s.date.startsWith(String(year)));
			expect(sheet.header.slice(0, 6)).toEqual([
				'日期',
				'开始时间',
				'计划时长（分钟）',
				'班子',
				'单位',
				'学法主题'
			]);
			expect(sheet.rows.map((r) => r[0])).toEqual(ofYear.map((s) => s.date));
			expect(sheet.rows[0]![9]).toBe('已开展');
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

	it('exports the plan as a workbook a person can read, with what was held', async () => {
		const now = new Date('2026-05-20T10:00:00+08:00');
		const db = await testDb();
		await seedDemoIfEmpty(db, now);
		const organiser = await as(db, 'organiser', now);
		const [plan] = await listPlans(organiser);
		const { bytes } = await exportPlan(organiser, plan!.id);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = book.worksheets[0]!;
		const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
		expect(rows[0]).toContain('学法主题');
		expect(rows).toHaveLength(1 + 8);
		const march = rows.find((r) => r.includes('行政处罚的种类和设定'))!;
		expect(march).toContain('2026-03');
		expect(march.join(' ')).toContain('《行政处罚法》第九条');
		expect(march).toContain('已完成');
		expect(rows.find((r) => r.includes('年度学法总结与以案释法'))).toContain('未开展');
		// the workbook refuses to leave the unit: a street organiser cannot export it
		await expect(exportPlan(await as(db, 'street', now), plan!.id)).rejects.toThrow();
	});
});
