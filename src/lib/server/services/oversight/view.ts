/**
 * What an oversight page shows: the units side by side (the children of the viewed unit, each with
 * its whole subtree, and the viewed unit's own records as 本级 when it has any), their totals, and the
 * core's assessment of each. The counts of each unit are the stored ones (snapshot.ts, counted by
 * counts.ts); rolling them up the tree happens here, in one pass over the units.
 */
import { eq, sql } from 'drizzle-orm';
import { type AssessmentInput, type AssessmentResult, assessUnits } from '@xuefa/core';
import { authorize, scopePaths } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { unit } from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';
import {
	type MonthlyCounts,
	type UnitCounts,
	addCounts,
	addMonths,
	emptyCounts
} from './counts.ts';
import { assessmentSettings } from './settings.ts';
import { type Snapshot, snapshotFor } from './snapshot.ts';

/** One column of the side-by-side view. */
export interface UnitGroup {
	id: number;
	name: string;
	/** The viewed unit's own records only (本级), not its subtree. */
	own: boolean;
	/** Whether it has units below it (the page links to its own dashboard). */
	hasChildren: boolean;
	counts: UnitCounts;
}

type UnitRow = { id: number; name: string; path: string; parentId: number | null };

/** The unit the page is about: the one asked for, or the user's own top unit of oversight. */
async function rootOf(ctx: Ctx, unitId: number | undefined): Promise<UnitRow[]> {
	if (unitId !== undefined) {
		await authorize(ctx, 'oversight.read', unitId);
		return ctx.db
			.select({ id: unit.id, name: unit.name, path: unit.path, parentId: unit.parentId })
			.from(unit)
			.where(eq(unit.id, unitId));
	}
	const paths = scopePaths(ctx.user, 'oversight.read');
	if (paths.length === 0) throw new ForbiddenError();
	const ids = paths.map((p) => Number(p.split('/').at(-2)));
	const rows = await ctx.db
		.select({ id: unit.id, name: unit.name, path: unit.path, parentId: unit.parentId })
		.from(unit)
		.where(sql`${unit.id} IN (${sql.join(ids, sql`, `)})`);
	return rows.sort((a, b) => a.path.localeCompare(b.path));
}

/** The groups of one root: its own records (if it has children), then each child's subtree. */
async function groupsOf(db: ReadDb, root: UnitRow, snapshot: Snapshot) {
	const units = await db
		.select({ id: unit.id, name: unit.name, path: unit.path, parentId: unit.parentId })
		.from(unit)
		.where(sql`${unit.path} LIKE ${root.path + '%'}`)
		.orderBy(unit.sortOrder, unit.name);
	const inView = new Set(units.map((u) => u.id));
	const counts = new Map([...snapshot.units].filter(([id]) => inView.has(id)));
	const months: MonthlyCounts = {};
	for (const [id, m] of snapshot.months) if (inView.has(id)) addMonths(months, m);
	const children = units.filter((u) => u.parentId === root.id);
	const groups: (UnitGroup & { path: string })[] = children.map((c) => ({
		id: c.id,
		name: c.name,
		own: false,
		hasChildren: units.some((u) => u.parentId === c.id),
		counts: emptyCounts(),
		path: c.path
	}));
	const own = {
		id: root.id,
		name: root.name,
		own: children.length > 0,
		hasChildren: children.length > 0,
		counts: emptyCounts(),
		path: root.path
	};
	const pathOf = new Map(units.map((u) => [u.id, u.path]));
	for (const [unitId, c] of counts) {
		const path = pathOf.get(unitId) ?? '';
		const g = unitId === root.id ? own : groups.find((x) => path.startsWith(x.path));
		if (g) addCounts(g.counts, c);
	}
	const keepOwn = children.length === 0 || counts.has(root.id);
	return {
		groups: (keepOwn ? [own, ...groups] : groups).map(({ path: _path, ...g }): UnitGroup => g),
		months
	};
}

