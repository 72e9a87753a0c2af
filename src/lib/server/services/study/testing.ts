/** A district with a leadership team, for the study programme's tests. */
import type { Db } from '../../db/index.ts';
import { policySetting } from '../../db/schema/index.ts';
import { ctxFor, district, makeUser } from '../../testing/factories.ts';
import { addTeamMembers, createTeam } from './teams.ts';

/** 2026-03-02 is a Monday; the study tests run in March 2026 unless they say otherwise. */
export const MONDAY = new Date('2026-03-02T08:00:00+08:00');

export async function studyDistrict(db: Db, now = MONDAY) {
	const d = await district(db);
	const organiser = await makeUser(db, d.a.id, [['organiser', d.root.id]]);
	const street = await makeUser(db, d.b.id, [['organiser', d.b.id]]);
	const hr = await makeUser(db, d.root.id, [['hr', d.root.id]]);
	const leaders = [
		await makeUser(db, d.root.id),
		await makeUser(db, d.a.id),
		await makeUser(db, d.b.id)
	];
	const outsider = await makeUser(db, d.a1.id);
	const ctx = {
		organiser: await ctxFor(db, organiser.user.id, now),
		street: await ctxFor(db, street.user.id, now),
		hr: await ctxFor(db, hr.user.id, now),
		admin: await ctxFor(db, d.admin.user.id, now),
		leader: await ctxFor(db, leaders[0]!.user.id, now),
		outsider: await ctxFor(db, outsider.user.id, now)
	};
	const teamId = await createTeam(ctx.organiser, {
		unitId: d.root.id,
		name: '区政府领导班子',
		description: ''
	});
	await addTeamMembers(ctx.organiser, {
		teamId,
		employeeNos: leaders.map((l) => l.person.employeeNo)
	});
	return { d, ctx, teamId, leaders, outsider, organiser };
}

/** The same user at another instant. */
export const at = <C extends { now: Date }>(ctx: C, iso: string): C => ({
	...ctx,
	now: new Date(iso)
});

export async function setPolicy(db: Db, key: string, value: unknown) {
	await db
		.insert(policySetting)
		.values({ key, value, updatedAt: new Date() })
		.onConflictDoUpdate({ target: policySetting.key, set: { value } });
}
