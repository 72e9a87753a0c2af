/**
 * Constitutional oath (宪法宣誓): the texts by version, ceremony records, the deadline after an
 * appointment and its states.
 *
 * Sources for the effective dates: the NPCSC decision of 2015-07-01, in force from 2016-01-01; its
 * revision of 2018-02-24, in force from 2018-03-12 (Xinhua, 2018-02-24). They are data: pass your own
 * `texts` to any function to change them.
 */
import type { Issue } from '../errors.ts';
import type { WorkingDayCalendar } from '../calendar/calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { addDays, diffDays, isIsoDate, type IsoDate } from '../calendar/dates.ts';
import { result, type ValidationResult } from '../rule-result.ts';
import {
	DEFAULT_OATH_POLICY,
	oathRequirement,
	type AppointingBody,
	type OathDeadlinePolicy,
	type OathPolicy
} from './policy.ts';

/** One version of the oath text. */
export interface OathText {
	/** Version label stored in records, e.g. `2018`. */
	version: string;
	/** The exact text. */
	text: string;
	/** First day in force. */
	effectiveFrom: IsoDate;
	/** Last day in force, when superseded. */
	effectiveUntil?: IsoDate;
	/** Where it comes from. */
	source: string;
}

/** The oath texts (2015 and 2018 versions). */
export const OATH_TEXTS: readonly OathText[] = [
	{
		version: '2015',
		text: '我宣誓：忠于中华人民共和国宪法，维护宪法权威，履行法定职责，忠于祖国、忠于人民，恪尽职守、廉洁奉公，接受人民监督，为建设富强、民主、文明、和谐的社会主义国家努力奋斗！',
		effectiveFrom: '2016-01-01',
		effectiveUntil: '2018-03-11',
		source:
			'全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2015年7月1日通过，2016年1月1日起施行）'
	},
	{
		version: '2018',
		text: '我宣誓：忠于中华人民共和国宪法，维护宪法权威，履行法定职责，忠于祖国、忠于人民，恪尽职守、廉洁奉公，接受人民监督，为建设富强民主文明和谐美丽的社会主义现代化强国努力奋斗！',
		effectiveFrom: '2018-03-12',
		source:
			'全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2018年2月24日修订，2018年3月12日起施行）'
	}
];

/**
 * The oath text in force on a date.
 *
 * @param date - the ceremony date
 * @param texts - the texts (default {@link OATH_TEXTS})
 * @returns the text in force, or undefined before the first one
 * @example
 * oathTextInForce('2025-03-01')?.version; // → '2018'
 */
export function oathTextInForce(
	date: IsoDate,
	texts: readonly OathText[] = OATH_TEXTS
): OathText | undefined {
	return texts.find(
		(t) => t.effectiveFrom <= date && (t.effectiveUntil === undefined || date <= t.effectiveUntil)
	);
}

/** An appointment that calls for an oath (the input the oath rules need). */
export interface Appointment {
	/** Stable id. */
	id: string;
	/** The person appointed. */
	personId: string;
	/** The post. */
	post: string;
	/** Date of appointment (任命). */
	appointedOn: IsoDate;
	/** The body that elected or appointed the person; decides whether the oath is required. */
	appointingBody: AppointingBody;
}

/** Individual or collective ceremony. */
export type OathForm = 'individual' | 'collective';

/** A person taking the oath at a ceremony, for one appointment. */
export interface OathParticipant {
	/** The person. */
	personId: string;
	/** The appointment the oath is for. */
	appointmentId: string;
}

/** An oath ceremony record, as stored (a person's oath record is their row in `participants`). */
export interface OathCeremony {
	/** Stable id. */
	id: string;
	/** Individual (one person) or collective (one leads, others repeat). */
	form: OathForm;
	/** Date held. */
	date: IsoDate;
	/** Place. */
	place: string;
	/** Organising body (the appointing body). */
	organiser: string;
	/** Presider (主持人). */
	presiderId: string;
	/** Leader (领誓人), required for a collective oath; swears too, so is one of the participants. */
	leaderId?: string;
	/** Witness (监誓人). */
	witnessId?: string;
	/** Whether the national flag or emblem was displayed (the NPCSC decision requires one). */
	flagOrEmblemDisplayed: boolean;
	/** Whether the national anthem was played (the NPCSC decision requires it). */
	anthemPlayed: boolean;
	/** Oath text version used (e.g. `2018`). */
	textVersion: string;
	/** Who took the oath, for which appointment. */
	participants: OathParticipant[];
	/** Evidence notes: photos, video, minutes (references or text). */
	evidence: string[];
}

