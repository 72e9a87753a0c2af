import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
	certificate,
	certificateEvent,
	exam,
	examAttempt,
	gateCheck,
	practiceAnswer,
	practiceCard,
	studyAttendance,
	studySession,
	studyTeam
} from '../../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { cadreTakes, ceremonyForm, hrSetup } from '../../testing/hr.ts';
import { recordAppointment } from './case-actions.ts';
import { recordCeremony } from './oaths.ts';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { exportRecord } from './record-export.ts';
import { myRecord, personRecord } from './record.ts';

type Setup = Awaited<ReturnType<typeof hrSetup>>;
const DAY = (d: string) => new Date(`${d}T10:00:00+08:00`);

/** Two held sessions in 2026 (present, then late) and one in 2025 (present) for the cadre. */
async function sessions(s: Setup) {
	const [team] = await s.db
		.insert(studyTeam)
		.values({
			unitId: s.root.id,
			name: '区政府领导班子',
			createdAt: DAY('2025-01-01'),
			updatedAt: DAY('2025-01-01')
		})
		.returning();
	const held = [
		['2025-11-03', 'present', '宪法学习'],
		['2026-02-02', 'present', '行政复议法'],
		['2026-02-09', 'late', '行政处罚法']
	] as const;
	for (const [date, status, topic] of held) {
		const [row] = await s.db
			.insert(studySession)
			.values({
				unitId: s.root.id,
				teamId: team!.id,
				date,
				startTime: '08:30',
				durationMinutes: 30,
				form: 'collective',
				topic,
				laws: [],
				status: 'held',
				createdAt: DAY(date),
				updatedAt: DAY(date)
			})
			.returning();
		await s.db.insert(studyAttendance).values({
			sessionId: row!.id,
			personId: s.cadre.person.id,
			status,
			source: 'organiser',
			updatedAt: DAY(date)
		});
	}
}

/** Four practice answers (three right) on 2026-03-01, one question still in the mistake book. */
async function practice(s: Setup) {
	const outcomes = ['right', 'wrong', 'right', 'right'] as const;
	for (const [i, outcome] of outcomes.entries())
		await s.db.insert(practiceAnswer).values({
			personId: s.cadre.person.id,
			questionId: s.ready[i]!,
			version: 1,
			mode: 'practice',
			response: {},
			fraction: outcome === 'right' ? 1 : 0,
			outcome,
			timeMs: 5000,
			answeredAt: new Date(`2026-03-01T09:0${i}:00+08:00`)
		});
	await s.db.insert(practiceCard).values({
		personId: s.cadre.person.id,
		questionId: s.ready[1]!,
		card: {},
		due: DAY('2026-03-02'),
		inMistakeBook: true,
		lastAnsweredAt: new Date('2026-03-01T09:01:00+08:00')
	});
}

/**
 * The cadre's record: a failed first attempt, a voided one, a pass with a certificate (suspended
 * since), the appointment and a collective oath, the sessions and practice above.
 */
async function recordSetup() {
	const s = await hrSetup();
	await sessions(s);
	await practice(s);
	await cadreTakes(s, '2026-03-02', 50);
	const passed = await cadreTakes(s, '2026-03-02', 90);
	const [cert] = await s.db
		.insert(certificate)
		.values({
			personId: s.cadre.person.id,
			examId: s.examId,
			attemptId: passed,
			kind: 'pre_appointment',
			verificationCode: 'ABCD-EFGH-JKLM',
			validFrom: '2026-03-02',
			validUntil: '2029-03-01',
			createdAt: DAY('2026-03-02')
		})
		.returning();
	await s.db.insert(certificateEvent).values({
		certificateId: cert!.id,
		kind: 'suspended',
		on: '2026-03-05',
		reason: '核查中',
		createdAt: DAY('2026-03-05')
	});
	const appointmentId = await recordAppointment(await s.hrAt('2026-03-09'), {
		caseId: s.caseId,
		appointedOn: '2026-03-09',
		confirmed: 'yes'
	});
	const ceremonyId = await recordCeremony(
		await s.hrAt('2026-03-12'),
		(await ceremonyForm(s, appointmentId))()
	);
	// a later attempt, voided for cheating (after the appointment: the gate has had its say)
	const voided = await cadreTakes(s, '2026-03-16', 'voided');
	await s.db.update(examAttempt).set({ voidReason: '夹带资料' }).where(eq(examAttempt.id, voided));
	const organiser = await ctxFor(s.db, s.organiser.user.id, DAY('2026-03-20'));
	const self = await ctxFor(s.db, s.cadre.user.id, DAY('2026-03-20'));
	return { ...s, appointmentId, ceremonyId, passed, voided, organiser, self };
}

