/**
 * A generated district for the oversight benchmark: 200 units under one district government, 20,000
 * people, a year of weekly sessions with 500,000 attendance rows, 1,000,000 exam attempts over ten
 * years of sittings (each with its pass record), plus plans, readings, practice, certificates,
 * appointments and cases. Every large table is filled by one INSERT … SELECT over a recursive CTE,
 * so seeding takes seconds per million rows, not one statement per row.
 */
import type { Client } from '@libsql/client';
import type { Db } from '../db/index.ts';
import { makeBank, makeQuestion, makeUnit, makeUser } from '../testing/factories.ts';

/** The sizes (the issue's by default; `BENCH_OVERSIGHT_SCALE=0.1` for a tenth). */
export interface DistrictSize {
	units: number;
	people: number;
	attempts: number;
	attendance: number;
}

export function districtSize(scale = 1): DistrictSize {
	const r = (n: number) => Math.max(1, Math.round(n * scale));
	return {
		units: 200,
		people: r(20_000),
		attempts: r(1_000_000),
		attendance: r(500_000)
	};
}

const T = Date.parse('2026-01-02T09:00:00+08:00');

/** Fills `db` with the district; returns the ids the benchmark acts as. */
export async function buildDistrict(db: Db, client: Client, size: DistrictSize) {
	const root = await makeUnit(db, { name: '基准区人民政府', kind: 'government' });
	const tops = 20;
	const perTop = size.units / tops - 1;
	const run = (sql: string) => client.execute(sql);
	const seq = (n: number) =>
		`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1})`;

	// units: 20 bureaus and streets, each with its offices (ids follow the root's)
	await run(`${seq(tops)} INSERT INTO unit (id, parent_id, name, kind, path)
		SELECT ${root.id} + 1 + i, ${root.id}, '第' || (i + 1) || '局', 'bureau', '${root.path}' || (${root.id} + 1 + i) || '/' FROM seq`);
	await run(`${seq(tops * perTop)} INSERT INTO unit (id, parent_id, name, kind, path)
		SELECT ${root.id} + 1 + ${tops} + i, ${root.id} + 1 + i / ${perTop}, '科室' || (i + 1), 'office',
			'${root.path}' || (${root.id} + 1 + i / ${perTop}) || '/' || (${root.id} + 1 + ${tops} + i) || '/' FROM seq`);
	const units = size.units;
	const firstUnit = root.id + 1;
	// the people of bureau b's subtree are a run of P: one in ten in the bureau itself, the others
	// spread over its offices; one in ten a deputy section chief
	const P = Math.floor(size.people / tops);
	await run(`${seq(tops * P)} INSERT INTO person (unit_id, name, employee_no, rank)
		SELECT CASE WHEN (i % ${P}) % 10 = 0 THEN ${firstUnit} + i / ${P}
				ELSE ${firstUnit + tops} + (i / ${P}) * ${perTop} + ((i % ${P}) % 10 - 1) % ${perTop} END,
			'干部' || i, 'BX' || i, CASE WHEN i % 10 = 3 THEN 'deputy_section' ELSE 'staff' END FROM seq`);
	const first = await client.execute(
		`SELECT min(id) AS id FROM person WHERE employee_no LIKE 'BX%'`
	);
	const firstPerson = Number(first.rows[0]!.id);
	const person = (expr: string) => `(${firstPerson} + (${expr}))`;

	// one study team per bureau or street, its members enough for the attendance rows over 50 sessions
	const sessionsPerTeam = 50;
	const members = Math.min(P, Math.ceil(size.attendance / (tops * 48)));
	await run(`${seq(tops)} INSERT INTO study_team (id, unit_id, name, created_at, updated_at)
		SELECT 1 + i, ${firstUnit} + i, '学习小组' || i, ${T}, ${T} FROM seq`);
	// team b: the first members of bureau b's people
	await run(`${seq(tops * members)} INSERT INTO study_team_member (team_id, person_id, added_at)
		SELECT 1 + i / ${members}, ${person(`(i / ${members}) * ${P} + i % ${members}`)}, ${T} FROM seq`);
	// weekly sessions from 5 January: 48 held, the rest planned; every fourth delivers a plan item
	await run(`${seq(tops * sessionsPerTeam)} INSERT INTO study_session
			(id, unit_id, team_id, date, start_time, duration_minutes, form, topic, laws, status, created_at, updated_at)
		SELECT 1 + i, ${firstUnit} + i % ${tops}, 1 + i % ${tops},
			date('2026-01-05', '+' || (7 * (i / ${tops})) || ' days'), '08:30', 30, 'collective', '会前学法', '[]',
			CASE WHEN i / ${tops} < 48 THEN 'held' ELSE 'planned' END, ${T}, ${T} FROM seq`);
	await run(`WITH s AS (SELECT id, team_id FROM study_session WHERE status = 'held')
		INSERT INTO study_attendance (session_id, person_id, status, source, updated_at)
		SELECT s.id, m.person_id,
			CASE (s.id + m.person_id) % 20 WHEN 0 THEN 'absent' WHEN 1 THEN 'leave' WHEN 2 THEN 'late' ELSE 'present' END,
			'organiser', ${T}
		FROM s JOIN study_team_member m ON m.team_id = s.team_id`);
	// a published plan of 11 items for each bureau and street and each office
	await run(`${seq(units)} INSERT INTO study_plan (id, unit_id, year, title, status, created_at, updated_at)
		SELECT 1 + i, ${firstUnit} + i, 2026, '年度学法计划', 'published', ${T}, ${T} FROM seq`);
	await run(`${seq(units * 11)} INSERT INTO study_plan_item (id, plan_id, topic, form, planned_month, laws, created_at, updated_at)
		SELECT 1 + i, 1 + i / 11, '专题' || i, 'lecture', '2026-' || printf('%02d', 1 + i % 11), '[]', ${T}, ${T} FROM seq`);
	// plan ids follow the units: bureau b's plan is b + 1, its items (b · 11) + 1 …
	await run(`UPDATE study_session SET plan_item_id = ((id - 1) % ${tops}) * 11 + 1 + ((id - 1) / ${tops}) % 11
		WHERE ((id - 1) / ${tops}) % 4 = 0 AND (id - 1) / ${tops} < 44`);
	// a reading a month per team, signed by most members
	await run(`${seq(tops * 12)} INSERT INTO study_reading (id, unit_id, team_id, title, created_at, updated_at)
		SELECT 1 + i, ${firstUnit} + i % ${tops}, 1 + i % ${tops}, '书面学法', ${T} + (i / ${tops}) * 30 * 86400000, ${T} FROM seq`);
	await run(`INSERT INTO study_reading_sign (reading_id, person_id, opened_at, signed_at)
		SELECT r.id, m.person_id, r.created_at, CASE WHEN (r.id + m.person_id) % 7 = 0 THEN NULL ELSE r.created_at + 86400000 END
		FROM study_reading r JOIN study_team_member m ON m.team_id = r.team_id`);
	// practice: ten answers a person over the year
	const bank = await makeBank(db, root.id, '基准题库');
	const question = await makeQuestion(db, bank.id);
	await run(`${seq(size.people * 10)} INSERT INTO practice_answer
			(person_id, question_id, version, mode, response, fraction, outcome, time_ms, answered_at)
		SELECT ${person(`i % ${size.people}`)}, ${question}, 1, 'free', '{}', 1, 'right', 5000,
			${T} + (i / ${size.people}) * 30 * 86400000 FROM seq`);

	// exams: one of each kind; ten years of sittings, five per year per bureau or street, closed
	await run(`INSERT INTO exam (id, unit_id, title, kind, status, paper_kind, bank_ids, blueprint, pass_mark,
			duration_minutes, max_attempts, counts, only_after_fail, grading, review, created_at, updated_at)
		VALUES (1, ${root.id}, '年度学法考试', 'annual', 'published', 'fixed', '[]', '{}', 60, 90, 3, 'highest', 0, '{}', '{}', ${T}, ${T}),
			(2, ${root.id}, '执法资格考试', 'enforcement', 'published', 'fixed', '[]', '{}', 60, 120, 2, 'highest', 0, '{}', '{}', ${T}, ${T}),
			(3, ${root.id}, '任前法律知识考试', 'pre_appointment', 'published', 'fixed', '[]', '{}', 60, 120, 2, 'last', 1, '{}', '{}', ${T}, ${T})`);
	const sittings = 10 * tops * 5;
	const year = (i: string) => `(2017 + ${i} / ${tops * 5})`;
	await run(`${seq(sittings)} INSERT INTO sitting (id, exam_id, name, opens_at, closes_at, created_at)
		SELECT 1 + i, 1 + i % 3, '场次' || i,
			CAST(strftime('%s', ${year('i')} || '-06-01') AS INTEGER) * 1000 + (i % 100) * 86400000,
			CAST(strftime('%s', ${year('i')} || '-06-01') AS INTEGER) * 1000 + (i % 100) * 86400000 + 7200000, ${T} FROM seq`);
	await run(`${seq(sittings)} INSERT INTO sitting_unit (sitting_id, unit_id)
		SELECT 1 + i, ${firstUnit} + i % ${tops} FROM seq`);
	// attempts: spread over the sittings, each by a person of the sitting's bureau or street
	const perSitting = Math.ceil(size.attempts / sittings);
	const who = `((i / ${perSitting}) % ${tops}) * ${P} + (i % ${perSitting}) % ${P}`;
	await run(`${seq(size.attempts)} INSERT INTO exam_paper (id, seed, paper, question_ids)
		SELECT 1 + i, 's', '{}', '[]' FROM seq`);
	await run(`${seq(size.attempts)} INSERT INTO exam_attempt (id, sitting_id, exam_id, person_id, number, state,
			paper_id, started_at, deadline, submitted_at, graded_at, manual_scores, score, max_score)
		SELECT 1 + i, 1 + i / ${perSitting}, 1 + (i / ${perSitting}) % 3,
			${person(who)}, 1 + (i % ${perSitting}) / ${P}, 'graded', 1 + i, ${T}, ${T}, ${T}, ${T}, '{}',
			40 + i % 60, 100 FROM seq`);
	await run(`INSERT INTO pass_record (attempt_id, person_id, exam_id, sitting_id, kind, taken_on, status, score, max_score, percent, passed, updated_at)
		SELECT a.id, a.person_id, a.exam_id, a.sitting_id, e.kind, '2026-06-01', 'graded', a.score, 100, a.score, a.score >= 60, ${T}
		FROM exam_attempt a JOIN exam e ON e.id = a.exam_id`);
	// certificates for a quarter of the people, some expired, some expiring
	await run(`INSERT INTO certificate (person_id, exam_id, attempt_id, kind, verification_code, valid_from, valid_until, created_at)
		SELECT person_id, exam_id, min(id), 'enforcement', 'BC' || min(id),
			'2024-01-01', CASE person_id % 5 WHEN 0 THEN '2025-12-31' WHEN 1 THEN '2027-02-01' ELSE '2027-12-31' END, ${T}
		FROM exam_attempt WHERE exam_id = 2 AND person_id % 4 = 0 GROUP BY person_id`);
	// appointments, some sworn, and open cases, some blocked
	await run(`${seq(500)} INSERT INTO appointment (id, person_id, post, appointing_body, appointed_on, created_at)
		SELECT 1 + i, ${person(`i * 37 % ${size.people}`)}, '科长', 'government', date('2026-01-10', '+' || (i % 300) || ' days'), ${T} FROM seq`);
	await run(`INSERT INTO oath_ceremony (id, form, date, place, organiser, presider_id, flag_or_emblem_displayed, anthem_played, text_version, evidence, created_at)
		VALUES (1, 'collective', '2026-11-30', '会议室', '区人大常委会', ${firstPerson}, 1, 1, '2018', '[]', ${T})`);
	await run(`INSERT INTO oath_participant (ceremony_id, person_id, appointment_id)
		SELECT 1, person_id, id FROM appointment WHERE id % 3 <> 0`);
	await run(`${seq(300)} INSERT INTO promotion_case (person_id, proposed_post, leading_post, appointment_route, appointing_body, state, gate_allowed, created_at, updated_at)
		SELECT ${person(`i * 53 % ${size.people}`)}, '副科长', 1, 'government', 'government', 'open', i % 3 = 0, ${T}, ${T} FROM seq`);

	const organiser = await makeUser(db, root.id, [['organiser', root.id]]);
	return { rootId: root.id, organiserId: organiser.user.id, bureauId: firstUnit };
}
