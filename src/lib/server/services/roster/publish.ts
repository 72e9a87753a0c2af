import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { isConstraintViolation } from '../../db/codes.ts';
import type { Tx } from '../../db/index.ts';
import { ConflictError } from '../../errors.ts';
import { staged } from '../imports/rows.ts';

/** The staged rows of a roster import, by what publishes them. */
export const ROSTER_TARGETS = {
	personInsert: 'person.insert',
	personUpdate: 'person.update',
	userRename: 'user.rename',
	userInsert: 'user.insert',
	grantDelete: 'grant.delete',
	grantInsert: 'grant.insert',
	joinedUnits: 'unit.joined'
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
		sql`SELECT 1 FROM (${row(T.personUpdate)}) s LEFT JOIN person p ON p.id = s.data->>'id'
			WHERE p.id IS NULL OR p.updated_at <> s.data->>'seen'`
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
		await db.run(sql`INSERT INTO person
			(id, unit_id, name, employee_no, position, rank, appointment_route, status, created_at, updated_at)
			SELECT data->>'id', data->>'unitId', data->>'name', data->>'employeeNo', data->>'position',
				data->>'rank', data->>'appointmentRoute', data->>'status', ${now}, ${now}
			FROM ${staged(jobId, T.personInsert)}`);
		await db.run(sql`UPDATE person SET unit_id = s.data->>'unitId', name = s.data->>'name',
				position = s.data->>'position', rank = s.data->>'rank',
				appointment_route = s.data->>'appointmentRoute', status = s.data->>'status', updated_at = ${now}
			FROM ${staged(jobId, T.personUpdate)} AS s WHERE person.id = s.data->>'id'`);
		// an account's display name follows its person's name (as the person form does)
		await db.run(sql`UPDATE user SET display_name = s.data->>'name'
			FROM ${staged(jobId, T.userRename)} AS s WHERE user.person_id = s.data->>'personId'`);
		await db.run(sql`INSERT INTO user
			(id, username, display_name, person_id, password_hash, must_change_password, created_at)
			SELECT data->>'id', data->>'username', data->>'displayName', data->>'personId',
				data->>'passwordHash', 1, ${now}
			FROM ${staged(jobId, T.userInsert)}`);
		await db.run(sql`DELETE FROM role_grant WHERE (user_id, role, unit_id) IN
			(SELECT data->>'userId', data->>'role', data->>'unitId' FROM ${staged(jobId, T.grantDelete)})`);
		await db.run(sql`INSERT INTO role_grant (user_id, role, unit_id, granted_at)
			SELECT data->>'userId', data->>'role', data->>'unitId', ${now}
			FROM ${staged(jobId, T.grantInsert)}`);
	} catch (e) {
		// a taken employee number or login, or a second account for a person (see above)
		if (isConstraintViolation(e)) throw changed();
		throw e;
	}
}
