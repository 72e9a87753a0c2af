/**
 * The demo district's HR work, entered through the same services as HR would: a case the gate blocks
 * (no exam yet), a case an exemption lets through (法律职业资格, with its certificate), and a
 * congress appointment recorded a few days ago whose oath is due.
 */
import { and, eq } from 'drizzle-orm';
import { addDays, shanghaiDate } from '@xuefa/core';
import { caseInput } from '$lib/schemas/hr.ts';
import { loadSessionUser } from '../auth/session-user.ts';
import type { Ctx } from '../context.ts';
import type { Tx } from '../db/index.ts';
import { person, unit, user } from '../db/schema/index.ts';
import { recordAppointment } from '../services/hr/case-actions.ts';
import { addExemption } from '../services/hr/case-exemptions.ts';
import { openCase } from '../services/hr/cases.ts';

/** The employee number of the (non-demo-login) person holding `position` in `unitName`. */
async function holder(db: Tx, unitName: string, position: string) {
	const [row] = await db
		.select({ employeeNo: person.employeeNo })
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.innerJoin(user, eq(user.personId, person.id))
		.where(
			and(
				eq(unit.name, unitName),
				eq(person.position, position),
				eq(user.username, person.employeeNo)
			)
		)
		.limit(1);
	return row!.employeeNo;
}

export async function seedDemoHr(db: Tx, now: Date) {
	const [hr] = await db.select().from(user).where(eq(user.username, 'hr'));
	const ctx: Ctx = { db, user: (await loadSessionUser(db, hr!.id))!, now };
	const today = shanghaiDate(now);
	const day = (n: number) => addDays(today, n);

	await openCase(
		ctx,
		caseInput.parse({
			employeeNo: await holder(db, '区市场监督管理局', '法规科科长'),
			proposedPost: '区市场监督管理局副局长',
			leadingPost: 'on',
			appointingBody: 'government',
			nominatedOn: day(-14),
			publicNoticeOn: day(-6),
			publicNoticeEndsOn: day(-2),
			plannedOn: day(14)
		})
	);

	const exempt = await openCase(
		ctx,
		caseInput.parse({
			employeeNo: await holder(db, '区政府办公室', '秘书科科长'),
			proposedPost: '区政府办公室副主任',
			leadingPost: 'on',
			appointingBody: 'government',
			nominatedOn: day(-10),
			publicNoticeOn: day(-4),
			plannedOn: day(10)
		})
	);
	await addExemption(ctx, {
		caseId: exempt,
		kind: 'legal_profession_qualification',
		documentName: '法律职业资格证书',
		documentNumber: 'A20193201000123',
		documentDate: '2019-12-20'
	});

	const congress = await openCase(
		ctx,
		caseInput.parse({
			employeeNo: await holder(db, '区司法局', '副局长'),
			proposedPost: '区司法局局长',
			leadingPost: 'on',
			appointingBody: 'standing_committee',
			nominatedOn: day(-30),
			publicNoticeOn: day(-20),
			publicNoticeEndsOn: day(-14)
		})
	);
	await recordAppointment(ctx, { caseId: congress, appointedOn: day(-5), confirmed: 'yes' });
}
