import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { policyInput } from '$lib/schemas/hr-policy.ts';
import { appointment, auditEntry, person, policySetting } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { ctxFor, makePerson, makeUser } from '../../testing/factories.ts';
import { cadreTakes, ceremonyForm, hrSetup } from '../../testing/hr.ts';
import { recordAppointment } from './case-actions.ts';
import { readListExport } from '../../testing/xlsx.ts';
import {
	ceremonyRecord,
	oathRegister,
	overdueOaths,
	recordCeremony,
	removeCeremony
} from './oaths.ts';
import { exportOaths } from './oaths-export.ts';
import { readOathPolicy, readPromotionPolicy, savePolicies } from './policy.ts';

/** A case whose candidate passed, appointed on `appointedOn`; HR's context on `today`. */
async function appointed(appointedOn: string) {
	const s = await hrSetup();
	await cadreTakes(s, '2026-03-02', 90);
	const appointmentId = await recordAppointment(await s.hrAt(appointedOn), {
		caseId: s.caseId,
		appointedOn,
		confirmed: 'yes'
	});
	return { ...s, appointmentId };
}

const stateOn = async (s: Awaited<ReturnType<typeof appointed>>, today: string) =>
	(await oathRegister(await s.hrAt(today))).register.find((r) => r.id === s.appointmentId)!.status;