/**
 * Checks a ceremony record. Errors: missing fields, a collective oath without a leader or with a
 * leader who is not among the people taking the oath (the leader swears too), an individual oath with
 * several people, an unknown appointment, an oath dated before the appointment, an unknown text version
 * or one not in force on the ceremony date. Warnings: no witness, no flag or emblem, no anthem, no
 * evidence, a participant whose appointing body need not swear under the policy.
 *
 * @param ceremony - the ceremony
 * @param appointments - the participants' appointments
 * @param policy - the oath settings (default {@link DEFAULT_OATH_POLICY})
 * @param texts - oath texts (default {@link OATH_TEXTS})
 * @returns errors and warnings with paths
 * @example
 * const v = validateOathCeremony(ceremony, appointments);
 */
export function validateOathCeremony(
	ceremony: OathCeremony,
	appointments: readonly Appointment[],
	policy: Pick<OathPolicy, 'mustSwear'> = DEFAULT_OATH_POLICY,
	texts: readonly OathText[] = OATH_TEXTS
): ValidationResult {
	const errors: Issue[] = [];
	const warnings: Issue[] = [];
	if (ceremony.form !== 'individual' && ceremony.form !== 'collective') {
		errors.push({ code: 'oath.form.unknown', path: 'form', data: { form: ceremony.form } });
	}
	const dateOk = isIsoDate(ceremony.date);
	if (!dateOk)
		errors.push({ code: 'oath.date.invalid', path: 'date', data: { date: ceremony.date } });
	if (!ceremony.place?.trim()) errors.push({ code: 'oath.place.empty', path: 'place' });
	if (!ceremony.organiser?.trim()) errors.push({ code: 'oath.organiser.empty', path: 'organiser' });
	if (!ceremony.presiderId) errors.push({ code: 'oath.presider.missing', path: 'presiderId' });
	if (ceremony.form === 'collective' && !ceremony.leaderId)
		errors.push({ code: 'oath.leader.missing', path: 'leaderId' });
	else if (
		ceremony.form === 'collective' &&
		!ceremony.participants.some((p) => p.personId === ceremony.leaderId)
	)
		errors.push({ code: 'oath.leader.not_participant', path: 'leaderId' });
	if (ceremony.participants.length === 0)
		errors.push({ code: 'oath.participants.empty', path: 'participants' });
	if (ceremony.form === 'individual' && ceremony.participants.length > 1) {
		errors.push({
			code: 'oath.individual.several',
			path: 'participants',
			data: { count: ceremony.participants.length }
		});
	}
	const text = texts.find((t) => t.version === ceremony.textVersion);
	if (!text)
		errors.push({
			code: 'oath.text.unknown',
			path: 'textVersion',
			data: { version: ceremony.textVersion }
		});
	else if (dateOk) {
		const inForce = oathTextInForce(ceremony.date, texts);
		if (inForce?.version !== text.version) {
			errors.push({
				code: 'oath.text.not_in_force',
				path: 'textVersion',
				data: { version: text.version, date: ceremony.date, inForce: inForce?.version ?? '' }
			});
		}
	}
	const byId = new Map(appointments.map((a) => [a.id, a]));
	const seen = new Set<string>();
	ceremony.participants.forEach((p, i) => {
		const path = `participants.${i}`;
		const a = byId.get(p.appointmentId);
		if (seen.has(p.appointmentId))
			errors.push({
				code: 'oath.participant.duplicate',
				path,
				data: { appointmentId: p.appointmentId }
			});
		seen.add(p.appointmentId);
		if (!a || a.personId !== p.personId) {
			errors.push({
				code: 'oath.appointment.unknown',
				path,
				data: { personId: p.personId, appointmentId: p.appointmentId }
			});
		} else {
			if (dateOk && ceremony.date < a.appointedOn)
				errors.push({
					code: 'oath.date.before_appointment',
					path,
					data: { date: ceremony.date, appointedOn: a.appointedOn, personId: p.personId }
				});
			const need = oathRequirement(a.appointingBody, policy);
			if (!need.required)
				warnings.push({
					...need.reason,
					path,
					data: { ...need.reason.data, personId: p.personId }
				});
		}
	});
	if (!ceremony.witnessId) warnings.push({ code: 'oath.witness.missing', path: 'witnessId' });
	if (!ceremony.flagOrEmblemDisplayed)
		warnings.push({ code: 'oath.flag_or_emblem.missing', path: 'flagOrEmblemDisplayed' });
	if (!ceremony.anthemPlayed) warnings.push({ code: 'oath.anthem.missing', path: 'anthemPlayed' });
	if (ceremony.evidence.length === 0)
		warnings.push({ code: 'oath.evidence.missing', path: 'evidence' });
	return result(errors, warnings);
}

