import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { type Ctx, write } from '../../context.ts';
import { type Publisher, withPublisher } from '../../db/publishing.ts';
import type { Tx } from '../../db/index.ts';
import {
	type ImportJobState,
	importJob,
	importSecret,
	stagedImport
} from '../../db/schema/index.ts';
import { AppError, NotFoundError, isDatabaseBusy } from '../../errors.ts';
import { log } from '../../log.ts';
import { t } from '$lib/i18n.ts';
import type { AuditInput } from '../audit/append.ts';
import {
	AuditHeadMoved,
	type PreparedAudit,
	chainAudit,
	prepareAudit,
	publishAudit
} from './audit-batch.ts';
import {
	type Reservable,
	type SearchIndex,
	type TypedStaging,
	dropOrphans,
	dropRows,
	reserveIds,
	stageRows,
	stageTyped,
	writeSearchRowsAhead
} from './rows.ts';
import { sealSecret } from './secret.ts';
import { previewIdOf } from './staging.ts';

/**
 * Import jobs: a confirmed import runs in the background in short steps, so that no write
 * transaction holds the database for long and the person importing sees its progress.
 *
 *   prepare  reads and checks, hashes, builds every row, and stages the rows (import_row) in
 *            transactions of a few milliseconds each, reporting progress;
 *   publish  one short transaction copies the staged rows into their tables (INSERT … SELECT),
 *            after checking that nothing they rely on changed meanwhile.
 *
 * A failure at any point before publish leaves nothing visible; publish is all or nothing.
 */

const JOB_MINUTES = 60;
/** A running job that has not reported for this long was interrupted (its process stopped). */
const STALE_MS = 2 * 60_000;
/** How often progress is written while a phase runs. */
const PROGRESS_EVERY_MS = 300;
/**
 * Attempts at publishing with the audit entries chained beforehand (see audit-batch.ts): each one
 * that finds the chain moved holds the lock for a millisecond; the last chains them inside.
 */
const CHAINED_ATTEMPTS = 10;

/** Why a job failed, in the importer's language, with the rows or lines at fault when known. */
export interface JobFailure {
	message: string;
	details?: unknown;
}

/** A job's failure with details for its page (row errors, line issues). */
export class ImportFailedError extends Error {
	constructor(
		readonly failure: JobFailure,
		options?: { cause?: unknown }
	) {
		super(failure.message, options);
	}
}

export interface ImportJobView<R = unknown> {
	id: string;
	kind: string;
	fileName: string;
	state: ImportJobState;
	/** What the job does now, in the reader's language (stored as a message key). */
	phase: string;
	done: number;
	total: number;
	result: R | null;
	failure: JobFailure | null;
}

/**
 * For tests: what happens in the world between staging (and chaining the audit entries) and each
 * attempt at publishing — another writer, a crash.
 */
export interface JobHooks {
	beforePublish?: (attempt: number) => Promise<void>;
}

/** What a kind of import does in each of the two steps. */
export interface ImportWork<R> {
	prepare(job: ImportJobRun): Promise<void>;
	/** Runs inside the one short publishing transaction, after the staged audit entries. */
	publish(tx: Ctx & { db: Tx }, job: ImportJobRun): Promise<R>;
}

/** What `prepare` and `publish` use: progress, staging, reserved ids, audit entries, secrets. */
export class ImportJobRun {
	/** Audit entries to append when the job publishes, in order. */
	readonly audits: AuditInput[] = [];
	private phaseKey = '';
	private done = 0;
	private total = 0;
	private reported = 0;
	private next = new Map<string, number>();

	constructor(
		readonly ctx: Ctx,
		readonly id: string,
		private readonly secretKey: Buffer | null
	) {}

	/** Starts a phase of `total` steps; the page shows it by its message key. */
	async phase(key: string, total: number): Promise<void> {
		this.phaseKey = key;
		this.done = 0;
		this.total = total;
		await this.report(true);
	}

