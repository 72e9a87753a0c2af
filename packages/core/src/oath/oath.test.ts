import { describe, expect, it } from 'vitest';
import {
	CN_CALENDAR,
	DEFAULT_OATH_POLICY,
	OATH_TEXTS,
	oathDeadline,
	oathStatus,
	oathTextInForce,
	validateOathCeremony,
	type Appointment,
	type OathCeremony
} from '../index.ts';

const appt: Appointment = { id: 'ap1', personId: 'p1', post: '副区长', appointedOn: '2025-09-26' };
const ceremony: OathCeremony = {
	id: 'c1',
	form: 'collective',
	date: '2025-10-10',
	place: '区人大常委会会议室',
	organiser: '区人大常委会',
	presiderId: 'p9',
	leaderId: 'p8',
	textVersion: '2018',
	participants: [{ personId: 'p1', appointmentId: 'ap1' }],
	evidence: ['photo:123']
};

describe('oath texts', () => {
	it('keeps both versions with their dates', () => {
		expect(OATH_TEXTS.map((t) => t.version)).toEqual(['2015', '2018']);
		expect(OATH_TEXTS[1]!.text).toContain('富强民主文明和谐美丽的社会主义现代化强国');
		expect(OATH_TEXTS[0]!.text).toContain('富强、民主、文明、和谐的社会主义国家');
		expect(oathTextInForce('2018-03-11')?.version).toBe('2015');
		expect(oathTextInForce('2018-03-12')?.version).toBe('2018');
		expect(oathTextInForce('2015-12-31')).toBeUndefined();
	});
});

describe('validateOathCeremony', () => {
	it('accepts a complete collective ceremony', () => {
		expect(validateOathCeremony(ceremony, [appt])).toEqual({ ok: true, errors: [], warnings: [] });
	});

	it('needs a leader for a collective oath and rejects an oath before the appointment', () => {
		const v = validateOathCeremony(
			{ ...ceremony, leaderId: undefined, date: '2025-09-20', evidence: [] },
			[appt]
		);
		expect(v.errors.map((e) => e.code)).toEqual([
			'oath.leader.missing',
			'oath.date.before_appointment'
		]);
		expect(v.warnings.map((e) => e.code)).toEqual(['oath.evidence.missing']);
	});

	it('warns when the text version is not the one in force', () => {
		const v = validateOathCeremony({ ...ceremony, textVersion: '2015' }, [appt]);
		expect(v.ok).toBe(true);
		expect(v.warnings).toEqual([
			{
				code: 'oath.text.not_in_force',
				path: 'textVersion',
				data: { version: '2015', date: '2025-10-10', inForce: '2018' }
			}
		]);
		expect(validateOathCeremony({ ...ceremony, textVersion: '1999' }, [appt]).errors[0]?.code).toBe(
			'oath.text.unknown'
		);
	});

	it('allows one person only in an individual oath, and known appointments only', () => {
		const v = validateOathCeremony(
			{
				...ceremony,
				form: 'individual',
				participants: [...ceremony.participants, { personId: 'p2', appointmentId: 'ap2' }]
			},
			[appt]
		);
		expect(v.errors.map((e) => [e.code, e.path ?? ''])).toEqual([
			['oath.individual.several', 'participants'],
			['oath.appointment.unknown', 'participants.1']
		]);
	});
});

describe('oath deadline and status', () => {
	it('counts calendar or working days', () => {
		expect(oathDeadline('2025-09-26', DEFAULT_OATH_POLICY, CN_CALENDAR)).toBe('2025-10-26');
		expect(oathDeadline('2025-09-26', { days: 15, unit: 'working' }, CN_CALENDAR)).toBe(
			'2025-10-23'
		);
	});

	it('is due, then overdue, or done (late or not)', () => {
		const policy = { days: 15, unit: 'working' as const };
		expect(oathStatus(appt, [], '2025-10-01', policy, CN_CALENDAR)).toEqual({
			state: 'due',
			deadline: '2025-10-23',
			daysLeft: 22
		});
		expect(oathStatus(appt, [], '2025-10-24', policy, CN_CALENDAR)).toMatchObject({
			state: 'overdue',
			daysLeft: -1
		});
		expect(oathStatus(appt, [ceremony], '2025-10-24', policy, CN_CALENDAR)).toEqual({
			state: 'done',
			deadline: '2025-10-23',
			ceremonyId: 'c1',
			takenOn: '2025-10-10',
			late: false
		});
		const early = { ...ceremony, id: 'c0', date: '2025-09-01' };
		expect(oathStatus(appt, [early], '2025-10-01', policy, CN_CALENDAR).state).toBe('due');
	});
});
