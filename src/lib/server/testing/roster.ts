import { count } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/index.ts';
import { auditEntry, person, roleGrant, user } from '../db/schema/index.ts';
import { type JobHooks, readSealedSecret } from '../services/imports/job.ts';
import { newSecretKey, openSecret } from '../services/imports/secret.ts';
import {
	type NewRosterAccount,
	type RosterImportResult,
	startRosterImport
} from '../services/roster/import.ts';
import { ROSTER_KIND } from '../services/roster/preview.ts';
import { writeWorkbook } from '../spreadsheet/index.ts';
import { finishedJob } from './imports.ts';

export { JobFailed } from './imports.ts';

export const HEADER = ['单位', '姓名', '工号', '职务', '职级', '任命方式', '状态', '角色'];

export async function xlsx(rows: string[][], header = HEADER) {
	const bytes = await writeWorkbook([
		{ name: '花名册', columns: header.map((h) => ({ header: h })), rows }
	]);
	return { name: '花名册.xlsx', bytes };
}

export async function tally(db: Db) {
	const n = async (table: typeof person | typeof user | typeof auditEntry | typeof roleGrant) =>
		(await db.select({ n: count() }).from(table))[0]!.n;
	return {
		people: await n(person),
		users: await n(user),
		audit: await n(auditEntry),
		grants: await n(roleGrant)
	};
}

const KEY = newSecretKey();

/** Runs the import job to its end, as the roster page would follow it. */
export async function importRoster(ctx: Ctx, input: { stagedId: string }, hooks: JobHooks = {}) {
	const started = await startRosterImport(ctx, input, KEY, hooks);
	const result = await finishedJob<RosterImportResult>(ctx, ROSTER_KIND, started);
	const sealed = await readSealedSecret(ctx, ROSTER_KIND, started.id);
	return { ...result, accounts: openSecret<NewRosterAccount[]>(KEY, started.id, sealed!)! };
}