/**
 * The last day to take the oath for an appointment.
 *
 * @param appointedOn - the appointment date
 * @param policy - the deadline rule
 * @param calendar - the working-day calendar (used for `working` days)
 * @returns the last allowed day (inclusive)
 * @example
 * oathDeadline('2025-09-26', { days: 15, unit: 'working' }, CN_CALENDAR); // → '2025-10-23'
 */
export function oathDeadline(
	appointedOn: IsoDate,
	policy: OathDeadlinePolicy,
	calendar: WorkingDayCalendar
): IsoDate {
	return policy.unit === 'working'
		? addWorkingDays(calendar, appointedOn, policy.days)
		: addDays(appointedOn, policy.days);
}

/**
 * Where an appointment stands with its oath: `not_required` (the appointing body need not swear and
 * no oath is on record), `due` (deadline not passed), `overdue`, or `done` (a ceremony on or after the
 * appointment lists it, possibly `late`).
 */
export type OathStatus =
	| {
			/** The policy does not require an oath for this appointing body. */
			state: 'not_required';
			/** The appointing body. */
			body: AppointingBody;
	  }
	| {
			/** Not yet sworn. */
			state: 'due' | 'overdue';
			/** The last allowed day. */
			deadline: IsoDate;
			/** Days from today to the deadline (negative when overdue). */
			daysLeft: number;
	  }
	| {
			/** Sworn. */
			state: 'done';
			/** The last allowed day. */
			deadline: IsoDate;
			/** The ceremony. */
			ceremonyId: string;
			/** The ceremony date. */
			takenOn: IsoDate;
			/** Sworn after the deadline. */
			late: boolean;
	  };

/**
 * The oath state of one appointment: done when a ceremony on or after the appointment (and not after
 * today) lists it; otherwise not required when the policy exempts the appointing body, else due or
 * overdue against the deadline the policy sets.
 *
 * @param appointment - the appointment
 * @param ceremonies - ceremony records (any order)
 * @param today - the day (Asia/Shanghai)
 * @param policy - the oath settings (who must swear, the deadline)
 * @param calendar - the working-day calendar
 * @returns the state, deadline and ceremony
 * @example
 * oathStatus(appointment, ceremonies, shanghaiDate(now), DEFAULT_OATH_POLICY, CN_CALENDAR).state;
 */
export function oathStatus(
	appointment: Appointment,
	ceremonies: readonly OathCeremony[],
	today: IsoDate,
	policy: OathPolicy,
	calendar: WorkingDayCalendar
): OathStatus {
	const deadline = oathDeadline(appointment.appointedOn, policy, calendar);
	const done = ceremonies
		.filter(
			(c) =>
				c.date >= appointment.appointedOn &&
				c.date <= today &&
				c.participants.some(
					(p) => p.appointmentId === appointment.id && p.personId === appointment.personId
				)
		)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))[0];
	if (done)
		return {
			state: 'done',
			deadline,
			ceremonyId: done.id,
			takenOn: done.date,
			late: done.date > deadline
		};
	if (!oathRequirement(appointment.appointingBody, policy).required)
		return { state: 'not_required', body: appointment.appointingBody };
	const daysLeft = diffDays(today, deadline);
	return { state: daysLeft < 0 ? 'overdue' : 'due', deadline, daysLeft };
}
