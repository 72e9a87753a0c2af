import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
	AddTeamMembersInput,
	RemoveTeamMemberInput,
	TeamInput,
	UpdateTeamInput
} from '$lib/schemas/study.ts';
import { authorize, authorizeAnywhere, can, inScope } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { person, studyTeam, studyTeamMember, unit } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { loadTeam } from './access.ts';

/** The teams of the units where the user may read the study programme. */
export async function listTeams(ctx: Ctx) {
	authorizeAnywhere(ctx, 'study.read');
	const rows = await ctx.db
		.select({
			id: studyTeam.id,
			name: studyTeam.name,
			description: studyTeam.description,
			unitId: unit.id,
			unitName: unit.name,
			unitPath: unit.path
		})
		.from(studyTeam)
		.innerJoin(unit, eq(unit.id, studyTeam.unitId))
		.where(inScope(ctx.user, 'study.read', unit.path))
		.orderBy(asc(unit.path), asc(studyTeam.name));
	const counts = await ctx.db
		.select({ teamId: studyTeamMember.teamId })
		.from(studyTeamMember)
		.where(
			inArray(
				studyTeamMember.teamId,
				rows.map((r) => r.id)
			)
		);
	return rows.map(({ unitPath, ...r }) => ({
		...r,
		members: counts.filter((c) => c.teamId === r.id).length,
		manage: can(ctx.user, 'study.manage', unitPath)
	}));
}

/** A team with its members (the roster of its sessions). */
export async function getTeam(ctx: Ctx, teamId: number) {
	const team = await loadTeam(ctx, teamId, 'study.read');
	const members = await ctx.db
		.select({
			personId: person.id,
			name: person.name,
			employeeNo: person.employeeNo,
			position: person.position,
			unitId: unit.id,
			unitName: unit.name
		})
		.from(studyTeamMember)
		.innerJoin(person, eq(person.id, studyTeamMember.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(eq(studyTeamMember.teamId, teamId))
		.orderBy(asc(unit.path), asc(person.name));
	return { team, members, manage: can(ctx.user, 'study.manage', team.unitPath) };
}

const facts = (t: { unitId: number; name: string; description: string }) => ({
	unitId: t.unitId,
	name: t.name,
	description: t.description
});

export async function createTeam(ctx: Ctx, input: TeamInput): Promise<number> {
	await authorize(ctx, 'study.manage', input.unitId);
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(studyTeam)
			.values({ ...facts(input), createdAt: tx.now, updatedAt: tx.now })
			.returning({ id: studyTeam.id });
		await appendAudit(tx, {
			action: 'study_team.created',
			entityType: 'study_team',
			entityId: row!.id,
			unitId: input.unitId,
			after: facts(input)
		});
		return row!.id;
	});
}

export async function updateTeam(ctx: Ctx, input: UpdateTeamInput): Promise<void> {
	const before = await loadTeam(ctx, input.teamId, 'study.manage');
	if (input.unitId !== before.unitId) await authorize(ctx, 'study.manage', input.unitId);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studyTeam)
			.set({ ...facts(input), updatedAt: tx.now })
			.where(eq(studyTeam.id, input.teamId));
		await appendAudit(tx, {
			action: 'study_team.updated',
			entityType: 'study_team',
			entityId: input.teamId,
			unitId: input.unitId,
			before: facts(before),
			after: facts(input)
		});
	});
}

/**
 * Adds people by 工号. Each must work in a unit where the user manages the study programme (a
 * district organiser builds the district's leadership team from every bureau); any number that is
 * unknown or out of scope refuses the whole list, naming them.
 */
export async function addTeamMembers(ctx: Ctx, input: AddTeamMembersInput): Promise<number> {
	const team = await loadTeam(ctx, input.teamId, 'study.manage');
	const found = await ctx.db
		.select({ id: person.id, employeeNo: person.employeeNo, unitPath: unit.path })
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(inArray(person.employeeNo, input.employeeNos));
	const usable = found.filter((p) => can(ctx.user, 'study.manage', p.unitPath));
	const missing = input.employeeNos.filter((no) => !usable.some((p) => p.employeeNo === no));
	if (missing.length > 0) {
		throw new InvalidInputError(
			{ employeeNos: ['study_team_unknown_people'] },
			'study_team_unknown_people_list',
			{ numbers: missing.slice(0, 20) }
		);
	}
	return transact(ctx, async (tx) => {
		const added = await tx.db
			.insert(studyTeamMember)
			.values(usable.map((p) => ({ teamId: team.id, personId: p.id, addedAt: tx.now })))
			.onConflictDoNothing()
			.returning({ personId: studyTeamMember.personId });
		if (added.length > 0) {
			await appendAudit(tx, {
				action: 'study_team.members_added',
				entityType: 'study_team',
				entityId: team.id,
				unitId: team.unitId,
				after: { personIds: added.map((a) => a.personId) }
			});
		}
		return added.length;
	});
}

export async function removeTeamMember(ctx: Ctx, input: RemoveTeamMemberInput): Promise<void> {
	const team = await loadTeam(ctx, input.teamId, 'study.manage');
	await transact(ctx, async (tx) => {
		const gone = await tx.db
			.delete(studyTeamMember)
			.where(and(eq(studyTeamMember.teamId, team.id), eq(studyTeamMember.personId, input.personId)))
			.returning({ personId: studyTeamMember.personId });
		if (gone.length === 0) return;
		await appendAudit(tx, {
			action: 'study_team.member_removed',
			entityType: 'study_team',
			entityId: team.id,
			unitId: team.unitId,
			before: { personId: input.personId }
		});
	});
}
