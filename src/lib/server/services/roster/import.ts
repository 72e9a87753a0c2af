import { and, eq } from 'drizzle-orm';
import type { RosterImportInput } from '$lib/schemas/roster.ts';
import type { Role } from '$lib/schemas/enums.ts';
import { hashPassword } from '../../auth/password.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { roleGrant } from '../../db/schema/index.ts';
import { AppError, ConflictError } from '../../errors.ts';
import { insertAccount } from '../accounts/create-account.ts';
import { temporaryPassword } from '../accounts/temporary-password.ts';
import { appendAudit } from '../audit/append.ts';
import { createPerson, updatePerson } from '../people/mutate.ts';
import { type PlannedRow, type RosterPlan, planRoster } from './plan.ts';
import { ROSTER_KIND } from './preview.ts';
import { consumeStaged, readStaged } from '../imports/staging.ts';

export interface NewRosterAccount {
	line: number;
	name: string;
	unit: string;
	username: string;
	/** The one-time password, shown once and never stored in clear. */
	password: string;
}

export interface RosterImportResult {
	fileName: string;
	counts: { create: number; update: number; unchanged: number };
	accounts: NewRosterAccount[];
}

/** Thrown (after rollback) when rows break the rules; carries the row errors for the page. */
export class RosterRowsError extends AppError {
	constructor(readonly rows: RosterPlan['errors']) {
		super('roster_nothing_imported');
	}
}

// argon2 takes tens of milliseconds and runs on libuv's thread pool: a few at a time keeps it busy
// without queueing thousands of jobs at once.
const HASH_CONCURRENCY = 4;

async function oneTimePasswords(employeeNos: string[]) {
	const out = new Map<string, { password: string; hash: string }>();
	for (let i = 0; i < employeeNos.length; i += HASH_CONCURRENCY) {
		await Promise.all(
			employeeNos.slice(i, i + HASH_CONCURRENCY).map(async (e) => {
				const password = await temporaryPassword(e);
				out.set(e.toLowerCase(), { password, hash: await hashPassword(password) });
			})
		);
	}
	return out;
}

/**
 * Imports a previewed roster, all or nothing: the rows are checked again against the database as
 * it is now, inside one transaction that creates and updates people, opens accounts (login = 工号,
 * one-time password) and sets each person's roles on their unit.
 * @throws RosterRowsError when any row is wrong; nothing is written then.
 */
export async function importRoster(
	ctx: Ctx,
	input: RosterImportInput
): Promise<RosterImportResult> {
	authorizeAnywhere(ctx, 'roster.import');
	const { fileName, sheet } = await readStaged(ctx, ROSTER_KIND, input.stagedId);
	const draft = await planRoster(ctx, sheet);
	if (draft.errors.length > 0) throw new RosterRowsError(draft.errors);
	// Hashing happens before the write transaction opens, so that it does not hold the lock.
	const passwords = await oneTimePasswords(
		draft.rows.filter((r) => r.needsAccount).map((r) => r.fields.employeeNo)
	);
	return transact(ctx, async (tx) => {
		await consumeStaged(tx, input.stagedId);
		// planned again under the write lock: what was read above may have changed since
		const plan = await planRoster(tx, sheet);
		if (plan.errors.length > 0) throw new RosterRowsError(plan.errors);
		const counts = { create: 0, update: 0, unchanged: 0 };
		const accounts: NewRosterAccount[] = [];
		for (const row of plan.rows) {
			counts[row.action]++;
			if (row.action === 'unchanged') continue;
			const personId = await savePerson(tx, row);
			let userId = row.userId;
			if (row.needsAccount) {
				const secret = passwords.get(row.fields.employeeNo.toLowerCase());
				if (!secret) throw new ConflictError('roster_changed_since_preview');
				const created = await insertAccount(
					tx,
					{ id: personId, ...row.fields },
					secret.hash,
					secret.password
				);
				userId = created.userId;
				accounts.push({
					line: row.line,
					name: row.fields.name,
					unit: row.unitLabel,
					username: created.username,
					password: secret.password
				});
			}
			await syncRoles(tx, userId!, row);
		}
		await appendAudit(tx, {
			action: 'roster.imported',
			entityType: 'roster',
			entityId: input.stagedId,
			after: { fileName, ...counts, accounts: accounts.length }
		});
		return { fileName, counts, accounts };
	});
}

/**
 * Through the people service, so that a roster row is saved exactly as the person form saves it
 * (its checks, its audit entries); inside this transaction, it writes nothing of its own.
 */
async function savePerson(tx: Ctx & { db: Tx }, row: PlannedRow): Promise<number> {
	if (!row.before) return createPerson(tx, row.fields);
	const personChanged = row.changes.some((c) => c !== 'roles' && c !== 'account');
	if (personChanged) await updatePerson(tx, { personId: row.before.id, ...row.fields });
	return row.before.id;
}

async function syncRoles(tx: Ctx & { db: Tx }, userId: number, row: PlannedRow) {
	const unitId = row.fields.unitId;
	const revoke = async (role: Role, from: number) => {
		await tx.db
			.delete(roleGrant)
			.where(
				and(eq(roleGrant.userId, userId), eq(roleGrant.role, role), eq(roleGrant.unitId, from))
			);
		await appendAudit(tx, {
			action: 'role.revoked',
			entityType: 'user',
			entityId: userId,
			unitId: from,
			before: { role, unitId: from }
		});
	};
	if (row.cadreLeaves !== undefined) await revoke('cadre', row.cadreLeaves);
	for (const role of row.revoke) await revoke(role, unitId);
	for (const role of row.grant) {
		await tx.db.insert(roleGrant).values({ userId, role, unitId, grantedAt: tx.now });
		await appendAudit(tx, {
			action: 'role.granted',
			entityType: 'user',
			entityId: userId,
			unitId,
			after: { role, unitId }
		});
	}
}