describe('the oath register', () => {
	it('lists an appointee as due, with the deadline the policy sets (30 calendar days), then overdue', async () => {
		const s = await appointed('2026-03-09');
		expect(await stateOn(s, '2026-03-20')).toEqual({
			state: 'due',
			deadline: '2026-04-08',
			daysLeft: 19
		});
		expect(await stateOn(s, '2026-04-10')).toMatchObject({ state: 'overdue', daysLeft: -2 });
		expect((await overdueOaths(await s.hrAt('2026-04-10')))!.map((o) => o.id)).toEqual([
			s.appointmentId
		]);
	});

	it('counts the deadline in working days through the holiday calendar when the policy says so', async () => {
		const s = await appointed('2026-03-09');
		await s.db.insert(policySetting).values([
			{ key: 'oath.days', value: 20, updatedAt: new Date() },
			{ key: 'oath.unit', value: 'working', updatedAt: new Date() }
		]);
		// 20 working days from Monday 9 March: 6 April is 清明 (a holiday), so the deadline is 7 April
		expect(await stateOn(s, '2026-03-20')).toMatchObject({ state: 'due', deadline: '2026-04-07' });
		expect(await stateOn(s, '2026-04-08')).toMatchObject({ state: 'overdue', daysLeft: -1 });
	});

	it('records a collective ceremony (the leader swears too) and the appointee is done', async () => {
		const s = await appointed('2026-03-09');
		const hr = await s.hrAt('2026-03-12');
		const individual = await ceremonyForm(s, s.appointmentId);
		const form = (overrides: Record<string, unknown>) =>
			individual({
				form: 'collective',
				leaderAppointmentId: String(s.appointmentId),
				evidence: '照片 2026-03-12-01',
				...overrides
			});
		const early = await recordCeremony(hr, form({ date: '2026-03-08' })).catch((e: unknown) => e);
		expect(early).toBeInstanceOf(InvalidInputError);
		// said at the date, the field HR corrects, not at the people sworn
		expect((early as InvalidInputError).fields).toEqual({
			date: ['宣誓日期 2026-03-08 早于任命日期 2026-03-09']
		});
		const noLeader = await recordCeremony(hr, form({ leaderAppointmentId: '' })).catch(
			(e: unknown) => e
		);
		expect((noLeader as InvalidInputError).fields.leaderAppointmentId).toEqual([
			'集体宣誓须有领誓人'
		]);
		const oldText = await recordCeremony(hr, form({ textVersion: '2015' })).catch(
			(e: unknown) => e
		);
		expect((oldText as InvalidInputError).fields.textVersion![0]).toContain('2018');

		const id = await recordCeremony(hr, form({}));
		expect(await stateOn(s, '2026-03-12')).toMatchObject({
			state: 'done',
			takenOn: '2026-03-12',
			late: false
		});
		const record = await ceremonyRecord(hr, id);
		expect(record.participants).toEqual([
			expect.objectContaining({ leader: true, appointedOn: '2026-03-09' })
		]);
		expect(record.text?.version).toBe('2018');
		expect(record.warnings).toEqual(['尚未记录监誓人']);
		await expect(recordCeremony(hr, form({}))).rejects.toThrow();
	});

	it('shows HR the names of its own units’ people on a ceremony that swore others too, and counts the others', async () => {
		const s = await appointed('2026-03-09');
		const streetPerson = await makePerson(s.db, s.b.id, { employeeNo: 'B0001' });
		const [other] = await s.db
			.insert(appointment)
			.values({
				personId: streetPerson.id,
				post: '东城街道办事处副主任',
				appointingBody: 'government',
				appointedOn: '2026-03-10',
				createdAt: new Date('2026-03-10T10:00:00+08:00')
			})
			.returning({ id: appointment.id });
		const hr = await s.hrAt('2026-03-12');
		const form = await ceremonyForm(s, s.appointmentId);
		const id = await recordCeremony(
			hr,
			form({
				form: 'collective',
				appointmentIds: [String(s.appointmentId), String(other!.id)],
				leaderAppointmentId: String(other!.id)
			})
		);
		const whole = await ceremonyRecord(hr, id);
		expect(whole.participants.map((p) => p.name).sort()).toEqual(
			[s.cadre.person.name, streetPerson.name].sort()
		);
		expect([whole.others, whole.ceremony.leader]).toEqual([0, streetPerson.name]);

		const street = await ctxFor(s.db, s.streetHrUser.user.id);
		const streetView = await ceremonyRecord(street, id);
		expect(streetView.participants).toEqual([
			expect.objectContaining({ name: streetPerson.name, leader: true })
		]);
		expect([streetView.others, streetView.removable]).toEqual([1, false]);

		const bureauHr = await makeUser(s.db, s.a.id, [['hr', s.a.id]]);
		const bureau = await ceremonyRecord(await ctxFor(s.db, bureauHr.user.id), id);
		expect(bureau.participants.map((p) => p.name)).toEqual([s.cadre.person.name]);
		expect(bureau.others).toBe(1);
		// the leader is of the street: not named to the bureau's HR, only said to be of another unit
		expect([bureau.ceremony.leader, bureau.ceremony.leaderElsewhere]).toEqual([null, true]);
		expect(JSON.stringify(bureau)).not.toContain(streetPerson.name);
	});

	it('takes a presider and a witness of another body (the standing committee’s chair), active ones only', async () => {
		const s = await appointed('2026-03-09');
		// HR of the bureau, whose units do not include the district's leaders
		const bureauHr = await makeUser(s.db, s.a.id, [['hr', s.a.id]]);
		const bureau = await ctxFor(s.db, bureauHr.user.id, new Date('2026-03-12T10:00:00+08:00'));
		const form = await ceremonyForm(s, s.appointmentId);
		const chair = await makePerson(s.db, s.root.id, { employeeNo: 'RD0001', name: '人大主任' });
		const retired = await makePerson(s.db, s.b.id, { employeeNo: 'RD0002' });
		await s.db.update(person).set({ status: 'inactive' }).where(eq(person.id, retired.id));
		const refused = await recordCeremony(
			bureau,
			form({ presiderNo: 'RD0002', witnessNo: 'NOBODY' })
		).catch((e: unknown) => e);
		expect((refused as InvalidInputError).fields).toEqual({
			presiderNo: ['err_hr_oath_unknown_official']
		});
		const witness = await makePerson(s.db, s.b.id, { employeeNo: 'B0009', name: '街道监誓人' });
		const id = await recordCeremony(
			bureau,
			form({ presiderNo: chair.employeeNo, witnessNo: witness.employeeNo })
		);
		const record = await ceremonyRecord(bureau, id);
		expect([record.ceremony.presider, record.ceremony.witness]).toEqual(['人大主任', '街道监誓人']);
	});

	it('answers HR of other units as if the ceremony or appointment did not exist', async () => {
		const s = await appointed('2026-03-09');
		const form = await ceremonyForm(s, s.appointmentId);
		const id = await recordCeremony(await s.hrAt('2026-03-12'), form({}));
		const street = await ctxFor(s.db, s.streetHrUser.user.id);
		await expect(ceremonyRecord(street, id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(ceremonyRecord(street, id + 100)).rejects.toBeInstanceOf(NotFoundError);
		// recording an oath for an appointment of another unit is refused as for an unknown one
		const [other, unknown] = await Promise.all(
			[String(s.appointmentId), '9999'].map((appointmentId) =>
				recordCeremony(street, form({ appointmentIds: [appointmentId] })).catch((e: unknown) => e)
			)
		);
		expect((other as InvalidInputError).fields).toEqual((unknown as InvalidInputError).fields);
	});

	it('refuses a ceremony dated after today, so the real one can still be recorded', async () => {
		const s = await appointed('2026-03-09');
		const hr = await s.hrAt('2026-03-12');
		const form = await ceremonyForm(s, s.appointmentId);
		const future = await recordCeremony(hr, form({ date: '2026-03-13' })).catch((e: unknown) => e);
		expect(future).toBeInstanceOf(InvalidInputError);
		expect((future as InvalidInputError).fields.date).toEqual(['err_hr_oath_future']);
		expect(await stateOn(s, '2026-03-12')).toMatchObject({ state: 'due' });
		await recordCeremony(hr, form({}));
		expect(await stateOn(s, '2026-03-12')).toMatchObject({ state: 'done', takenOn: '2026-03-12' });
	});

	it('refuses an individual oath with a leader chosen, rather than dropping the leader', async () => {
		const s = await appointed('2026-03-09');
		const hr = await s.hrAt('2026-03-12');
		const form = await ceremonyForm(s, s.appointmentId);
		const led = await recordCeremony(
			hr,
			form({ leaderAppointmentId: String(s.appointmentId) })
		).catch((e: unknown) => e);
		expect((led as InvalidInputError).fields.leaderAppointmentId).toEqual([
			'err_hr_oath_individual_leader'
		]);
		expect(await stateOn(s, '2026-03-12')).toMatchObject({ state: 'due' });
	});

	it('removes a ceremony recorded in error, with the reason: the appointee is due again, and the audit keeps the record', async () => {
		const s = await appointed('2026-03-09');
		const hr = await s.hrAt('2026-03-12');
		const form = await ceremonyForm(s, s.appointmentId);
		const id = await recordCeremony(hr, form({ place: '区政府第一会议室' }));
		expect((await ceremonyRecord(hr, id)).removable).toBe(true);
		// HR of another street's units does not reach it (nor learns it exists); a cadre may not remove
		const street = await ctxFor(s.db, s.streetHrUser.user.id);
		await expect(removeCeremony(street, { ceremonyId: id, reason: '误登' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		const cadre = await ctxFor(s.db, s.cadre.user.id);
		await expect(removeCeremony(cadre, { ceremonyId: id, reason: '误登' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await stateOn(s, '2026-03-12')).toMatchObject({ state: 'done' });

		await removeCeremony(hr, { ceremonyId: id, reason: '宣誓日期登记有误' });
		expect(await stateOn(s, '2026-03-12')).toMatchObject({ state: 'due', deadline: '2026-04-08' });
		await expect(ceremonyRecord(hr, id)).rejects.toBeInstanceOf(NotFoundError);
		// sent twice: nothing more happens
		await expect(removeCeremony(hr, { ceremonyId: id, reason: '再次' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		const entries = await s.db
			.select({ before: auditEntry.before, after: auditEntry.after })
			.from(auditEntry)
			.where(eq(auditEntry.action, 'oath.removed'));
		expect(entries).toEqual([
			{
				before: expect.objectContaining({
					place: '区政府第一会议室',
					date: '2026-03-12',
					personIds: [s.cadre.person.id],
					appointmentIds: [s.appointmentId],
					presiderId: expect.any(Number)
				}),
				after: { reason: '宣誓日期登记有误' }
			}
		]);
		// recorded again as it was sworn
		await recordCeremony(hr, form({}));
		expect(await stateOn(s, '2026-03-12')).toMatchObject({ state: 'done' });
	});

	it('is scoped to the HR officer’s units', async () => {
		const s = await appointed('2026-03-09');
		const street = await ctxFor(
			s.db,
			s.streetHrUser.user.id,
			new Date('2026-03-20T10:00:00+08:00')
		);
		expect((await oathRegister(street)).register).toEqual([]);
		expect((await readListExport(await exportOaths(street))).rows).toEqual([]);
	});

	it('exports the register with Chinese headers and the state in words', async () => {
		const s = await appointed('2026-03-09');
		const { header, rows } = await readListExport(await exportOaths(await s.hrAt('2026-04-10')));
		expect(header).toEqual(['单位', '姓名', '工号', '职务', '任命机关', '任命日期', '宣誓情况']);
		expect(rows).toHaveLength(1);
		expect(rows[0]![1]).toBe(s.cadre.person.name);
		expect(rows[0]![5]).toBe('2026-03-09');
		expect(rows[0]![6]).toMatch(/^已逾期.*2026-04-08/);
	});
});

describe('policy settings', () => {
	it('fall back to the default for a stored value the core finds unsound', async () => {
		const s = await hrSetup();
		await s.db.insert(policySetting).values([
			{ key: 'promotion.government.maxRetakes', value: -1, updatedAt: new Date() },
			{ key: 'promotion.countFrom', value: 'public_notice_end', updatedAt: new Date() },
			{ key: 'oath.days', value: 'thirty', updatedAt: new Date() }
		]);
		const policy = await readPromotionPolicy(s.db);
		expect(policy.government.maxRetakes).toBe(1);
		expect(policy.countFrom).toBe('public_notice_end');
		expect((await readOathPolicy(s.db)).days).toBe(30);
		const [row] = await s.db.select().from(policySetting).where(eq(policySetting.key, 'oath.days'));
		expect(row!.value).toBe('thirty');
	});

	it('are saved only when the core finds both policies sound, in one go, and audited', async () => {
		const s = await hrSetup();
		const hr = await ctxFor(s.db, s.hrUser.user.id);
		const base = await readPromotionPolicy(s.db);
		const form = (overrides: Record<string, unknown>) =>
			policyInput.parse({
				countFrom: 'public_notice_end',
				governmentExamRequired: 'on',
				governmentMaxRetakes: '1',
				congressMaxRetakes: '1',
				leadingPostsOnly: 'on',
				exemptions: [],
				voidedAttempt: 'bars_until',
				voidMonths: '6',
				mustSwear: ['government'],
				days: '15',
				unit: 'working',
				...overrides
			});
		const bad = await savePolicies(hr, form({ voidMonths: '', days: '0' })).catch(
			(e: unknown) => e
		);
		expect(bad).toBeInstanceOf(InvalidInputError);
		expect((bad as InvalidInputError).fields).toEqual({
			voidMonths: ['禁考月数须为不小于 1 的整数：0'],
			days: ['宣誓期限须为 1 至 366 之间的整数天：0']
		});
		expect(await s.db.select().from(policySetting)).toEqual([]);

		expect(await savePolicies(hr, form({}))).toBe(6);
		const policy = await readPromotionPolicy(s.db);
		expect(policy).toMatchObject({
			countFrom: 'public_notice_end',
			voidedAttempt: { effect: 'bars_until', months: 6 },
			exemptions: [{ kind: 'legal_profession_qualification', allowed: false }]
		});
		expect(policy.government).toEqual(base.government);
		expect(await readOathPolicy(s.db)).toMatchObject({ days: 15, unit: 'working' });
		const entries = await s.db
			.select({ entityId: auditEntry.entityId, after: auditEntry.after })
			.from(auditEntry)
			.where(eq(auditEntry.action, 'policy.updated'));
		expect(entries.map((e) => e.entityId)).toEqual(['promotion', 'oath']);
		expect(entries[1]!.after).toMatchObject({ days: 15, unit: 'working' });

		const street = await ctxFor(s.db, s.streetHrUser.user.id);
		await expect(savePolicies(street, form({}))).rejects.toBeInstanceOf(ForbiddenError);
	});
});
