import { describe, expect, it } from 'vitest';
import {
	CN_CALENDAR,
	DEFAULT_OATH_POLICY,
	OATH_TEXTS,
	messageFor,
	oathDeadline,
	oathRequirement,
	oathStatus,
	oathTextInForce,
	validateOathCeremony,
	validateOathPolicy,
	type Appointment,
	type AppointingBody,
	type OathCeremony,
	type OathPolicy
} from '../index.ts';

const appt: Appointment = {
	id: 'ap1',
	personId: 'p1',
	post: '副区长',
	appointedOn: '2025-09-26',
	appointingBody: 'standing_committee'
};
const appt2: Appointment = { ...appt, id: 'ap2', personId: 'p8', post: '区长助理' };
const ceremony: OathCeremony = {
	id: 'c1',
	form: 'collective',
	date: '2025-10-10',
	place: '区人大常委会会议室',
	organiser: '区人大常委会',
	presiderId: 'p9',
	leaderId: 'p8',
	witnessId: 'p7',
	flagOrEmblemDisplayed: true,
	anthemPlayed: true,
	textVersion: '2018',
	participants: [
		{ personId: 'p8', appointmentId: 'ap2' },
		{ personId: 'p1', appointmentId: 'ap1' }
	],
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
		expect(validateOathCeremony(ceremony, [appt, appt2])).toEqual({
			ok: true,
			errors: [],
			warnings: []
		});
	});

	it('needs a leader for a collective oath and rejects an oath before the appointment', () => {
		const v = validateOathCeremony(
			{ ...ceremony, leaderId: undefined, date: '2025-09-20', evidence: [] },
			[appt, appt2]
		);
		expect(v.errors.map((e) => e.code)).toEqual([
			'oath.leader.missing',
			'oath.date.before_appointment',
			'oath.date.before_appointment'
		]);
		expect(v.warnings.map((e) => e.code)).toEqual(['oath.evidence.missing']);
	});

	it('requires the text version in force on the ceremony date', () => {
		const v = validateOathCeremony({ ...ceremony, textVersion: '2015' }, [appt, appt2]);
		expect(v.ok).toBe(false);
		expect(v.errors).toEqual([
			{
				code: 'oath.text.not_in_force',
				path: 'textVersion',
				data: { version: '2015', date: '2025-10-10', inForce: '2018' }
			}
		]);
		expect(
			validateOathCeremony({ ...ceremony, textVersion: '1999' }, [appt, appt2]).errors[0]?.code
		).toBe('oath.text.unknown');
		const in2017 = { ...ceremony, date: '2017-05-01', textVersion: '2015' };
		const old = [
			{ ...appt, appointedOn: '2017-04-20' },
			{ ...appt2, appointedOn: '2017-04-20' }
		];
		expect(validateOathCeremony(in2017, old).ok).toBe(true);
	});

	it('needs the leader among the people taking the oath: the leader swears too', () => {
		const v = validateOathCeremony({ ...ceremony, leaderId: 'p9' }, [appt, appt2]);
		expect(v.errors).toEqual([{ code: 'oath.leader.not_participant', path: 'leaderId' }]);
		expect(messageFor(v.errors[0]!.code, {}, 'zh-CN')).toBe('领誓人也要宣誓，须在宣誓人之列');
	});

	it('warns when the record lacks the witness, the flag or emblem, or the anthem', () => {
		const v = validateOathCeremony(
			{ ...ceremony, witnessId: undefined, flagOrEmblemDisplayed: false, anthemPlayed: false },
			[appt, appt2]
		);
		expect(v.ok).toBe(true);
		expect(v.warnings.map((w) => [w.code, w.path])).toEqual([
			['oath.witness.missing', 'witnessId'],
			['oath.flag_or_emblem.missing', 'flagOrEmblemDisplayed'],
			['oath.anthem.missing', 'anthemPlayed']
		]);
		expect(v.warnings.map((w) => messageFor(w.code, w.data, 'en'))).toEqual([
			'No witness recorded yet',
			'The national flag or emblem was not displayed',
			'The national anthem was not played'
		]);
	});

	it('warns about a participant whose appointing body need not swear', () => {
		const party = { ...appt, appointingBody: 'party_committee' as const };
		const v = validateOathCeremony(ceremony, [party, appt2]);
		expect(v.ok).toBe(true);
		expect(v.warnings).toEqual([
			{
				code: 'oath.not_required',
				path: 'participants.1',
				data: { body: 'party_committee', personId: 'p1' }
			}
		]);
		expect(messageFor(v.warnings[0]!.code, v.warnings[0]!.data)).toBe(
			'任命机关为党委，按本地设定无须宪法宣誓'
		);
	});

	it('allows one person only in an individual oath, and known appointments only', () => {
		const v = validateOathCeremony(
			{
				...ceremony,
				form: 'individual',
				participants: [...ceremony.participants, { personId: 'p2', appointmentId: 'ap3' }]
			},
			[appt, appt2]
		);
		expect(v.errors.map((e) => [e.code, e.path ?? ''])).toEqual([
			['oath.individual.several', 'participants'],
			['oath.appointment.unknown', 'participants.2']
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
		const policy: OathPolicy = { ...DEFAULT_OATH_POLICY, days: 15, unit: 'working' };
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

describe('who must swear', () => {
	const bodies: [AppointingBody, boolean][] = [
		['people_congress', true],
		['standing_committee', true],
		['government', true],
		['supervisory_commission', true],
		['court', true],
		['procuratorate', true],
		['party_committee', false],
		['other', false]
	];

	it('follows the NPCSC decision by default, by appointing body', () => {
		for (const [body, required] of bodies)
			expect([body, oathRequirement(body).required]).toEqual([body, required]);
		expect(messageFor('oath.required', { body: 'court' }, 'en')).toBe(
			"Appointed by the people's court: the constitutional oath is required"
		);
	});

	it('follows a local setting, and never drops someone for an unknown or unlisted body', () => {
		const local: OathPolicy = {
			...DEFAULT_OATH_POLICY,
			mustSwear: { ...DEFAULT_OATH_POLICY.mustSwear, party_committee: true }
		};
		expect(oathRequirement('party_committee', local).required).toBe(true);
		expect(oathRequirement('army' as AppointingBody)).toEqual({
			required: true,
			reason: { code: 'oath.body_unknown', data: { body: 'army' } }
		});
		const partial = { mustSwear: { court: false } } as unknown as OathPolicy;
		expect(oathRequirement('government', partial).required).toBe(true);
		expect(oathRequirement('court', partial).required).toBe(false);
	});

	it('puts only appointments that call for an oath on the due list', () => {
		const party = { ...appt, appointingBody: 'party_committee' as const };
		expect(oathStatus(party, [], '2025-10-01', DEFAULT_OATH_POLICY, CN_CALENDAR)).toEqual({
			state: 'not_required',
			body: 'party_committee'
		});
		// an oath taken anyway is still on record
		expect(
			oathStatus(party, [ceremony], '2025-10-24', DEFAULT_OATH_POLICY, CN_CALENDAR).state
		).toBe('done');
		const local = {
			...DEFAULT_OATH_POLICY,
			mustSwear: { ...DEFAULT_OATH_POLICY.mustSwear, party_committee: true }
		};
		expect(oathStatus(party, [], '2025-10-01', local, CN_CALENDAR)).toMatchObject({
			state: 'due',
			deadline: '2025-10-26'
		});
	});

	it('counts the leader of a collective oath as sworn', () => {
		expect(
			oathStatus(appt2, [ceremony], '2025-10-24', DEFAULT_OATH_POLICY, CN_CALENDAR)
		).toMatchObject({ state: 'done', ceremonyId: 'c1' });
	});
});

describe('validateOathPolicy', () => {
	it('accepts the default and a working-day deadline', () => {
		expect(validateOathPolicy(DEFAULT_OATH_POLICY)).toEqual([]);
		expect(validateOathPolicy({ ...DEFAULT_OATH_POLICY, days: 15, unit: 'working' })).toEqual([]);
	});

	it('refuses a deadline out of range, an unknown unit and an unknown or non-boolean body', () => {
		const bad = {
			days: 0,
			unit: 'weeks',
			mustSwear: { ...DEFAULT_OATH_POLICY.mustSwear, court: 'yes', army: true }
		} as unknown as OathPolicy;
		expect(validateOathPolicy(bad).map((i) => [i.code, i.path])).toEqual([
			['oath.policy.days_invalid', 'days'],
			['oath.policy.unit_unknown', 'unit'],
			['oath.policy.must_swear_invalid', 'mustSwear.court'],
			['oath.policy.body_unknown', 'mustSwear.army']
		]);
		expect(validateOathPolicy({ ...DEFAULT_OATH_POLICY, days: 1.5 })[0]?.code).toBe(
			'oath.policy.days_invalid'
		);
		expect(messageFor('oath.policy.must_swear_invalid', { body: 'court' }, 'en')).toBe(
			"Whether the people's court appointees swear must be yes or no"
		);
	});
});
