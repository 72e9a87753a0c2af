import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import type { AppointingBody, GateLog } from '@xuefa/core';
import { APPOINTMENT_ROUTES } from '../../../schemas/enums.ts';
import {
	APPOINTING_BODIES,
	CASE_STATES,
	GATE_PURPOSES,
	OATH_FORMS
} from '../../../schemas/hr-enums.ts';
import { user } from './auth.ts';
import { sitting } from './exams.ts';
import { person } from './org.ts';

export { CASE_STATES, GATE_PURPOSES, OATH_FORMS };

/**
 * 拟任: a promotion case. Dates are Asia/Shanghai days (YYYY-MM-DD). The case is scoped by its
 * candidate's unit; `gateAllowed` is the last gate outcome, so that a change of outcome is audited
 * once, not every time the page is looked at.
 */
export const promotionCase = sqliteTable(
	'promotion_case',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		personId: integer()
			.notNull()
			.references(() => person.id),
		proposedPost: text().notNull(),
		leadingPost: integer({ mode: 'boolean' }).notNull(),
		appointmentRoute: text({ enum: APPOINTMENT_ROUTES }).notNull(),
		appointingBody: text({ enum: APPOINTING_BODIES }).notNull().$type<AppointingBody>(),
		nominatedOn: text(),
		publicNoticeOn: text(),
		publicNoticeEndsOn: text(),
		plannedOn: text(),
		state: text({ enum: CASE_STATES }).notNull().default('open'),
		/** Why it was withdrawn or postponed. */
		stateReason: text(),
		stateChangedAt: integer({ mode: 'timestamp_ms' }),
		gateAllowed: integer({ mode: 'boolean' }),
		openedBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// a person's cases (the case list filters by the candidate's unit through person)
	(t) => [index('promotion_case_person_idx').on(t.personId, t.state)]
);

/** The pre-appointment sittings HR put the candidate on for a case: attempts there count for it. */
export const promotionCaseSitting = sqliteTable(
	'promotion_case_sitting',
	{
		caseId: integer()
			.notNull()
			.references(() => promotionCase.id),
		sittingId: integer()
			.notNull()
			.references(() => sitting.id),
		assignedBy: integer().references(() => user.id),
		assignedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.caseId, t.sittingId] })]
);

/** A claim that the candidate is exempt from the exam, with the document that grounds it. */
export const exemptionClaim = sqliteTable(
	'exemption_claim',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		caseId: integer()
			.notNull()
			.references(() => promotionCase.id),
		kind: text().notNull(),
		documentName: text().notNull(),
		documentNumber: text().notNull().default(''),
		documentDate: text().notNull(),
		recordedBy: integer().references(() => user.id),
		recordedOn: text().notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// a case's claims
	(t) => [index('exemption_claim_case_idx').on(t.caseId)]
);

/** Every gate check shown or used: exactly what the core read and decided (replayable). */
export const gateCheck = sqliteTable(
	'gate_check',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		caseId: integer()
			.notNull()
			.references(() => promotionCase.id),
		purpose: text({ enum: GATE_PURPOSES }).notNull(),
		allowed: integer({ mode: 'boolean' }).notNull(),
		log: text({ mode: 'json' }).notNull().$type<GateLog>(),
		checkedBy: integer().references(() => user.id),
		checkedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// a case's checks, newest first
	(t) => [index('gate_check_case_idx').on(t.caseId, t.checkedAt)]
);

/** 任命: an appointment, recorded from a case whose gate allowed it; the oath is due from it. */
export const appointment = sqliteTable(
	'appointment',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		personId: integer()
			.notNull()
			.references(() => person.id),
		caseId: integer().references(() => promotionCase.id),
		post: text().notNull(),
		appointingBody: text({ enum: APPOINTING_BODIES }).notNull().$type<AppointingBody>(),
		appointedOn: text().notNull(),
		/** The gate check that allowed it. */
		gateCheckId: integer().references(() => gateCheck.id),
		recordedBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		// one appointment per case
		uniqueIndex('appointment_case_idx').on(t.caseId),
		// the oath register, by date
		index('appointment_date_idx').on(t.appointedOn)
	]
);

/**
 * HR's review of an appointment whose exam evidence lapsed (the pass it relied on voided or
 * regraded afterwards): what HR concluded or did. It covers that one change of that one pass
 * (`attemptId`, `lapsedAt`, the time of the change): a later change flags the case again.
 */
export const lapseReview = sqliteTable(
	'lapse_review',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		caseId: integer()
			.notNull()
			.references(() => promotionCase.id),
		attemptId: integer().notNull(),
		lapsedAt: integer({ mode: 'timestamp_ms' }).notNull(),
		note: text().notNull(),
		reviewedBy: integer()
			.notNull()
			.references(() => user.id),
		reviewedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// a case's reviews
	(t) => [index('lapse_review_case_idx').on(t.caseId)]
);

/** 宪法宣誓: a ceremony, individual or collective, as the NPCSC decision asks it to be recorded. */
export const oathCeremony = sqliteTable(
	'oath_ceremony',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		form: text({ enum: OATH_FORMS }).notNull(),
		date: text().notNull(),
		place: text().notNull(),
		organiser: text().notNull(),
		presiderId: integer()
			.notNull()
			.references(() => person.id),
		leaderId: integer().references(() => person.id),
		witnessId: integer().references(() => person.id),
		flagOrEmblemDisplayed: integer({ mode: 'boolean' }).notNull(),
		anthemPlayed: integer({ mode: 'boolean' }).notNull(),
		textVersion: text().notNull(),
		/** References to photos, video, minutes: one per line. */
		evidence: text({ mode: 'json' }).notNull().$type<string[]>(),
		notes: text().notNull().default(''),
		recordedBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// the register lists ceremonies by date
	(t) => [index('oath_ceremony_date_idx').on(t.date)]
);

/** Who swore at a ceremony, for which appointment (one oath per appointment). */
export const oathParticipant = sqliteTable(
	'oath_participant',
	{
		ceremonyId: integer()
			.notNull()
			.references(() => oathCeremony.id),
		personId: integer()
			.notNull()
			.references(() => person.id),
		appointmentId: integer()
			.notNull()
			.references(() => appointment.id)
	},
	(t) => [
		primaryKey({ columns: [t.ceremonyId, t.appointmentId] }),
		// an appointment is sworn once
		uniqueIndex('oath_participant_appointment_idx').on(t.appointmentId)
	]
);
