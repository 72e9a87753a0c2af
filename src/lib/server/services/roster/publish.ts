import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { isConstraintViolation } from '../../db/codes.ts';
import type { Tx } from '../../db/index.ts';
import { ConflictError } from '../../errors.ts';
import { staged } from '../imports/rows.ts';

/** The staged rows of a roster import (in import_row), by what publishes them. */
export const ROSTER_TARGETS = {
	userRename: 'user.rename',
	grantDelete: 'grant.delete',
	joinedUnits: 'unit.joined'
} as const;

/**
 * The rows a roster import writes in bulk — inserts, and the updates of people — staged in the
 * shape they are published in (see db/schema/imports.ts): each staged column, from the field of
 * the row that holds it.
 */
export const ROSTER_TYPED = {
	personInsert: {
		table: 'import_person',
		columns: {
			id: 'id',
			unit_id: 'unitId',
			name: 'name',
			employee_no: 'employeeNo',
			position: 'position',
			rank: 'rank',
			appointment_route: 'appointmentRoute',
			status: 'status'
		}
	},
	userInsert: {
		table: 'import_user',
		columns: {
			id: 'id',
			username: 'username',
			display_name: 'displayName',
			person_id: 'personId',
			password_hash: 'passwordHash'
		}
	},
	grantInsert: {
		table: 'import_role_grant',
		columns: { user_id: 'userId', role: 'role', unit_id: 'unitId' }
	},
	personUpdate: {
		table: 'import_person_update',
		columns: {
			id: 'id',
			unit_id: 'unitId',
			name: 'name',
			position: 'position',
			rank: 'rank',
			appointment_route: 'appointmentRoute',
			status: 'status',
			seen: 'seen'
		}
	}
} as const;

const changed = () => new ConflictError('roster_changed_since_preview');

async function any(tx: Tx, query: ReturnType<typeof sql>): Promise<boolean> {
	return (await tx.all(sql`SELECT EXISTS (${query}) AS hit`)).some(
		(r) => (r as { hit: number }).hit === 1
	);
}

/**
 * Checks, under the write lock, that nothing the staged rows rely on changed since they were
 * planned: people updated meanwhile, units deactivated, grants already revoked. (An employee
 * number or login taken meanwhile, whatever its case, or an account opened for the same person,
 * is refused by the unique indexes when the rows are inserted.)
 * @throws ConflictError when anything did: nothing is written then
 */
async function assertUnchanged(tx: Tx, jobId: string, grantsToRevoke: number): Promise<void> {
	const T = ROSTER_TARGETS;
	const row = (target: string) =>
		sql`SELECT data FROM import_row WHERE job_id = ${jobId} AND target = ${target}`;
	const edited = await any(
		tx,
		sql`SELECT 1 FROM import_person_update s LEFT JOIN person p ON p.id = s.id
			WHERE s.job_id = ${jobId} AND (p.id IS NULL OR p.updated_at <> s.seen)`
	);
	const closed = await any(
		tx,
		sql`SELECT 1 FROM unit WHERE active = 0 AND id IN (SELECT data->>'$' FROM (${row(T.joinedUnits)}))`
	);
	const [held] = await tx.all<{ n: number }>(
		sql`SELECT count(*) AS n FROM role_grant WHERE (user_id, role, unit_id) IN
			(SELECT data->>'userId', data->>'role', data->>'unitId' FROM (${row(T.grantDelete)}))`
	);
	if (edited || closed || Number(held?.n ?? 0) !== grantsToRevoke) throw changed();
}

/** Publishes a staged roster import inside the job's one short transaction. */
export async function publishRoster(
	tx: Ctx & { db: Tx },
	jobId: string,
	grantsToRevoke: number
): Promise<void> {
	const db = tx.db;
	const now = tx.now.getTime();
	const T = ROSTER_TARGETS;
	await assertUnchanged(db, jobId, grantsToRevoke);
	try {
		// copied as staged, typed: nothing is read out of JSON under the write lock
		await db.run(sql`INSERT INTO person
			(id, unit_id, name, employee_no, position, rank, appointment_route, status, created_at, updated_at)
			SELECT id, unit_id, name, employee_no, position, rank, appointment_route, status, ${now}, ${now}
			FROM import_person WHERE job_id = ${jobId} ORDER BY ord`);
		await db.run(sql`UPDATE person SET unit_id = s.unit_id, name = s.name, position = s.position,
				rank = s.rank, appointment_route = s.appointment_route, status = s.status, updated_at = ${now}
			FROM import_person_update AS s WHERE s.job_id = ${jobId} AND person.id = s.id`);
		// an account's display name follows its person's name (as the person form does)
		await db.run(sql`UPDATE user SET display_name = s.data->>'name'
			FROM ${staged(jobId, T.userRename)} AS s WHERE user.person_id = s.data->>'personId'`);
		await db.run(sql`INSERT INTO user
			(id, username, display_name, person_id, password_hash, must_change_password, created_at)
			SELECT id, username, display_name, person_id, password_hash, 1, ${now}
			FROM import_user WHERE job_id = ${jobId} ORDER BY ord`);
		await db.run(sql`DELETE FROM role_grant WHERE (user_id, role, unit_id) IN
			(SELECT data->>'userId', data->>'role', data->>'unitId' FROM ${staged(jobId, T.grantDelete)})`);
		await db.run(sql`INSERT INTO role_grant (user_id, role, unit_id, granted_at)
			SELECT user_id, role, unit_id, ${now} FROM import_role_grant WHERE job_id = ${jobId} ORDER BY ord`);
	} catch (e) {
		// a taken employee number or login, or a second account for a person (see above)
		if (isConstraintViolation(e)) throw changed();
		throw e;
	}
}
