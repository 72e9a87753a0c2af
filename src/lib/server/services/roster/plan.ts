import { rosterRow } from '$lib/schemas/roster.ts';
import { ROLES, type Role } from '$lib/schemas/enums.ts';
import { t } from '$lib/i18n.ts';
import { can } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { person } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import type { Sheet } from '../../spreadsheet/index.ts';
import { excelLostDigits } from '@xuefa/core';
import {
	COLUMNS,
	type Column,
	HEADERS,
	RANK_ALIASES,
	RANK_LABELS,
	REQUIRED_COLUMNS,
	ROLE_LABELS,
	ROLE_SEPARATOR,
	ROUTE_ALIASES,
	ROUTE_LABELS,
	STATUS_LABELS,
	codeOf,
	columnOf,
	listOf
} from './columns.ts';
import { mayTouchAccount } from '../accounts/account-unit.ts';
import { loadKnown } from './known.ts';
import { UnitDirectory } from './units.ts';
import { quoted } from '../../uploads/quote.ts';
import { coreMessage } from '../../core-messages.ts';
import { timeSlices } from '../../time-slice.ts';

/** A problem with one cell, in the reader's language. */
export interface RowError {
	row: number;
	column: string;
	message: string;
}

type PersonRow = typeof person.$inferSelect;
type PersonFields = Pick<
	PersonRow,
	'unitId' | 'name' | 'employeeNo' | 'position' | 'rank' | 'appointmentRoute' | 'status'
>;

/** What the import will do with one row. */
export interface PlannedRow {
	line: number;
	action: 'create' | 'update' | 'unchanged';
	/** The columns whose stored value changes, plus 'account' when an account will be opened. */
	changes: (Column | 'account')[];
	unitLabel: string;
	fields: PersonFields;
	before?: PersonRow;
	/** The person's account, when they already have one. */
	userId?: number;
	needsAccount: boolean;
	/** Grants to add and remove on the person's unit. */
	grant: Role[];
	revoke: Role[];
	/** A moved person's cadre grant leaves the old unit. */
	cadreLeaves?: number;
}

export interface RosterPlan {
	rows: PlannedRow[];
	errors: RowError[];
}

const FIELD_COLUMNS = ['name', 'employeeNo', 'position', 'rank', 'appointmentRoute', 'status'];

/** Which column each header of the file is; refuses a file without the required columns. */
function mapHeaders(headers: string[]): Map<Column, string> {
	const found = new Map<Column, string>();
	for (const h of headers) {
		const column = columnOf(h);
		if (!column) continue;
		if (found.has(column)) {
			throw new InvalidInputError(
				{ file: ['roster_file_duplicate_header'] },
				'roster_file_duplicate_header',
				{
					header: h
				}
			);
		}
		found.set(column, h);
	}
	const missing = REQUIRED_COLUMNS.filter((c) => !found.has(c));
	if (missing.length > 0) {
		throw new InvalidInputError(
			{ file: ['roster_file_missing_columns'] },
			'roster_file_missing_columns',
			{
				columns: missing.map((c) => HEADERS[c].zh)
			}
		);
	}
	return found;
}

/**
 * Checks every row of a roster against the rules and the database, and works out what importing
 * it would change. Reads only; the same plan is made again inside the import's transaction.
 */