/** The core's input for a group: exam counts summed over the kinds. */
export function assessmentInput(g: UnitGroup): AssessmentInput {
	const exams = Object.values(g.counts.exams).reduce(
		(s, e) => ({
			required: s.required + e.required,
			sat: s.sat + e.sat,
			passed: s.passed + e.passed
		}),
		{ required: 0, sat: 0, passed: 0 }
	);
	return {
		unitId: String(g.id) + (g.own ? ':own' : ''),
		planItems: g.counts.planItems,
		sessions: g.counts.sessions,
		attendance: g.counts.attendance,
		exams,
		oaths: { required: g.counts.oaths.required, done: g.counts.oaths.done },
		certificates: {
			required: g.counts.certificates.holders,
			valid: g.counts.certificates.holdersInForce
		}
	};
}

/**
 * The units in view with their counts and totals for `year` (the viewed unit, or every top unit of
 * the user's oversight scope). Forbidden without `oversight.read` on the unit.
 */
export async function oversightUnits(ctx: Ctx, input: { unitId?: number; year: number }) {
	const roots = await rootOf(ctx, input.unitId);
	const { snapshot, refreshing } = await snapshotFor(ctx.db, input.year, ctx.now);
	const each = await Promise.all(roots.map((r) => groupsOf(ctx.db, r, snapshot)));
	const groups: UnitGroup[] =
		roots.length === 1
			? each[0]!.groups
			: roots.map((r, i) => ({
					id: r.id,
					name: r.name,
					own: false,
					hasChildren: true,
					counts: each[i]!.groups.reduce((s, g) => addCounts(s, g.counts), emptyCounts())
				}));
	const totals = groups.reduce((s, g) => addCounts(s, g.counts), emptyCounts());
	const months: MonthlyCounts = {};
	for (const e of each) addMonths(months, e.months);
	return {
		root: roots.length === 1 ? roots[0]! : null,
		roots,
		groups,
		totals,
		months,
		/** The day counted up to, and when the counts were made. */
		asOf: snapshot.asOf,
		computedAt: snapshot.computedAt,
		/** A refresh of stale counts running in the background (for tests; pages do not wait). */
		refreshing
	};
}

/** Month by month up to the as-of day: sessions held of those scheduled, attendance, practice answers. */
function monthlyTrend(months: MonthlyCounts, year: number, asOf: string) {
	const last = Number(asOf.slice(5, 7));
	return Array.from({ length: last }, (_, i) => {
		const m = `${year}-${String(i + 1).padStart(2, '0')}`;
		const c = months[m];
		return {
			month: m,
			scheduled: c?.scheduled ?? 0,
			held: c?.held ?? 0,
			expected: c?.expected ?? 0,
			attended: c?.attended ?? 0,
			answers: c?.answers ?? 0
		};
	});
}

/** The district (or unit) dashboard: the units, their totals and the trend by month. */
export async function dashboard(ctx: Ctx, input: { unitId?: number; year: number }) {
	const { months, ...view } = await oversightUnits(ctx, input);
	return { ...view, trend: monthlyTrend(months, input.year, view.asOf) };
}

/** One ranked row of the assessment. */
export interface AssessmentRow {
	group: UnitGroup;
	result: AssessmentResult;
	/** The score's weight in the year-end score: score × share / 100; null when not assessed. */
	shareScore: number | null;
}

/** The year-end assessment of the units in view: the core's indicators and weighted score, ranked. */
export async function assessment(ctx: Ctx, input: { unitId?: number; year: number }) {
	const view = await oversightUnits(ctx, input);
	const settings = await assessmentSettings(ctx.db);
	const byId = new Map(view.groups.map((g) => [assessmentInput(g).unitId, g]));
	const results = assessUnits(
		view.groups.map((g) => assessmentInput(g)),
		settings.weights
	);
	const rows: AssessmentRow[] = results.map((result) => ({
		group: byId.get(result.unitId)!,
		result,
		shareScore: result.assessed ? Math.round(result.score * settings.sharePercent) / 100 : null
	}));
	return { ...view, rows, settings };
}
