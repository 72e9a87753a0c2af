import { sql } from 'drizzle-orm';
import {
	type AnySQLiteColumn,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { APPOINTMENT_ROUTES, PERSON_STATUSES, RANKS, UNIT_KINDS } from '../../../schemas/enums.ts';

export { APPOINTMENT_ROUTES, PERSON_STATUSES, RANKS, UNIT_KINDS };

export type UnitKind = (typeof UNIT_KINDS)[number];

/** 单位: a tree. `path` holds the ancestor ids ('/1/4/9/') so a subtree is one prefix match. */
export const unit = sqliteTable(
	'unit',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		parentId: integer().references((): AnySQLiteColumn => unit.id),
		name: text().notNull(),
		kind: text({ enum: UNIT_KINDS }).notNull().default('office'),
		path: text().notNull(),
		active: integer({ mode: 'boolean' }).notNull().default(true),
		sortOrder: integer().notNull().default(0),
		createdAt: integer({ mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		// subtree queries: path LIKE '/1/4/%'
		index('unit_path_idx').on(t.path),
		// the roster import finds a unit by name among its siblings
		index('unit_parent_name_idx').on(t.parentId, t.name)
	]
);

export type Rank = (typeof RANKS)[number];

export type AppointmentRoute = (typeof APPOINTMENT_ROUTES)[number];

export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** 干部: a cadre, whether or not they have an account. */
export const person = sqliteTable(
	'person',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		name: text().notNull(),
		employeeNo: text().notNull(),
		position: text().notNull().default(''),
		rank: text({ enum: RANKS }).notNull().default('staff'),
		appointmentRoute: text({ enum: APPOINTMENT_ROUTES }).notNull().default('government'),
		status: text({ enum: PERSON_STATUSES }).notNull().default('active'),
		createdAt: integer({ mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		updatedAt: integer({ mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		// the roster import matches people by 工号
		uniqueIndex('person_employee_no_idx').on(t.employeeNo),
		// an employee number is unique whatever its case (it becomes a login name)
		uniqueIndex('person_employee_no_lower_idx').on(sql`lower(${t.employeeNo})`),
		// people lists per unit
		index('person_unit_idx').on(t.unitId, t.name)
	]
);
