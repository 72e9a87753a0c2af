/**
 * The constitutional oath register: every appointment of the user's units with its oath state from
 * the core (due, overdue, done, not required; the deadline from the policy, in working days through
 * the district's calendar when the policy says so), and the ceremonies, validated by the core.
 */
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import {
	type Appointment,
	type Issue,
	type OathCeremony,
	OATH_TEXTS,
	oathStatus,
	oathTextInForce,
	shanghaiDate,
	validateOathCeremony
} from '@xuefa/core';
import type { CeremonyInput, RemoveCeremonyInput } from '$lib/schemas/hr.ts';
import { authorizeAnywhere, can, canAnywhere, inScope } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { appointment, oathCeremony, oathParticipant, person, unit } from '../../db/schema/index.ts';
import { coreMessage, issueFields } from '../../core-messages.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { workingDayCalendar } from '../calendar/load.ts';
import { readOathPolicy } from './policy.ts';

type CeremonyRow = typeof oathCeremony.$inferSelect;

/** Ceremonies in the core's shape, with their participants. */
export async function coreCeremonies(
	db: ReadDb,
	rows: readonly CeremonyRow[]
): Promise<OathCeremony[]> {
	if (rows.length === 0) return [];
	const people = await db
		.select()
		.from(oathParticipant)
		.where(
			inArray(
				oathParticipant.ceremonyId,
				rows.map((r) => r.id)
			)
		);
	return rows.map((r) =>
		toCore(
			r,
			people.filter((p) => p.ceremonyId === r.id)
		)
	);
}

function toCore(
	r: Omit<CeremonyRow, 'id'> & { id: number | string },
	people: readonly { personId: number; appointmentId: number }[]
): OathCeremony {
	return {
		id: String(r.id),
		form: r.form,
		date: r.date,
		place: r.place,
		organiser: r.organiser,
		presiderId: String(r.presiderId),
		...(r.leaderId !== null ? { leaderId: String(r.leaderId) } : {}),
		...(r.witnessId !== null ? { witnessId: String(r.witnessId) } : {}),
		flagOrEmblemDisplayed: r.flagOrEmblemDisplayed,
		anthemPlayed: r.anthemPlayed,
		textVersion: r.textVersion,
		participants: people.map((p) => ({
			personId: String(p.personId),
			appointmentId: String(p.appointmentId)
		})),
		evidence: r.evidence
	};
}

export type AppointmentRow = typeof appointment.$inferSelect;
/** An appointment in the core's shape. */
export const coreAppointment = (a: AppointmentRow): Appointment => ({
	id: String(a.id),
	personId: String(a.personId),
	post: a.post,
	appointedOn: a.appointedOn,
	appointingBody: a.appointingBody
});

/** A person's appointments, newest first (their record, the API). */
export function personAppointments(db: ReadDb, personId: number) {
	return db
		.select()
		.from(appointment)
		.where(eq(appointment.personId, personId))
		.orderBy(desc(appointment.appointedOn), desc(appointment.id));
}

/**
 * The oath state of each appointment (the core's `oathStatus` under the oath policy, through the
 * working-day calendar), with the ceremonies that swore them: the register, a person's record and
 * the API read the same.
 */
export async function oathStates(db: ReadDb, appointments: readonly AppointmentRow[], now: Date) {
	const sworn = appointments.length
		? await db
				.select({ ceremonyId: oathParticipant.ceremonyId })
				.from(oathParticipant)
				.where(
					inArray(
						oathParticipant.appointmentId,
						appointments.map((a) => a.id)
					)
				)
		: [];
	const ceremonyRows = sworn.length
		? await db
				.select()
				.from(oathCeremony)
				.where(
					inArray(
						oathCeremony.id,
						sworn.map((s) => s.ceremonyId)
					)
				)
		: [];
	const ceremonies = await coreCeremonies(db, ceremonyRows);
	const policy = await readOathPolicy(db);
	const calendar = await workingDayCalendar(db);
	const today = shanghaiDate(now);
	const byId = new Map(
		appointments.map((a) => [
			a.id,
			oathStatus(coreAppointment(a), ceremonies, today, policy, calendar)
		])
	);
	return {
		ceremonies: ceremonyRows,
		policy,
		of: (appointmentId: number) => byId.get(appointmentId)!
	};
}