	/** Counts `n` steps of the current phase as done. */
	async step(n = 1): Promise<void> {
		this.done = Math.min(this.total, this.done + n);
		await this.report(this.done === this.total);
	}

	private async report(now: boolean): Promise<void> {
		if (!now && Date.now() - this.reported < PROGRESS_EVERY_MS) return;
		this.reported = Date.now();
		const { phaseKey: phase, done, total } = this;
		await write(this.ctx.db, (tx) =>
			tx
				.update(importJob)
				.set({ phase, done, total, updatedAt: new Date() })
				.where(eq(importJob.id, this.id))
		);
	}

	/** Stages rows for `target` (numbered on from earlier calls), counting each as a step. */
	async stage(target: string, rows: readonly unknown[], countSteps = true): Promise<void> {
		const from = this.next.get(target) ?? 0;
		const step = (n: number) => (countSteps ? this.step(n) : Promise.resolve());
		this.next.set(target, await stageRows(this.ctx.db, this.id, target, rows, from, step));
	}

	/**
	 * Stages `rows` in `table`, in the shape they are published in: each of `columns` (staged
	 * column → field of the row), counting each row as a step.
	 */
	async stageTyped(
		table: TypedStaging,
		columns: Readonly<Record<string, string>>,
		rows: readonly object[]
	): Promise<void> {
		const fields = Object.values(columns);
		const values = rows.map((row) =>
			fields.map((f) => (row as Record<string, unknown>)[f] ?? null)
		);
		const from = this.next.get(table) ?? 0;
		this.next.set(
			table,
			await stageTyped(this.ctx.db, this.id, table, Object.keys(columns), values, from, (n) =>
				this.step(n)
			)
		);
	}

	/** Writes full-text rows of new rows ahead of publishing (see rows.ts), counting steps. */
	async searchAhead(index: SearchIndex, rows: readonly { rowid: number; text: string }[]) {
		await writeSearchRowsAhead(this.ctx.db, index, rows, (n) => this.step(n));
	}

	/** Reserves ids for `n` new rows of `table` (see rows.ts); returns the first. */
	async reserve(table: Reservable, n: number): Promise<number> {
		if (n === 0) return 0;
		return write(this.ctx.db, async (tx) => {
			const first = await reserveIds(tx, table, n);
			await tx
				.update(importJob)
				.set({
					reserved: sql`json_set(coalesce(${importJob.reserved}, '{}'), ${`$.${table}`}, json_array(${first}, ${first + n - 1}))`
				})
				.where(eq(importJob.id, this.id));
			return first;
		});
	}

	/**
	 * Keeps `value` (one-time passwords) for the importer, sealed with their key (see secret.ts).
	 * Written before publishing, to keep that transaction short; the page shows it once the job
	 * is done.
	 */
	async seal(value: unknown): Promise<void> {
		if (!this.secretKey) throw new Error('this job has no key to seal a secret with');
		const sealed = sealSecret(this.secretKey, this.id, value);
		await write(this.ctx.db, (tx) =>
			tx
				.insert(importSecret)
				.values({ jobId: this.id, sealed })
				.onConflictDoUpdate({ target: importSecret.jobId, set: { sealed } })
		);
	}
}

/**
 * Starts `work` as the job `id` (the staged upload's id) unless that job is already running or
 * done — a second confirm of the same preview starts nothing. A failed job may be started again.
 * Returns at once; the job goes on after the request that started it has been answered
 * (`finished` settles when it ends, for tests; it never rejects).
 */
