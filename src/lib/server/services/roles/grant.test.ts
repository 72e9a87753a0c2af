import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry, roleGrant } from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makeUser } from '../../testing/factories.ts';
import { grantRole, revokeRole } from './grant.ts';

async function setup() {
	const db = await testDb();
	const d = await district(db);
	// the administrator of 区司法局 (and its 法治督察科)
	const bureauAdmin = await makeUser(db, d.a.id, [['admin', d.a.id]]);
	const inspector = await makeUser(db, d.a1.id, [['cadre', d.a1.id]]);
	const streetCadre = await makeUser(db, d.b.id, [['cadre', d.b.id]]);
	const grantsOf = async (userId: number) =>
		(await db.select().from(roleGrant).where(eq(roleGrant.userId, userId)))
			.map((g) => `${g.role}@${g.unitId}`)
			.sort();
	return { db, d, bureauAdmin, inspector, streetCadre, grantsOf };
}

describe('granting roles', () => {
	it('grants a role on a unit of the administrator to a person of their units, once, audited', async () => {
		const s = await setup();
		const ctx = await ctxFor(s.db, s.bureauAdmin.user.id);
		const input = { userId: s.inspector.user.id, role: 'grader' as const, unitId: s.d.a1.id };
		await grantRole(ctx, input);
		await grantRole(ctx, input);
		expect(await s.grantsOf(s.inspector.user.id)).toEqual([
			`cadre@${s.d.a1.id}`,
			`grader@${s.d.a1.id}`
		]);
		const audited = await s.db
			.select({ after: auditEntry.after })
			.from(auditEntry)
			.where(eq(auditEntry.action, 'role.granted'));
		expect(audited).toEqual([{ after: { role: 'grader', unitId: s.d.a1.id } }]);
	});

	it('refuses a unit outside the administrator’s, and a person outside their units', async () => {
		const s = await setup();
		const ctx = await ctxFor(s.db, s.bureauAdmin.user.id);
		await expect(
			grantRole(ctx, { userId: s.inspector.user.id, role: 'organiser', unitId: s.d.b.id })
		).rejects.toBeInstanceOf(ForbiddenError);
		// a street's cadre (or the district's administrator) made organiser of the bureau by the
		// bureau's administrator: not theirs to hand powers to
		await expect(
			grantRole(ctx, { userId: s.streetCadre.user.id, role: 'organiser', unitId: s.d.a.id })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			grantRole(ctx, { userId: s.d.admin.user.id, role: 'organiser', unitId: s.d.a.id })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			grantRole(ctx, { userId: 99_999, role: 'organiser', unitId: s.d.a.id })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await s.grantsOf(s.streetCadre.user.id)).toEqual([`cadre@${s.d.b.id}`]);
		// the district's administrator reaches both
		const root = await ctxFor(s.db, s.d.admin.user.id);
		await grantRole(root, { userId: s.streetCadre.user.id, role: 'organiser', unitId: s.d.a.id });
		expect(await s.grantsOf(s.streetCadre.user.id)).toEqual([
			`cadre@${s.d.b.id}`,
			`organiser@${s.d.a.id}`
		]);
	});

	it('revokes a role, but not the administrator’s own administration', async () => {
		const s = await setup();
		const ctx = await ctxFor(s.db, s.bureauAdmin.user.id);
		await revokeRole(ctx, { userId: s.inspector.user.id, role: 'cadre', unitId: s.d.a1.id });
		expect(await s.grantsOf(s.inspector.user.id)).toEqual([]);
		await expect(
			revokeRole(ctx, { userId: s.bureauAdmin.user.id, role: 'admin', unitId: s.d.a.id })
		).rejects.toBeInstanceOf(ConflictError);
	});

	it('does not let a unit’s administrator revoke what the district gave a person of another unit', async () => {
		const s = await setup();
		const root = await ctxFor(s.db, s.d.admin.user.id);
		await grantRole(root, { userId: s.streetCadre.user.id, role: 'organiser', unitId: s.d.a.id });
		const bureau = await ctxFor(s.db, s.bureauAdmin.user.id);
		await expect(
			revokeRole(bureau, { userId: s.streetCadre.user.id, role: 'organiser', unitId: s.d.a.id })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await s.grantsOf(s.streetCadre.user.id)).toContain(`organiser@${s.d.a.id}`);
		await revokeRole(root, { userId: s.streetCadre.user.id, role: 'organiser', unitId: s.d.a.id });
		expect(await s.grantsOf(s.streetCadre.user.id)).toEqual([`cadre@${s.d.b.id}`]);
	});
});
