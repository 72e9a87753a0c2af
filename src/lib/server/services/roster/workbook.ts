import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { t } from '$lib/i18n.ts';
import type { Role } from '$lib/schemas/enums.ts';
import type { NewRosterAccount } from './rows.ts';
import { authorizeAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { person, roleGrant, unit, user } from '../../db/schema/index.ts';
import {
	type ColumnSpec,
	type ListExport,
	type SheetSpec,
	keysetPages,
	writeWorkbook
} from '../../spreadsheet/index.ts';
import {
	COLUMNS,
	type Column,
	HEADERS,
	RANK_LABELS,
	REQUIRED_COLUMNS,
	ROLE_LABELS,
	ROUTE_LABELS,
	STATUS_LABELS,
	formatRoles,
	listOf
} from './columns.ts';
import { PERSON_FIELDS } from '../people/list.ts';
import { UnitDirectory } from './units.ts';

const SPEC: Record<Column, Omit<ColumnSpec, 'header'>> = {
	unit: { width: 36 },
	name: { width: 12 },
	employeeNo: { width: 14, text: true },
	position: { width: 20 },
	rank: { width: 10, list: listOf(RANK_LABELS) },
	appointmentRoute: { width: 12, list: listOf(ROUTE_LABELS) },
	status: { width: 8, list: listOf(STATUS_LABELS) },
	// several roles per cell, so no drop-down
	roles: { width: 24 }
};

function rosterSheet(rows: string[][]): SheetSpec {
	return {
		name: '花名册',
		columns: COLUMNS.map((c) => ({ header: HEADERS[c].zh, ...SPEC[c] })),
		rows
	};
}

/** The sheet that explains each column, in the reader's language. */
function helpSheet(): SheetSpec {
	const allowed: Partial<Record<Column, string>> = {
		rank: listOf(RANK_LABELS).join('、'),
		appointmentRoute: listOf(ROUTE_LABELS).join('、'),
		status: listOf(STATUS_LABELS).join('、'),
		roles: listOf(ROLE_LABELS).join('、')
	};
	return {
		name: '填写说明',
		columns: [
			{ header: t('roster_help_column'), width: 12 },
			{ header: t('roster_help_alias'), width: 18 },
			{ header: t('roster_help_required'), width: 8 },
			{ header: t('roster_help_meaning'), width: 70 },
			{ header: t('roster_help_allowed'), width: 60 }
		],
		rows: [
			...COLUMNS.map((c) => [
				HEADERS[c].zh,
				HEADERS[c].en,
				REQUIRED_COLUMNS.includes(c) ? t('common_yes') : t('common_no'),
				t(`roster_help_${HEADERS[c].en}`),
				allowed[c] ?? ''
			]),
			[],
			['', '', '', t('roster_help_all_or_nothing'), '']
		]
	};
}

/** The import template: the columns, one example row, and the instructions sheet. */
export async function rosterTemplate(ctx: Ctx): Promise<Uint8Array> {
	authorizeAnywhere(ctx, 'roster.import');
	const units = await UnitDirectory.load(ctx, 'roster.import');
	const example = [
		units.units[0]?.label ?? '示范区人民政府/区司法局',
		'张三',
		'000123',
		'办公室副主任',
		RANK_LABELS.staff,
		ROUTE_LABELS.government,
		STATUS_LABELS.active,
		ROLE_LABELS.cadre
	];
	return writeWorkbook([rosterSheet([example]), helpSheet()]);
}

/**
 * Everyone in the user's export scope, in exactly the template's columns, so that an exported file
 * can be edited and imported again. The unit is written as its path from the top of the scope.
 * Read and written a page at a time (the whole district can be tens of thousands of people).
 */
export async function exportRoster(ctx: Ctx): Promise<ListExport> {
	authorizeAnywhere(ctx, 'roster.export');
	const units = await UnitDirectory.load(ctx, 'roster.export');
	const scoped = inScope(ctx.user, 'roster.export', unit.path);
	const total = await ctx.db
		.select({ n: count() })
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(scoped);
	const fetch = (
		after: { unitPath: string; employeeNo: string; id: number } | undefined,
		limit: number
	) =>
		ctx.db
			.select(PERSON_FIELDS)
			.from(person)
			.innerJoin(unit, eq(unit.id, person.unitId))
			.leftJoin(user, eq(user.personId, person.id))
			.where(
				and(
					scoped,
					after &&
						sql`(${unit.path}, ${person.employeeNo}, ${person.id}) > (${after.unitPath}, ${after.employeeNo}, ${after.id})`
				)
			)
			.orderBy(asc(unit.path), asc(person.employeeNo), asc(person.id))
			.limit(limit);
	async function* pages() {
		for await (const people of keysetPages(fetch)) {
			// roles on the person's own unit, the only ones the roles column speaks of
			const rolesOf = new Map<number, Role[]>();
			const userIds = people.flatMap((p) => (p.userId === null ? [] : [p.userId]));
			for (let i = 0; i < userIds.length; i += 500) {
				const grants = await ctx.db
					.select({ userId: roleGrant.userId, role: roleGrant.role })
					.from(roleGrant)
					.innerJoin(user, eq(user.id, roleGrant.userId))
					.innerJoin(person, and(eq(person.id, user.personId), eq(person.unitId, roleGrant.unitId)))
					.where(inArray(roleGrant.userId, userIds.slice(i, i + 500)));
				for (const g of grants) rolesOf.set(g.userId, [...(rolesOf.get(g.userId) ?? []), g.role]);
			}
			yield people.map((p) => [
				units.get(p.unitId)?.label ?? '',
				p.name,
				p.employeeNo,
				p.position,
				RANK_LABELS[p.rank],
				ROUTE_LABELS[p.appointmentRoute],
				STATUS_LABELS[p.status],
				formatRoles(['cadre', ...(p.userId === null ? [] : (rolesOf.get(p.userId) ?? []))])
			]);
		}
	}
	const roster = rosterSheet([]);
	return {
		sheet: roster.name,
		columns: roster.columns,
		rows: total[0]?.n ?? 0,
		pages: pages(),
		notes: [helpSheet()]
	};
}

/**
 * The one-time passwords of an import, as the result page shows them. Built from what the browser
 * posts back, because the passwords are never stored in clear; nothing here touches the database.
 */
export async function passwordsWorkbook(
	ctx: Ctx,
	input: { accounts: readonly Pick<NewRosterAccount, 'unit' | 'name' | 'username' | 'password'>[] }
): Promise<Uint8Array> {
	authorizeAnywhere(ctx, 'roster.import');
	return writeWorkbook([
		{
			name: t('roster_filename_passwords'),
			columns: [
				{ header: t('roster_col_unit'), width: 36 },
				{ header: t('roster_col_name'), width: 12 },
				{ header: t('roster_col_username'), width: 16, text: true },
				{ header: t('roster_col_password'), width: 16, text: true }
			],
			rows: input.accounts.map((a) => [a.unit, a.name, a.username, a.password]),
			validationRows: 0
		}
	]);
}