export async function startImportJob<R>(
	ctx: Ctx,
	job: { kind: string; id: string; fileName: string; secretKey?: Buffer } & JobHooks,
	work: ImportWork<R>
): Promise<{ finished: Promise<void> }> {
	await purgeImportJobs(ctx);
	const now = ctx.now;
	const fresh = {
		state: 'running' as const,
		phase: 'import_phase_waiting',
		done: 0,
		total: 0,
		result: null,
		failure: null,
		reserved: null,
		createdAt: now,
		updatedAt: new Date(),
		expiresAt: new Date(now.getTime() + JOB_MINUTES * 60_000)
	};
	const claimed = await write(ctx.db, async (tx) => {
		const rows = await tx
			.insert(importJob)
			.values({ id: job.id, userId: ctx.user.id, kind: job.kind, fileName: job.fileName, ...fresh })
			.onConflictDoUpdate({
				target: importJob.id,
				set: fresh,
				where: and(eq(importJob.state, 'failed'), eq(importJob.userId, ctx.user.id))
			})
			.returning({ id: importJob.id });
		// a failed job started again seals its own secret
		if (rows.length > 0) await tx.delete(importSecret).where(eq(importSecret.jobId, job.id));
		return rows;
	});
	if (claimed.length === 0) return { finished: Promise.resolve() };
	const run = new ImportJobRun(ctx, job.id, job.secretKey ?? null);
	// not awaited by the request: the job outlives it; every failure ends in the job's row
	const finished = runJob(run, work, job.beforePublish).catch((e: unknown) =>
		logJobError(job.id, e)
	);
	return { finished };
}

async function runJob<R>(
	run: ImportJobRun,
	work: ImportWork<R>,
	beforePublish: JobHooks['beforePublish']
): Promise<void> {
	const { ctx, id } = run;
	try {
		await work.prepare(run);
		await run.phase('import_phase_publishing', 1);
		const audit = await prepareAudit(ctx, id, run.audits);
		await withPublisher(ctx, (publisher) => publish(run, work, audit, publisher, beforePublish));
	} catch (e) {
		await write(ctx.db, (tx) =>
			tx
				.update(importJob)
				.set({ state: 'failed', failure: failureOf(e), updatedAt: new Date() })
				.where(eq(importJob.id, id))
		).catch((second: unknown) => logJobError(id, second));
		await dropOrphansOf(ctx, id).catch((second: unknown) => logJobError(id, second));
	} finally {
		await dropRows(ctx.db, id).catch((e: unknown) => logJobError(id, e));
	}
}

/**
 * Publishes the staged job in one transaction, its audit entries chained beforehand, again after
 * the chain's head moved (see audit-batch.ts).
 */
async function publish<R>(
	run: ImportJobRun,
	work: ImportWork<R>,
	audit: PreparedAudit,
	publisher: Publisher<Ctx>,
	beforePublish: JobHooks['beforePublish']
): Promise<void> {
	const { ctx, id } = run;
	for (let attempt = 1; ; attempt++) {
		// chained after the head as it is now: again if it moves before the transaction begins
		const chained = await chainAudit(ctx.db, audit);
		await beforePublish?.(attempt);
		try {
			await publisher.transact(async (tx) => {
				const [self] = await tx.db
					.select({ state: importJob.state })
					.from(importJob)
					.where(eq(importJob.id, id));
				if (self?.state !== 'running') throw new AppError('import_interrupted');
				await publishAudit(tx, audit, chained, attempt >= CHAINED_ATTEMPTS);
				const result = await work.publish(tx, run);
				await tx.db
					.update(importJob)
					.set({ state: 'done', phase: '', done: 1, total: 1, result, updatedAt: new Date() })
					.where(eq(importJob.id, id));
				// the upload is used up (a done job is never started again), and its saved preview
				// with it: two rows by key, in the transaction that publishes, so none is left behind
				await tx.db.delete(stagedImport).where(inArray(stagedImport.id, [id, previewIdOf(id)]));
			});
			return;
		} catch (e) {
			if (!(e instanceof AuditHeadMoved)) throw e;
		}
	}
}

/** Removes what a job that will never publish wrote ahead (full-text rows of reserved ids). */
async function dropOrphansOf(ctx: Pick<Ctx, 'db'>, id: string): Promise<void> {
	const [job] = await ctx.db
		.select({ reserved: importJob.reserved })
		.from(importJob)
		.where(eq(importJob.id, id));
	await dropOrphans(ctx.db, job?.reserved ?? null);
}

