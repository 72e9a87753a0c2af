import { t } from '$lib/i18n.ts';
import type { RosterImportInput } from '$lib/schemas/roster.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { hashTemporaryPassword, temporaryPassword } from '../accounts/temporary-password.ts';
import { appendAudit } from '../audit/append.ts';
import {
	type ImportJobRun,
	type JobHooks,
	ImportFailedError,
	startImportJob
} from '../imports/job.ts';
import { readStaged } from '../imports/staging.ts';
import type { Sheet } from '../../spreadsheet/index.ts';
import { type JobIssues, jobIssues } from '../../uploads/issues.ts';
import { type RowError, planRoster } from './plan.ts';
import { ROSTER_KIND } from './preview.ts';
import { ROSTER_TYPED, ROSTER_TARGETS, publishRoster } from './publish.ts';
import { type NewRosterAccount, type RosterCounts, rosterRows } from './rows.ts';

export type { NewRosterAccount };

/** The row errors a failed roster job shows, when the file no longer imports. */
export type RosterJobDetails = JobIssues<RowError>;

/** What a finished roster import reports on its page (the passwords are sealed apart). */
export interface RosterImportResult {
	fileName: string;
	counts: RosterCounts;
	/** How many accounts were opened, each with a one-time password. */
	accounts: number;
}

// argon2 runs on libuv's thread pool (four threads): a few at a time keeps it busy without
// queueing thousands of jobs at once, and the event loop free.
const HASH_CONCURRENCY = 4;

async function oneTimePasswords(job: ImportJobRun, employeeNos: string[]) {
	const out = new Map<string, { password: string; hash: string }>();
	await job.phase('import_phase_passwords', employeeNos.length);
	for (let i = 0; i < employeeNos.length; i += HASH_CONCURRENCY) {
		const batch = employeeNos.slice(i, i + HASH_CONCURRENCY);
		await Promise.all(
			batch.map(async (e) => {
				const password = await temporaryPassword(e);
				out.set(e.toLowerCase(), { password, hash: await hashTemporaryPassword(password) });
			})
		);
		await job.step(batch.length);
	}
	return out;
}

/**
 * Starts importing a previewed roster as a background job (services/imports/job.ts), all or
 * nothing: the rows are planned again against the database as it is now; people are created and
 * updated, accounts opened (login = 工号, a one-time password sealed with `secretKey` for the
 * importer) and roles set on each person's unit, with the audit entries the people, account and
 * role services write. No write transaction of it lasts more than a few milliseconds but the
 * last, which publishes everything at once.
 * @returns the job's id, to follow it on the roster page, and when it finishes (for tests)
 */
export async function startRosterImport(
	ctx: Ctx,
	input: RosterImportInput,
	secretKey: Buffer,
	hooks: JobHooks = {}
): Promise<{ id: string; finished: Promise<void> }> {
	authorizeAnywhere(ctx, 'roster.import');
	const { fileName } = await readStaged<Sheet>(ctx, ROSTER_KIND, input.stagedId);
	const id = input.stagedId;
	let grantsToRevoke = 0;
	let result: RosterImportResult | undefined;
	const { finished } = await startImportJob(
		ctx,
		{ kind: ROSTER_KIND, id, fileName, secretKey, ...hooks },
		{
			async prepare(job) {
				const { payload: sheet } = await readStaged<Sheet>(ctx, ROSTER_KIND, id);
				await job.phase('import_phase_checking', sheet.rows.length);
				const plan = await planRoster(ctx, sheet);
				if (plan.errors.length > 0) {
					// stored with the job: a unit closed under a 5,000-row file breaks every row
					const details: RosterJobDetails = jobIssues(plan.errors);
					throw new ImportFailedError({ message: t('roster_nothing_imported'), details });
				}
				await job.step(sheet.rows.length);
				const newAccounts = plan.rows.filter((r) => r.needsAccount && r.action !== 'unchanged');
				const secrets = await oneTimePasswords(
					job,
					newAccounts.map((r) => r.fields.employeeNo)
				);
				const rows = rosterRows(plan.rows, secrets, {
					person: await job.reserve('person', plan.rows.filter((r) => !r.before).length),
					user: await job.reserve('user', newAccounts.length)
				});
				const targets = Object.entries(ROSTER_TARGETS) as [keyof typeof ROSTER_TARGETS, string][];
				const typed = Object.entries(ROSTER_TYPED) as [
					keyof typeof ROSTER_TYPED,
					(typeof ROSTER_TYPED)[keyof typeof ROSTER_TYPED]
				][];
				await job.phase(
					'import_phase_writing',
					[...targets, ...typed].reduce((n, [key]) => n + rows[key].length, 0)
				);
				for (const [key, target] of targets) await job.stage(target, rows[key]);
				for (const [key, { table, columns }] of typed) {
					await job.stageTyped(table, columns, rows[key]);
				}
				job.audits.push(...rows.audits);
				await job.seal(rows.accounts);
				grantsToRevoke = rows.grantDelete.length;
				result = { fileName, counts: rows.counts, accounts: rows.accounts.length };
			},
			async publish(tx) {
				await publishRoster(tx, id, grantsToRevoke);
				await appendAudit(tx, {
					action: 'roster.imported',
					entityType: 'roster',
					entityId: id,
					after: { fileName, ...result!.counts, accounts: result!.accounts }
				});
				return result!;
			}
		}
	);
	return { id, finished };
}
