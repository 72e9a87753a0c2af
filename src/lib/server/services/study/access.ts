import { and, eq } from 'drizzle-orm';
import { can, canAnywhere } from '../../authz/index.ts';
import type { Permission } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import {
	studyPlan,
	studyPlanItem,
	studySchedule,
	studySession,
	studyTeam,
	studyTeamMember,
	unit
} from '../../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';

export type StudyPermission = Extract<Permission, 'study.manage' | 'study.read'>;

/**
 * Throws unless the user may do `permission` on the unit at `unitPath`. A record that does not exist
 * (`unitPath` undefined) is not found to someone who has the permission somewhere, forbidden to
 * anyone else, so that ids cannot be probed.
 */
export function checkScope(ctx: Ctx, permission: Permission, unitPath: string | undefined): string {
	if (unitPath === undefined) {
		if (canAnywhere(ctx.user, permission)) throw new NotFoundError();
		throw new ForbiddenError();
	}
	if (!can(ctx.user, permission, unitPath)) throw new ForbiddenError();
	return unitPath;
}

export async function loadTeam(ctx: Ctx, teamId: number, permission: StudyPermission) {
	const [row] = await ctx.db
		.select({ team: studyTeam, unitName: unit.name, unitPath: unit.path })
		.from(studyTeam)
		.innerJoin(unit, eq(unit.id, studyTeam.unitId))
		.where(eq(studyTeam.id, teamId));
	checkScope(ctx, permission, row?.unitPath);
	return { ...row!.team, unitName: row!.unitName, unitPath: row!.unitPath };
}

export async function loadPlan(ctx: Ctx, planId: number, permission: StudyPermission) {
	const [row] = await ctx.db
		.select({ plan: studyPlan, unitName: unit.name, unitPath: unit.path })
		.from(studyPlan)
		.innerJoin(unit, eq(unit.id, studyPlan.unitId))
		.where(eq(studyPlan.id, planId));
	checkScope(ctx, permission, row?.unitPath);
	return { ...row!.plan, unitName: row!.unitName, unitPath: row!.unitPath };
}

export async function loadPlanItem(ctx: Ctx, itemId: number, permission: StudyPermission) {
	const [row] = await ctx.db.select().from(studyPlanItem).where(eq(studyPlanItem.id, itemId));
	if (!row) checkScope(ctx, permission, undefined);
	const plan = await loadPlan(ctx, row!.planId, permission);
	return { item: row!, plan };
}

export async function loadSchedule(ctx: Ctx, scheduleId: number, permission: StudyPermission) {
	const [row] = await ctx.db
		.select({ schedule: studySchedule, unitPath: unit.path })
		.from(studySchedule)
		.innerJoin(unit, eq(unit.id, studySchedule.unitId))
		.where(eq(studySchedule.id, scheduleId));
	checkScope(ctx, permission, row?.unitPath);
	return { ...row!.schedule, unitPath: row!.unitPath };
}

export type SessionRow = typeof studySession.$inferSelect & { unitPath: string; unitName: string };

async function sessionRow(ctx: Ctx, sessionId: number) {
	const [row] = await ctx.db
		.select({ session: studySession, unitPath: unit.path, unitName: unit.name })
		.from(studySession)
		.innerJoin(unit, eq(unit.id, studySession.unitId))
		.where(eq(studySession.id, sessionId));
	return row ? { ...row.session, unitPath: row.unitPath, unitName: row.unitName } : undefined;
}

/** A session the user may manage (`study.manage`) or read (`study.read`) through their units. */
export async function loadSession(
	ctx: Ctx,
	sessionId: number,
	permission: StudyPermission
): Promise<SessionRow> {
	const row = await sessionRow(ctx, sessionId);
	checkScope(ctx, permission, row?.unitPath);
	return row!;
}

/** Is the signed-in person on the team's roster? */
export async function isMember(ctx: Ctx, teamId: number): Promise<boolean> {
	if (ctx.user.personId === null) return false;
	const [row] = await ctx.db
		.select({ teamId: studyTeamMember.teamId })
		.from(studyTeamMember)
		.where(
			and(eq(studyTeamMember.teamId, teamId), eq(studyTeamMember.personId, ctx.user.personId))
		);
	return row !== undefined;
}

/**
 * A session the user may see: through `study.read` on its unit, or as a member of its team (a
 * cadre's own session). Says which, so that pages show managers and members different things.
 */
export async function loadVisibleSession(ctx: Ctx, sessionId: number) {
	const row = await sessionRow(ctx, sessionId);
	if (row && can(ctx.user, 'study.read', row.unitPath)) {
		return { session: row, manage: can(ctx.user, 'study.manage', row.unitPath), member: false };
	}
	if (row && (await isMember(ctx, row.teamId))) {
		return { session: row, manage: false, member: true };
	}
	// neither: as forbidden as a session that does not exist
	throw row || !canAnywhere(ctx.user, 'study.read') ? new ForbiddenError() : new NotFoundError();
}