function failureOf(e: unknown): JobFailure {
	if (e instanceof ImportFailedError) return e.failure;
	if (isDatabaseBusy(e)) return { message: t('error_busy') };
	if (e instanceof AppError) return { message: t(e.messageKey, e.params) };
	// the id the job's page shows, to find the stack in the log (as for a failed request)
	const errorId = crypto.randomUUID();
	log.error({ errorId, err: e }, 'unexpected error in an import job');
	return { message: `${t('error_unexpected')} (${errorId})` };
}

/**
 * Cleaning up after a job: logged, never thrown (the job's outcome is already kept). A busy
 * database is no fault: what was left is removed when the job expires (purgeImportJobs).
 */
function logJobError(jobId: string, e: unknown): void {
	if (isDatabaseBusy(e)) log.warn({ jobId }, 'import job: cleanup left for later, database busy');
	else log.error({ jobId, err: e }, 'import job');
}

/**
 * The user's own job of this kind, as its page shows it. A running job that stopped reporting
 * was interrupted (its process stopped): it shows as failed, and nothing of it was published.
 * @throws NotFoundError for another user's job, another kind or an expired one
 */
export async function readImportJob<R>(
	ctx: Ctx,
	kind: string,
	id: string
): Promise<ImportJobView<R>> {
	const [row] = await ctx.db
		.select()
		.from(importJob)
		.where(and(eq(importJob.id, id), eq(importJob.kind, kind), eq(importJob.userId, ctx.user.id)));
	if (!row || row.expiresAt <= ctx.now) throw new NotFoundError();
	const stale = row.state === 'running' && ctx.now.getTime() - row.updatedAt.getTime() > STALE_MS;
	return {
		id: row.id,
		kind: row.kind,
		fileName: row.fileName,
		state: stale ? 'failed' : row.state,
		phase: t(row.phase),
		done: row.done,
		total: row.total,
		result: (row.result as R | null) ?? null,
		failure: stale
			? { message: t('import_interrupted') }
			: ((row.failure as JobFailure | null) ?? null)
	};
}

/** The sealed secret of the user's own finished job, or null. */
export async function readSealedSecret(ctx: Ctx, kind: string, id: string): Promise<string | null> {
	const [row] = await ctx.db
		.select({ sealed: importSecret.sealed, state: importJob.state, expiresAt: importJob.expiresAt })
		.from(importJob)
		.innerJoin(importSecret, eq(importSecret.jobId, importJob.id))
		.where(and(eq(importJob.id, id), eq(importJob.kind, kind), eq(importJob.userId, ctx.user.id)));
	return row?.state === 'done' && row.expiresAt > ctx.now ? row.sealed : null;
}

/**
 * Removes expired jobs, and marks running jobs that stopped reporting as failed; the staged rows
 * of both are removed a chunk per transaction (ids they had reserved are simply never used).
 */
export async function purgeImportJobs(ctx: Pick<Ctx, 'db' | 'now'>): Promise<void> {
	const stale = new Date(ctx.now.getTime() - STALE_MS);
	const gone = await ctx.db
		.select({ id: importJob.id, expiresAt: importJob.expiresAt })
		.from(importJob)
		.where(
			or(
				lt(importJob.expiresAt, ctx.now),
				and(eq(importJob.state, 'running'), lt(importJob.updatedAt, stale))
			)
		);
	for (const job of gone) {
		// failed first: a slow job that is still alive then refuses to publish (see runJob)
		await write(ctx.db, (tx) =>
			tx
				.update(importJob)
				.set({ state: 'failed', failure: { message: t('import_interrupted') } })
				.where(eq(importJob.id, job.id))
		);
		await dropRows(ctx.db, job.id);
		await dropOrphansOf(ctx, job.id);
		if (job.expiresAt < ctx.now) {
			await write(ctx.db, (tx) => tx.delete(importJob).where(eq(importJob.id, job.id)));
		}
	}
}
