import { describe, expect, it } from 'vitest';
import { addSessionInput, markAttendanceInput } from '$lib/schemas/study.ts';
import { markAttendance } from '$lib/server/services/study/attendance.ts';
import { addSession } from '$lib/server/services/study/occurrences.ts';
import { at, studyDistrict } from '$lib/server/services/study/testing.ts';
import { testDb } from '$lib/server/testing/db.ts';
import { teamPage } from '../teams/[id=id]/page-data.server.ts';
import { creditsPage } from './page-data.server.ts';

const JAN_6 = '2027-01-06T09:00:00+08:00';
const url = (q = '') => new URL(`http://x/study/credits${q}`);

/** A leadership team whose leader attended one lecture in December 2026. */
async function setup() {
	const db = await testDb();
	const s = await studyDistrict(db, new Date('2026-12-01T09:00:00+08:00'));
	const leader = s.ctx.leader.user.personId!;
	const sessionId = await addSession(
		s.ctx.organiser,
		addSessionInput.parse({
			teamId: String(s.teamId),
			topic: '会前学法',
			form: 'lecture',
			date: '2026-12-07',
			startTime: '09:00',
			durationMinutes: '30'
		})
	);
	await markAttendance(
		at(s.ctx.organiser, '2026-12-07T10:00:00+08:00'),
		markAttendanceInput.parse({ sessionId: String(sessionId), [`status.${leader}`]: 'present' })
	);
	return { ...s, leader };
}

describe('the study credits and team pages’ year, as the oversight pages choose it', () => {
	it('open on last year in January, while its year-end assessment is done, and say why', async () => {
		const s = await setup();
		const organiser = at(s.ctx.organiser, JAN_6);
		const credits = await creditsPage(organiser, url('?all=1'));
		expect(credits).toMatchObject({
			year: 2026,
			closing: true,
			years: [2027, 2026, 2025, 2024, 2023]
		});
		// last year's credits, not the new year's empty ones
		expect(credits.rows.find((r) => r.id === s.leader)?.credits.sessions).toBeGreaterThan(0);
		const team = await teamPage(organiser, s.teamId, url());
		expect(team).toMatchObject({ year: 2026, closing: true });
		expect(team.rates.held).toBe(1);
	});

	it('keep a year chosen explicitly, this year included, and open on this year from March', async () => {
		const s = await setup();
		const january = at(s.ctx.organiser, JAN_6);
		expect(await creditsPage(january, url('?year=2027'))).toMatchObject({
			year: 2027,
			closing: false
		});
		expect(await teamPage(january, s.teamId, url('?year=2027'))).toMatchObject({
			year: 2027,
			closing: false,
			rates: { held: 0 }
		});
		const march = at(s.ctx.organiser, '2027-03-01T09:00:00+08:00');
		expect(await creditsPage(march, url())).toMatchObject({ year: 2027, closing: false });
		expect(await teamPage(march, s.teamId, url())).toMatchObject({ year: 2027, closing: false });
	});
});