/**
 * The register: each appointment of the user's units with its oath state, overdue first, then due
 * by deadline, then the sworn and those who need not swear; and the ceremonies, newest first.
 */
export async function oathRegister(ctx: Ctx) {
	authorizeAnywhere(ctx, 'promotion.read');
	const rows = await ctx.db
		.select({
			a: appointment,
			name: person.name,
			employeeNo: person.employeeNo,
			unitName: unit.name
		})
		.from(appointment)
		.innerJoin(person, eq(person.id, appointment.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(inScope(ctx.user, 'promotion.read', unit.path))
		.orderBy(desc(appointment.appointedOn));
	const states = await oathStates(
		ctx.db,
		rows.map((r) => r.a),
		ctx.now
	);
	const { policy, ceremonies: ceremonyRows } = states;
	const today = shanghaiDate(ctx.now);
	const order = { overdue: 0, due: 1, done: 2, not_required: 3 } as const;
	const register = rows
		.map((r) => ({
			id: r.a.id,
			personId: r.a.personId,
			name: r.name,
			employeeNo: r.employeeNo,
			unitName: r.unitName,
			post: r.a.post,
			appointingBody: r.a.appointingBody,
			appointedOn: r.a.appointedOn,
			caseId: r.a.caseId,
			status: states.of(r.a.id)
		}))
		.sort(
			(x, y) =>
				order[x.status.state] - order[y.status.state] ||
				('deadline' in x.status && 'deadline' in y.status
					? x.status.deadline.localeCompare(y.status.deadline)
					: 0)
		);
	return {
		register,
		policy,
		today,
		ceremonies: [...ceremonyRows].sort((x, y) => y.date.localeCompare(x.date) || y.id - x.id),
		texts: OATH_TEXTS.map((t) => ({ version: t.version, text: t.text, source: t.source })),
		inForce: oathTextInForce(today)?.version ?? null,
		manage: canAnywhere(ctx.user, 'oath.manage')
	};
}

/** The overdue oaths of the user's units, for HR's home page (null when the user is not HR). */
export async function overdueOaths(ctx: Ctx) {
	if (!canAnywhere(ctx.user, 'promotion.read')) return null;
	const { register } = await oathRegister(ctx);
	return register.filter((r) => r.status.state === 'overdue');
}

/**
 * The presider or witness, by employee number: any active person, not only of the user's units. The
 * appointing body holds the ceremony, so its presider is usually a leader of that body (the people's
 * congress standing committee's chair for its appointees, the government's head for its own), whom
 * HR of a bureau or a street does not manage.
 */
async function officialByNo(ctx: Ctx, employeeNo: string) {
	const [p] = await ctx.db
		.select({ id: person.id })
		.from(person)
		.where(and(eq(person.employeeNo, employeeNo), eq(person.status, 'active')));
	return p?.id;
}

/**
 * The form field a core ceremony issue belongs to. The core files a date before an appointment under
 * that participant, but what HR corrects is the date: the message shows beside the date field.
 */
function fieldOfIssue(path: string, issue: Issue): string {
	if (issue.code === 'oath.date.before_appointment') return 'date';
	if (path.startsWith('participants')) return 'appointmentIds';
	return (
		{ presiderId: 'presiderNo', witnessId: 'witnessNo', leaderId: 'leaderAppointmentId' }[path] ??
		path
	);
}

/**
 * Records a ceremony held on or before today: the appointments sworn (of the user's units, not sworn
 * before), the leader among them for a collective oath; refused with the core's reasons when the
 * record is not valid.
 */
export async function recordCeremony(ctx: Ctx, input: CeremonyInput): Promise<number> {
	authorizeAnywhere(ctx, 'oath.manage');
	// a ceremony still to come would count the appointee as sworn, and block the real record later
	if (input.date > shanghaiDate(ctx.now))
		throw new InvalidInputError({ date: ['err_hr_oath_future'] });
	const appointed = await ctx.db
		.select({ a: appointment, path: unit.path, unitId: unit.id })
		.from(appointment)
		.innerJoin(person, eq(person.id, appointment.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(inArray(appointment.id, input.appointmentIds));
	if (appointed.length !== new Set(input.appointmentIds).size)
		throw new InvalidInputError({ appointmentIds: ['err_hr_oath_unknown_appointment'] });
	// one of another unit is refused as one that does not exist: the answer does not tell them apart
	if (appointed.some((r) => !can(ctx.user, 'oath.manage', r.path)))
		throw new InvalidInputError({ appointmentIds: ['err_hr_oath_unknown_appointment'] });
	const presiderId = await officialByNo(ctx, input.presiderNo);
	if (presiderId === undefined)
		throw new InvalidInputError({ presiderNo: ['err_hr_oath_unknown_official'] });
	const witnessId = input.witnessNo ? await officialByNo(ctx, input.witnessNo) : null;
	if (witnessId === undefined)
		throw new InvalidInputError({ witnessNo: ['err_hr_oath_unknown_official'] });
	// a leader chosen for an individual oath means the form was left at its default by mistake:
	// dropping the leader silently would record a collective ceremony as individual
	if (input.form === 'individual' && input.leaderAppointmentId !== undefined)
		throw new InvalidInputError({ leaderAppointmentId: ['err_hr_oath_individual_leader'] });
	const leader = appointed.find((r) => r.a.id === input.leaderAppointmentId);
	const leaderId = input.form === 'collective' ? (leader?.a.personId ?? null) : null;
	const record = {
		form: input.form,
		date: input.date,
		place: input.place,
		organiser: input.organiser,
		presiderId,
		leaderId,
		witnessId,
		flagOrEmblemDisplayed: input.flagOrEmblemDisplayed,
		anthemPlayed: input.anthemPlayed,
		textVersion: input.textVersion,
		evidence: input.evidence,
		notes: input.notes
	};
	const people = appointed.map((r) => ({ personId: r.a.personId, appointmentId: r.a.id }));
	const check = validateOathCeremony(
		toCore({ ...record, id: 'new', recordedBy: null, createdAt: ctx.now }, people),
		appointed.map((r) => coreAppointment(r.a)),
		await readOathPolicy(ctx.db)
	);
	if (!check.ok) throw new InvalidInputError(issueFields(check.errors, fieldOfIssue));
	return transact(ctx, async (tx) => {
		const already = await tx.db
			.select({ id: oathParticipant.appointmentId })
			.from(oathParticipant)
			.where(inArray(oathParticipant.appointmentId, input.appointmentIds));
		if (already.length > 0) throw new ConflictError('err_hr_oath_already');
		const [row] = await tx.db
			.insert(oathCeremony)
			.values({ ...record, recordedBy: ctx.user.id, createdAt: ctx.now })
			.returning({ id: oathCeremony.id });
		await tx.db.insert(oathParticipant).values(people.map((p) => ({ ...p, ceremonyId: row!.id })));
		await appendAudit(tx, {
			action: 'oath.recorded',
			entityType: 'oath_ceremony',
			entityId: row!.id,
			unitId: appointed[0]!.unitId,
			after: {
				form: input.form,
				date: input.date,
				place: input.place,
				organiser: input.organiser,
				personIds: people.map((p) => p.personId),
				textVersion: input.textVersion,
				flagOrEmblemDisplayed: input.flagOrEmblemDisplayed,
				anthemPlayed: input.anthemPlayed
			}
		});
		return row!.id;
	});
}

/**
 * One ceremony as its printable record shows it, with the core's warnings (no witness, no anthem …).
 * A collective ceremony may swear people of several units: HR sees the names of those of its own
 * units and only how many others swore; HR of none of them is told there is no such ceremony.
 */
export async function ceremonyRecord(ctx: Ctx, ceremonyId: number) {
	authorizeAnywhere(ctx, 'promotion.read');
	const [c] = await ctx.db.select().from(oathCeremony).where(eq(oathCeremony.id, ceremonyId));
	if (!c) throw new NotFoundError();
	const participants = await ctx.db
		.select({
			personId: oathParticipant.personId,
			appointmentId: oathParticipant.appointmentId,
			a: appointment,
			name: person.name,
			unitName: unit.name,
			path: unit.path
		})
		.from(oathParticipant)
		.innerJoin(appointment, eq(appointment.id, oathParticipant.appointmentId))
		.innerJoin(person, eq(person.id, oathParticipant.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(eq(oathParticipant.ceremonyId, c.id));
	const shown = participants.filter((p) => can(ctx.user, 'promotion.read', p.path));
	if (shown.length === 0) throw new NotFoundError();
	// removed only by who may record the oath of every person it swore
	const removable =
		participants.length > 0 && participants.every((p) => can(ctx.user, 'oath.manage', p.path));
	// a leader of another unit is one of the others: named only to HR of their unit
	const leaderShown = shown.some((p) => p.personId === c.leaderId);
	const ids = [c.presiderId, leaderShown ? c.leaderId : null, c.witnessId].filter(
		(x): x is number => x !== null
	);
	const named = await ctx.db
		.select({ id: person.id, name: person.name })
		.from(person)
		.where(or(...ids.map((id) => eq(person.id, id))));
	const nameOf = (id: number | null) => named.find((p) => p.id === id)?.name ?? null;
	const check = validateOathCeremony(
		toCore(c, participants),
		participants.map((p) => coreAppointment(p.a)),
		await readOathPolicy(ctx.db)
	);
	return {
		ceremony: {
			...c,
			presider: nameOf(c.presiderId),
			leader: leaderShown ? nameOf(c.leaderId) : null,
			leaderElsewhere: c.leaderId !== null && !leaderShown,
			witness: nameOf(c.witnessId)
		},
		text: OATH_TEXTS.find((t) => t.version === c.textVersion) ?? null,
		participants: shown.map((p) => ({
			name: p.name,
			unitName: p.unitName,
			post: p.a.post,
			appointedOn: p.a.appointedOn,
			leader: p.personId === c.leaderId
		})),
		/** How many people of units outside the user's swore at it too. */
		others: participants.length - shown.length,
		warnings: check.warnings.map((w) => coreMessage(w.code, w.data ?? {})),
		removable,
		printedAt: ctx.now.getTime()
	};
}

/**
 * Removes a ceremony recorded in error, with the reason: the appointments it swore are due (or
 * overdue) again, to be recorded as they were sworn. For who may record the oath of every person
 * it swore; the audit keeps the whole record.
 */
export async function removeCeremony(ctx: Ctx, input: RemoveCeremonyInput): Promise<void> {
	authorizeAnywhere(ctx, 'oath.manage');
	await transact(ctx, async (tx) => {
		const [c] = await tx.db
			.select()
			.from(oathCeremony)
			.where(eq(oathCeremony.id, input.ceremonyId));
		// removed already (sent twice, or from a page opened before)
		if (!c) throw new NotFoundError();
		const participants = await tx.db
			.select({
				personId: oathParticipant.personId,
				appointmentId: oathParticipant.appointmentId,
				unitId: unit.id,
				path: unit.path
			})
			.from(oathParticipant)
			.innerJoin(person, eq(person.id, oathParticipant.personId))
			.innerJoin(unit, eq(unit.id, person.unitId))
			.where(eq(oathParticipant.ceremonyId, c.id));
		// a ceremony of none of the user's units is answered as one that does not exist
		if (!participants.some((p) => can(ctx.user, 'promotion.read', p.path)))
			throw new NotFoundError();
		if (!participants.every((p) => can(ctx.user, 'oath.manage', p.path)))
			throw new ForbiddenError();
		await tx.db.delete(oathParticipant).where(eq(oathParticipant.ceremonyId, c.id));
		await tx.db.delete(oathCeremony).where(eq(oathCeremony.id, c.id));
		await appendAudit(tx, {
			action: 'oath.removed',
			entityType: 'oath_ceremony',
			entityId: c.id,
			unitId: participants[0]?.unitId ?? null,
			before: {
				form: c.form,
				date: c.date,
				place: c.place,
				organiser: c.organiser,
				personIds: participants.map((p) => p.personId),
				appointmentIds: participants.map((p) => p.appointmentId),
				presiderId: c.presiderId,
				leaderId: c.leaderId,
				witnessId: c.witnessId,
				textVersion: c.textVersion,
				flagOrEmblemDisplayed: c.flagOrEmblemDisplayed,
				anthemPlayed: c.anthemPlayed,
				evidence: c.evidence,
				notes: c.notes
			},
			after: { reason: input.reason }
		});
	});
}
