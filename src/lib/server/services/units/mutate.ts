import { and, eq, like, ne, sql } from 'drizzle-orm';
import type {
	CreateUnitInput,
	MoveUnitInput,
	RenameUnitInput,
	SetUnitActiveInput
} from '$lib/schemas/org.ts';
import { authorize } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { unit } from '../../db/schema/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';

async function getUnit(db: ReadDb, id: number) {
	const [row] = await db.select().from(unit).where(eq(unit.id, id));
	if (!row) throw new NotFoundError();
	return row;
}

async function assertNameFree(db: ReadDb, parentId: number, name: string, exceptId?: number) {
	const [clash] = await db
		.select({ id: unit.id })
		.from(unit)
		.where(
			and(
				eq(unit.parentId, parentId),
				eq(unit.name, name),
				exceptId === undefined ? undefined : ne(unit.id, exceptId)
			)
		);
	if (clash) throw new InvalidInputError({ name: ['err_unit_name_taken'] });
}

export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<number> {
	await authorize(ctx, 'unit.manage', input.parentId);
	return transact(ctx, async (tx) => {
		const parent = await getUnit(tx.db, input.parentId);
		if (!parent.active) throw new InvalidInputError({ parentId: ['err_unit_parent_inactive'] });
		await assertNameFree(tx.db, parent.id, input.name);
		// the path needs the new id, so insert with a placeholder and complete it in the same transaction
		const [created] = await tx.db
			.insert(unit)
			.values({
				parentId: parent.id,
				name: input.name,
				kind: input.kind,
				path: '',
				createdAt: ctx.now
			})
			.returning({ id: unit.id });
		const id = created!.id;
		await tx.db
			.update(unit)
			.set({ path: `${parent.path}${id}/` })
			.where(eq(unit.id, id));
		await appendAudit(tx, {
			action: 'unit.created',
			entityType: 'unit',
			entityId: id,
			unitId: id,
			after: { name: input.name, kind: input.kind, parentId: parent.id }
		});
		return id;
	});
}

export async function renameUnit(ctx: Ctx, input: RenameUnitInput): Promise<void> {
	await authorize(ctx, 'unit.manage', input.unitId);
	await transact(ctx, async (tx) => {
		const before = await getUnit(tx.db, input.unitId);
		if (before.parentId !== null)
			await assertNameFree(tx.db, before.parentId, input.name, before.id);
		await tx.db
			.update(unit)
			.set({ name: input.name, kind: input.kind })
			.where(eq(unit.id, before.id));
		await appendAudit(tx, {
			action: 'unit.renamed',
			entityType: 'unit',
			entityId: before.id,
			unitId: before.id,
			before: { name: before.name, kind: before.kind },
			after: { name: input.name, kind: input.kind }
		});
	});
}

/** Moves a unit (and its whole subtree) under a new parent; never under itself or a descendant. */
export async function moveUnit(ctx: Ctx, input: MoveUnitInput): Promise<void> {
	await authorize(ctx, 'unit.manage', input.unitId);
	await authorize(ctx, 'unit.manage', input.parentId);
	await transact(ctx, async (tx) => {
		const moving = await getUnit(tx.db, input.unitId);
		const parent = await getUnit(tx.db, input.parentId);
		if (moving.parentId === null) throw new ConflictError('error_unit_move_root');
		if (parent.path.startsWith(moving.path)) {
			throw new InvalidInputError({ parentId: ['err_unit_move_into_self'] });
		}
		if (moving.parentId === parent.id) return;
		await assertNameFree(tx.db, parent.id, moving.name, moving.id);
		const newPath = `${parent.path}${moving.id}/`;
		await tx.db
			.update(unit)
			.set({ path: sql`${newPath} || substr(${unit.path}, ${moving.path.length + 1})` })
			.where(like(unit.path, `${moving.path}%`));
		await tx.db.update(unit).set({ parentId: parent.id }).where(eq(unit.id, moving.id));
		await appendAudit(tx, {
			action: 'unit.moved',
			entityType: 'unit',
			entityId: moving.id,
			unitId: moving.id,
			before: { parentId: moving.parentId },
			after: { parentId: parent.id }
		});
	});
}

/**
 * Deactivates or reactivates a unit. A unit with active sub-units cannot be deactivated, and one
 * under an inactive parent cannot be reactivated: the tree never has an active unit below an
 * inactive one.
 */
export async function setUnitActive(ctx: Ctx, input: SetUnitActiveInput): Promise<void> {
	await authorize(ctx, 'unit.manage', input.unitId);
	await transact(ctx, async (tx) => {
		const target = await getUnit(tx.db, input.unitId);
		if (target.parentId === null && !input.active)
			throw new ConflictError('error_unit_root_inactive');
		if (!input.active) {
			const [activeChild] = await tx.db
				.select({ id: unit.id })
				.from(unit)
				.where(and(eq(unit.parentId, target.id), eq(unit.active, true)));
			if (activeChild) throw new ConflictError('error_unit_has_active_children');
		} else if (target.parentId !== null) {
			const parent = await getUnit(tx.db, target.parentId);
			if (!parent.active) throw new ConflictError('error_unit_parent_inactive');
		}
		if (target.active === input.active) return;
		await tx.db.update(unit).set({ active: input.active }).where(eq(unit.id, target.id));
		await appendAudit(tx, {
			action: input.active ? 'unit.activated' : 'unit.deactivated',
			entityType: 'unit',
			entityId: target.id,
			unitId: target.id
		});
	});
}
