import { asc } from 'drizzle-orm';
import { type Permission, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { unit } from '../../db/schema/index.ts';

export type UnitRow = typeof unit.$inferSelect;

export interface UnitNode extends UnitRow {
	depth: number;
	children: UnitNode[];
}

/**
 * The units the user may see for `permission`, as a forest (one tree per granted root), in tree
 * order. Inactive units are included and marked, so that they can be reactivated.
 */
export async function listUnits(
	ctx: Ctx,
	permission: Permission = 'unit.read'
): Promise<UnitNode[]> {
	const rows = await ctx.db
		.select()
		.from(unit)
		.where(inScope(ctx.user, permission, unit.path))
		.orderBy(asc(unit.sortOrder), asc(unit.name));
	return buildForest(rows);
}

/** Arranges rows into trees; a row whose parent is not among `rows` becomes a root. */
export function buildForest(rows: UnitRow[]): UnitNode[] {
	const nodes = new Map(rows.map((r) => [r.id, { ...r, depth: 0, children: [] as UnitNode[] }]));
	const roots: UnitNode[] = [];
	for (const node of nodes.values()) {
		const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
		if (parent) parent.children.push(node);
		else roots.push(node);
	}
	const setDepth = (n: UnitNode, d: number) => {
		n.depth = d;
		n.children.forEach((c) => setDepth(c, d + 1));
	};
	roots.forEach((r) => setDepth(r, 0));
	return roots;
}

/** The forest flattened in display order (parents before children). */
export function flatten(forest: UnitNode[]): UnitNode[] {
	return forest.flatMap((n) => [n, ...flatten(n.children)]);
}

/** A unit as a form offers it: indented by its depth. */
export interface UnitChoice {
	id: number;
	name: string;
	depth: number;
}

/** The active units the user may choose for `permission`, in display order, for a form's select. */
export async function activeUnitChoices(ctx: Ctx, permission: Permission): Promise<UnitChoice[]> {
	return flatten(await listUnits(ctx, permission))
		.filter((u) => u.active)
		.map(({ id, name, depth }) => ({ id, name, depth }));
}