describe('a person’s record', () => {
	it('shows HR every part: credits per year, sessions, practice, attempts, certificates, oaths, cases', async () => {
		const s = await recordSetup();
		const r = await personRecord(await s.hrAt('2026-03-20'), { personId: s.cadre.person.id });
		expect(r.scope).toBe('all');
		expect(r.person).toMatchObject({ name: s.cadre.person.name, unitName: '法治督察科' });

		// credits by the district's rules (2 per session, late half; practice 20 answers a credit)
		expect(r.study.credits.map((c) => [c.year, c.sessions, c.practiceAnswers])).toEqual([
			[2026, 3, 4],
			[2025, 2, 0]
		]);
		expect(r.study.sessions.map((x) => [x.date, x.topic, x.status])).toEqual([
			['2026-02-09', '行政处罚法', 'late'],
			['2026-02-02', '行政复议法', 'present'],
			['2025-11-03', '宪法学习', 'present']
		]);
		expect(r.study.practice).toEqual({
			answered: 4,
			right: 3,
			accuracy: 0.75,
			lastActiveAt: new Date('2026-03-01T09:03:00+08:00').getTime(),
			mistakes: 1
		});

		const attempts = r.exams!.attempts;
		expect(attempts.map((a) => [a.state, a.score, a.passed, a.voidReason])).toEqual([
			['voided', null, null, '夹带资料'],
			['graded', 90, true, null],
			['graded', 50, false, null]
		]);
		expect(attempts[2]!.number).toBeLessThan(attempts[1]!.number);
		expect(r.exams!.certificates).toEqual([
			expect.objectContaining({ verificationCode: 'ABCD-EFGH-JKLM', state: 'suspended' })
		]);

		expect(r.oaths).toEqual([
			expect.objectContaining({
				id: s.appointmentId,
				status: expect.objectContaining({ state: 'done', ceremonyId: String(s.ceremonyId) })
			})
		]);
		expect(r.cases).toEqual([
			expect.objectContaining({ id: s.caseId, state: 'appointed', allowed: true })
		]);
	});

	it('shows an organiser of the person’s units the study parts only: never a case, an exam or an oath', async () => {
		const s = await recordSetup();
		const r = await personRecord(s.organiser, { personId: s.cadre.person.id });
		expect(r.scope).toBe('study');
		expect(r.study.sessions).toHaveLength(3);
		expect(r.exams).toBeNull();
		expect(r.oaths).toBeNull();
		expect(r.cases).toBeNull();
		// the post the person holds now shows, as on the people list; the case behind it does not
		const { person: who, ...rest } = r;
		expect(who.position).toBe('法治督察科科长');
		expect(JSON.stringify(rest)).not.toContain('法治督察科科长');
	});

	it('shows the person their own record, scores only as their result page would', async () => {
		const s = await recordSetup();
		const mine = await myRecord(s.self);
		expect(mine.self).toBe(true);
		expect(mine.cases!.map((c) => c.id)).toEqual([s.caseId]);
		expect(mine.oaths!.map((o) => o.status.state)).toEqual(['done']);
		// the exam reviews scores after submission: the cadre sees them
		expect(mine.exams!.attempts.map((a) => a.score)).toEqual([null, 90, 50]);
		// not before the results are released when the exam says so
		const [examRow] = await s.db.select().from(exam).where(eq(exam.id, s.examId));
		await s.db
			.update(exam)
			.set({ review: { ...examRow!.review, score: 'after_release' } })
			.where(eq(exam.id, s.examId));
		const hidden = await myRecord(s.self);
		expect(hidden.exams!.attempts.map((a) => a.score)).toEqual([null, null, null]);
		const hr = await personRecord(await s.hrAt('2026-03-20'), { personId: s.cadre.person.id });
		expect(hr.exams!.attempts.map((a) => a.score)).toEqual([null, 90, 50]);
	});

	it('is refused to anyone else: another cadre, an organiser or HR of another unit', async () => {
		const s = await recordSetup();
		const otherCadre = await ctxFor(s.db, s.outsider.user.id);
		const streetHr = await ctxFor(s.db, s.streetHrUser.user.id);
		const streetOrganiser = await makeUser(s.db, s.b.id, [['organiser', s.b.id]]);
		const unknown = s.cadre.person.id + 1000;
		for (const personId of [s.cadre.person.id, unknown]) {
			await expect(personRecord(otherCadre, { personId })).rejects.toBeInstanceOf(ForbiddenError);
			// HR or an organiser of another unit: as for a person who does not exist
			for (const ctx of [streetHr, await ctxFor(s.db, streetOrganiser.user.id)])
				await expect(personRecord(ctx, { personId })).rejects.toBeInstanceOf(NotFoundError);
		}
	});

	it('logs the gate it shows for an open case, as the case page does', async () => {
		const s = await hrSetup();
		const before = await s.db.select().from(gateCheck).where(eq(gateCheck.caseId, s.caseId));
		const r = await personRecord(await s.hrAt('2026-03-10'), { personId: s.cadre.person.id });
		expect(r.cases).toEqual([expect.objectContaining({ state: 'open', allowed: false })]);
		const after = await s.db.select().from(gateCheck).where(eq(gateCheck.caseId, s.caseId));
		expect(after.length).toBe(before.length + 1);
		expect(after.at(-1)).toMatchObject({ purpose: 'view', allowed: false });
	});

	it('exports one sheet per part the viewer may see, headers in the reader’s language', async () => {
		const s = await recordSetup();
		const sheetsOf = async (bytes: Uint8Array) => {
			const wb = new ExcelJS.Workbook();
			await wb.xlsx.load(bytes as unknown as ArrayBuffer);
			return wb.worksheets.map((w) => ({
				name: w.name,
				rows: (w.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1))
			}));
		};
		const hr = await personRecord(await s.hrAt('2026-03-20'), { personId: s.cadre.person.id });
		const sheets = await sheetsOf(await exportRecord(hr, 'zh-CN'));
		expect(sheets.map((x) => x.name)).toEqual([
			'基本信息',
			'年度学分',
			'学法活动出勤',
			'练习',
			'考试记录',
			'证书',
			'宪法宣誓',
			'拟任事项'
		]);
		const exams = sheets.find((x) => x.name === '考试记录')!.rows;
		expect(exams[0]).toEqual([
			'日期',
			'考试',
			'场次',
			'类别',
			'第几次',
			'成绩',
			'等次',
			'结果',
			'作废原因'
		]);
		expect(exams.slice(1).map((r) => [r[5], r[7], r[8]])).toEqual([
			['—', '已作废', '夹带资料'],
			['90 / 100', '合格', ''],
			// the fail before the pass the sitting counts (the last) says so
			['50 / 100', expect.stringMatching(/^不合格（不计分：本场以第 \d+ 次为准）$/), '']
		]);
		expect(sheets.find((x) => x.name === '宪法宣誓')!.rows[1]).toContain('已于 2026-03-12 宣誓');

		// an organiser's export holds the study parts only
		const study = await sheetsOf(
			await exportRecord(await personRecord(s.organiser, { personId: s.cadre.person.id }), 'zh-CN')
		);
		expect(study.map((x) => x.name)).toEqual(['基本信息', '年度学分', '学法活动出勤', '练习']);

		overwriteGetLocale(() => 'en');
		try {
			const english = await sheetsOf(await exportRecord(hr, 'en'));
			expect(english.map((x) => x.name)).toContain('Exam attempts');
			expect(english.find((x) => x.name === 'Exam attempts')!.rows[0]![0]).toBe('Date');
		} finally {
			overwriteGetLocale(() => 'zh-CN');
		}
	});
});