export async function planRoster(ctx: Ctx, sheet: Sheet): Promise<RosterPlan> {
	const headerOf = mapHeaders(sheet.headers);
	if (sheet.rows.length === 0) {
		throw new InvalidInputError({ file: ['roster_file_empty'] }, 'roster_file_empty');
	}
	const units = await UnitDirectory.load(ctx, 'roster.import');
	const errors: RowError[] = [];
	const firstLineOf = new Map<string, number>();
	const readable: { line: number; unitId: number; row: ReturnType<typeof rosterRow.parse> }[] = [];

	// checking 5,000 rows takes a while: let other requests through every few milliseconds
	const pause = timeSlices();
	for (const { line, cells } of sheet.rows) {
		await pause();
		const before = errors.length;
		const cell = (column: Column) => {
			const header = headerOf.get(column);
			return header === undefined ? undefined : (cells[header] ?? '').trim();
		};
		// a long number Excel wrote as 1.23457E+17, or rounded to its 15 digits in a cell formatted
		// as a number (an 18-digit 身份证号 as 工号), lost its digits: refused as such, and nothing
		// else is said of its cell (an unknown unit or a duplicate 工号 would only mislead)
		const lost = new Set<Column>();
		for (const column of COLUMNS) {
			const digits = excelLostDigits(cell(column) ?? '');
			if (!digits) continue;
			lost.add(column);
			errors.push({
				row: line,
				column: headerOf.get(column)!,
				message: coreMessage(`format.cell.${digits.code}`, { value: digits.value })
			});
		}
		const fail = (column: Column, key: string, params: Record<string, unknown> = {}) => {
			if (lost.has(column)) return;
			errors.push({
				row: line,
				column: headerOf.get(column) ?? HEADERS[column].zh,
				message: t(key, params)
			});
		};
		const enumCell = <C extends string>(
			column: Column,
			labels: Record<C, string>,
			aliases?: Readonly<Record<string, C>>
		) => {
			const value = cell(column);
			if (!value) return undefined;
			const code = codeOf(labels, value, aliases);
			if (!code)
				fail(column, 'roster_err_value', { value: quoted(value), allowed: listOf(labels) });
			return code;
		};

		const unitMatch = units.find(cell('unit') ?? '');
		if (!cell('unit')) fail('unit', 'err_required');
		else if ('problem' in unitMatch) {
			if (unitMatch.problem === 'ambiguous') {
				fail('unit', 'roster_err_unit_ambiguous', {
					unit: quoted(cell('unit')!),
					example: unitMatch.example
				});
			} else fail('unit', 'roster_err_unit_unknown', { unit: quoted(cell('unit')!) });
		}

		const roles = readRoles(cell('roles'), (values) =>
			fail('roles', 'roster_err_value', {
				value: quoted(values.join('、')),
				allowed: listOf(ROLE_LABELS)
			})
		);
		const parsed = rosterRow.safeParse({
			unit: cell('unit'),
			name: cell('name'),
			employeeNo: cell('employeeNo'),
			position: cell('position'),
			rank: enumCell('rank', RANK_LABELS, RANK_ALIASES),
			appointmentRoute: enumCell('appointmentRoute', ROUTE_LABELS, ROUTE_ALIASES),
			status: enumCell('status', STATUS_LABELS),
			roles
		});
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const column = String(issue.path[0]) as Column;
				// a bad enum label is already reported with the allowed values
				if (errors.slice(before).some((e) => e.column === headerOf.get(column))) continue;
				if (!FIELD_COLUMNS.includes(column)) continue;
				fail(column, issue.message.startsWith('err_') ? issue.message : 'err_invalid');
			}
		}
		const employeeNo = cell('employeeNo')?.toLowerCase() ?? '';
		const first = firstLineOf.get(employeeNo);
		if (employeeNo && first !== undefined)
			fail('employeeNo', 'roster_err_duplicate', { row: first });
		else if (employeeNo) firstLineOf.set(employeeNo, line);

		if (errors.length === before && parsed.success && 'unit' in unitMatch) {
			readable.push({ line, unitId: unitMatch.unit.id, row: parsed.data });
		}
	}

	const rows: PlannedRow[] = [];
	const known = await loadKnown(
		ctx,
		readable.map((r) => r.row.employeeNo)
	);
	for (const { line, unitId, row } of readable) {
		// every problem of the row is reported, not only the first: the organiser fixes them at once
		let refused = false;
		const fail = (column: Column, key: string, params: Record<string, unknown> = {}) => {
			refused = true;
			errors.push({
				row: line,
				column: headerOf.get(column) ?? HEADERS[column].zh,
				message: t(key, params)
			});
		};
		const unit = units.get(unitId)!;
		const key = row.employeeNo.toLowerCase();
		const before = known.people.get(key);
		if (before && !units.get(before.unitId)) {
			fail('employeeNo', 'roster_err_person_out_of_scope');
		}
		// people already in a deactivated unit may stay (export → import), nobody may join one
		if (!unit.active && before?.unitId !== unitId) {
			fail('unit', 'roster_err_unit_inactive', { unit: unit.label });
		}
		const account = before ? known.accountOf.get(before.id) : undefined;
		if (!account && known.usernames.has(key)) {
			fail('employeeNo', 'roster_err_username_taken');
		}
		const fields: PersonFields = {
			unitId,
			name: row.name,
			employeeNo: before?.employeeNo ?? row.employeeNo,
			position: row.position ?? before?.position ?? '',
			rank: row.rank,
			appointmentRoute: row.appointmentRoute,
			status: row.status ?? before?.status ?? 'active'
		};
		const held = new Set(account ? known.grants.get(account)?.get(unitId) : []);
		const wanted = new Set<Role>(['cadre', ...(row.roles ?? held)]);
		// a new account gets its cadre grant with the account
		const grant = ROLES.filter(
			(r) => wanted.has(r) && !held.has(r) && !(r === 'cadre' && !account)
		);
		const revoke = ROLES.filter((r) => held.has(r) && !wanted.has(r));
		const powers = [...grant, ...revoke].filter((r) => r !== 'cadre');
		if (powers.length > 0 && !can(ctx.user, 'role.grant', unit.path)) {
			fail('roles', 'roster_err_role_forbidden', {
				roles: powers.map((r) => ROLE_LABELS[r])
			});
		}
		// a new account holds its grants on this row's unit only: the account rule asks for that unit
		if (!account && !mayTouchAccount(ctx.user, 'account.open', [unit.path])) {
			fail('employeeNo', 'roster_err_account_forbidden');
		}
		if (account === ctx.user.id && revoke.includes('admin')) {
			fail('roles', 'error_revoke_own_admin');
		}
		if (refused) continue;
		const moved = before !== undefined && before.unitId !== unitId;
		const cadreLeaves =
			moved && account && known.grants.get(account)?.get(before.unitId)?.has('cadre')
				? before.unitId
				: undefined;
		const changes: PlannedRow['changes'] = [];
		if (before) {
			if (moved) changes.push('unit');
			for (const c of ['name', 'position', 'rank', 'appointmentRoute', 'status'] as const) {
				if (before[c] !== fields[c]) changes.push(c);
			}
			if (powers.length > 0 || (grant.includes('cadre') && !moved)) changes.push('roles');
		}
		if (!account) changes.push('account');
		rows.push({
			line,
			action: !before ? 'create' : changes.length > 0 ? 'update' : 'unchanged',
			changes,
			unitLabel: unit.label,
			fields,
			before,
			userId: account,
			needsAccount: !account,
			grant,
			revoke,
			cadreLeaves
		});
	}
	// as the file reads: by row, then left to right
	const position = (e: RowError) => sheet.headers.indexOf(e.column);
	errors.sort((a, b) => a.row - b.row || position(a) - position(b));
	return { rows, errors };
}

function readRoles(value: string | undefined, bad: (values: string[]) => void): Role[] | undefined {
	if (value === undefined) return undefined;
	const roles: Role[] = [];
	const unknown: string[] = [];
	for (const part of value.split(ROLE_SEPARATOR).map((p) => p.trim())) {
		if (!part) continue;
		const role = codeOf(ROLE_LABELS, part);
		if (role) roles.push(role);
		else unknown.push(part);
	}
	// one problem for the cell, however many it lists: a cell of a million unknown roles was a
	// million messages, built and sent on the thread that serves everyone (30 s)
	if (unknown.length > 0) bad(unknown);
	return roles;
}
