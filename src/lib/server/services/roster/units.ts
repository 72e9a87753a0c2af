import { type Permission, can, scopePaths } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { unit } from '../../db/schema/index.ts';
import { PATH_SEPARATOR } from './columns.ts';

export interface ScopedUnit {
	id: number;
	name: string;
	path: string;
	active: boolean;
	/** Names from the top of the user's scope down to this unit, joined by '/'. */
	label: string;
	/** Names from the top of the whole tree down to this unit. */
	chain: string[];
}

export type UnitMatch =
	{ unit: ScopedUnit } | { problem: 'unknown' } | { problem: 'ambiguous'; example: string };

/**
 * The units where the user holds `permission`, found by the names people write in a roster: a
 * name ("区司法局") or a path ending in it ("示范区人民政府/区司法局"), from the top of the scope or of
 * the tree. Units outside the scope are not found, so the answer never reveals them.
 */
export class UnitDirectory {
	private readonly byId: Map<number, ScopedUnit>;

	private constructor(readonly units: ScopedUnit[]) {
		this.byId = new Map(units.map((u) => [u.id, u]));
	}

	static async load(ctx: Ctx, permission: Permission): Promise<UnitDirectory> {
		// The unit tree of a district is a few hundred rows; reading it whole keeps names simple.
		const all = await ctx.db
			.select({ id: unit.id, name: unit.name, path: unit.path, active: unit.active })
			.from(unit);
		const byId = new Map(all.map((u) => [u.id, u]));
		const roots = scopePaths(ctx.user, permission);
		const namesOf = (path: string) =>
			path
				.split('/')
				.filter(Boolean)
				.map((id) => byId.get(Number(id))?.name ?? '');
		const units = all
			.filter((u) => can(ctx.user, permission, u.path))
			.map((u) => {
				const root = roots.find((p) => u.path.startsWith(p))!;
				const chain = namesOf(u.path);
				const above = namesOf(root).length - 1;
				return { ...u, chain, label: chain.slice(above).join('/') };
			})
			.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
		return new UnitDirectory(units);
	}

	get(id: number): ScopedUnit | undefined {
		return this.byId.get(id);
	}

	/** Finds the unit a roster cell names. */
	find(text: string): UnitMatch {
		const wanted = text
			.split(PATH_SEPARATOR)
			.map((name) => name.trim())
			.filter(Boolean);
		if (wanted.length === 0) return { problem: 'unknown' };
		const matches = this.units.filter(
			(u) =>
				u.chain.length >= wanted.length &&
				wanted.every((name, i) => u.chain[u.chain.length - wanted.length + i] === name)
		);
		if (matches.length === 1) return { unit: matches[0]! };
		if (matches.length === 0) return { problem: 'unknown' };
		return { problem: 'ambiguous', example: matches[0]!.label };
	}
}
