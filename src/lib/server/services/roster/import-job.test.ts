import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password.ts';
import { transact } from '../../context.ts';
import {
	importAuditEntry,
	importJob,
	importPerson,
	importPersonUpdate,
	importRoleGrant,
	importRow,
	importUser,
	person,
	user
} from '../../db/schema/index.ts';
import { ctxFor, district, makePerson } from '../../testing/factories.ts';
import { testDb } from '../../testing/db.ts';
import { JobFailed, importRoster, tally, xlsx } from '../../testing/roster.ts';
import { appendAudit } from '../audit/append.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { purgeImportJobs } from '../imports/job.ts';
import { previewRoster } from './preview.ts';

/** `n` new cadres of 区司法局, employee numbers R00001 … */
const cadres = (n: number) =>
	Array.from({ length: n }, (_, i) => {
		const no = `R${String(i + 1).padStart(5, '0')}`;
		return ['区司法局', `干部${i + 1}`, no, '科员', '科员', '非人大任命', '在职', '学员'];
	});

async function setup(rows: number) {
	const db = await testDb();
	const d = await district(db);
	const ctx = await ctxFor(db, d.admin.user.id);
	const preview = await previewRoster(ctx, await xlsx(cadres(rows)));
	expect(preview.errors).toEqual([]);
	return { db, d, ctx, stagedId: preview.stagedId! };
}

/** `n` cadres imported, then the same roster with every one promoted, previewed. */
async function promotedAll(n: number) {
	const { db, ctx, stagedId } = await setup(n);
	await importRoster(ctx, { stagedId });
	const before = await tally(db);
	const promoted = cadres(n).map((r) => r.map((c, i) => (i === 3 ? '副科长' : c)));
	const preview = await previewRoster(ctx, await xlsx(promoted));
	return { db, ctx, before, stagedId: preview.stagedId! };
}

/** Rows staged in any staging table. */
const stagedRows = async (db: Awaited<ReturnType<typeof setup>>['db']) => {
	let n = 0;
	for (const table of [
		importRow,
		importPerson,
		importPersonUpdate,
		importUser,
		importRoleGrant,
		importAuditEntry
	]) {
		n += await db.$count(table);
	}
	return n;
};

describe('a large roster import, staged in short steps and published at once', () => {
	// 5 s alone; three test runs sharing two cores took it past the default 20 s
	it(
		'imports 1,200 rows: people, accounts, grants, an intact audit chain, and no rows left staged',
		{ timeout: 60_000 },
		async () => {
			const { db, ctx, stagedId } = await setup(1200);
			const before = await tally(db);
			const result = await importRoster(ctx, { stagedId });
			expect(result.counts).toEqual({ create: 1200, update: 0, unchanged: 0 });
			expect(result.accounts).toHaveLength(1200);
			const after = await tally(db);
			expect(after.people - before.people).toBe(1200);
			expect(after.users - before.users).toBe(1200);
			expect(after.grants - before.grants).toBe(1200);
			// person.created (with the account opened) per row, and roster.imported
			expect(after.audit - before.audit).toBe(1201);
			expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, count: after.audit });

			const last = result.accounts.at(-1)!;
			const [account] = await db.select().from(user).where(eq(user.username, last.username));
			expect(account!.mustChangePassword).toBe(true);
			expect(await verifyPassword(account!.passwordHash, last.password)).toBe(true);
			const [p] = await db.select().from(person).where(eq(person.id, account!.personId!));
			expect(p).toMatchObject({ employeeNo: last.username, name: last.name });
			expect(await stagedRows(db)).toBe(0);
		}
	);

	it('imports nothing when someone takes an employee number between staging and publishing', async () => {
		const { db, d, ctx, stagedId } = await setup(600);
		const failure = await importRoster(
			ctx,
			{ stagedId },
			{
				beforePublish: async () => {
					await makePerson(db, d.b.id, { employeeNo: 'r00300' });
				}
			}
		).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(JobFailed);
		expect((failure as JobFailed).message).toBe('数据在预览之后发生了变化，请重新上传并预览。');
		// only the person made meanwhile: none of the 600, no account, no audit entry
		expect((await db.select({ n: count() }).from(person))[0]!.n).toBe(2);
		expect((await db.select({ n: count() }).from(user))[0]!.n).toBe(1);
		expect((await tally(db)).audit).toBe(0);
		expect(await stagedRows(db)).toBe(0);
	});

	it('updates every changed person of a re-imported roster, one audit entry each', async () => {
		const { db, ctx, before, stagedId } = await promotedAll(400);
		const result = await importRoster(ctx, { stagedId });
		expect(result.counts).toEqual({ create: 0, update: 400, unchanged: 0 });
		const positions = await db
			.select({ position: person.position, n: count() })
			.from(person)
			.where(sql`${person.employeeNo} GLOB 'R[0-9]*'`)
			.groupBy(person.position);
		expect(positions).toEqual([{ position: '副科长', n: 400 }]);
		// person.updated per row, and roster.imported
		expect((await tally(db)).audit - before.audit).toBe(401);
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true });
		expect(await stagedRows(db)).toBe(0);
	});

	it('updates nobody when someone edits one of the people between staging and publishing', async () => {
		const { db, ctx, before, stagedId } = await promotedAll(400);
		const failure = await importRoster(
			ctx,
			{ stagedId },
			{
				beforePublish: async () => {
					await db
						.update(person)
						.set({ name: '改过的名字', updatedAt: new Date(Date.now() + 60_000) })
						.where(eq(person.employeeNo, 'R00399'));
				}
			}
		).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(JobFailed);
		expect((failure as JobFailed).message).toBe('数据在预览之后发生了变化，请重新上传并预览。');
		// the audit entries were appended first in the same transaction: gone with the rest
		expect(await tally(db)).toEqual(before);
		const promotedNow = await db.$count(person, eq(person.position, '副科长'));
		expect(promotedNow).toBe(0);
		expect(await stagedRows(db)).toBe(0);
	});

	it('leaves nothing behind when the process dies after staging, and can be confirmed again', async () => {
		const { db, ctx, stagedId } = await setup(600);
		const before = await tally(db);
		const failure = await importRoster(
			ctx,
			{ stagedId },
			{
				beforePublish: async () => {
					throw new Error('power cut');
				}
			}
		).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(JobFailed);
		expect(await tally(db)).toEqual(before);
		expect(await stagedRows(db)).toBe(0);
		// the preview is still there: confirming it again imports it
		const result = await importRoster(ctx, { stagedId });
		expect(result.counts.create).toBe(600);
	});

	it('hashes the audit entries again when another writer appends while it publishes', async () => {
		const { d, ctx, stagedId } = await setup(300);
		const result = await importRoster(
			ctx,
			{ stagedId },
			{
				beforePublish: async (attempt) => {
					if (attempt > 2) return;
					await transact(ctx, (tx) =>
						appendAudit(tx, {
							action: 'unit.updated',
							entityType: 'unit',
							entityId: d.a.id,
							unitId: d.a.id
						})
					);
				}
			}
		);
		expect(result.counts.create).toBe(300);
		const audit = await verifyAuditChain(ctx);
		expect(audit).toMatchObject({ ok: true, count: 2 + 300 + 1 });
	});

	it('still publishes when another writer appends before every attempt: chained inside at last', async () => {
		const { d, ctx, stagedId } = await setup(200);
		let attempts = 0;
		const result = await importRoster(
			ctx,
			{ stagedId },
			{
				beforePublish: async (attempt) => {
					attempts = attempt;
					await transact(ctx, (tx) =>
						appendAudit(tx, {
							action: 'unit.updated',
							entityType: 'unit',
							entityId: d.a.id,
							unitId: d.a.id
						})
					);
				}
			}
		);
		expect(result.counts.create).toBe(200);
		expect(attempts).toBe(10);
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, count: 10 + 200 + 1 });
	});

	it('marks a job whose process stopped as failed and drops its staged rows', async () => {
		const { db, d, ctx } = await setup(1);
		const long = new Date('2026-03-02T08:00:00+08:00');
		await db.insert(importJob).values({
			id: 'f'.repeat(32),
			userId: d.admin.user.id,
			kind: 'roster',
			fileName: 'x.xlsx',
			state: 'running',
			createdAt: long,
			updatedAt: long,
			expiresAt: new Date(long.getTime() + 3_600_000)
		});
		await db.run(
			sql`INSERT INTO import_row (job_id, target, ord, data) VALUES (${'f'.repeat(32)}, 'person.update', 0, jsonb('{}'))`
		);
		await db.insert(importPerson).values({
			jobId: 'f'.repeat(32),
			ord: 0,
			id: 999,
			unitId: d.a.id,
			name: '某人',
			employeeNo: 'X1',
			position: '',
			rank: 'staff',
			appointmentRoute: 'government',
			status: 'active'
		});
		await purgeImportJobs(ctx);
		const [job] = await db
			.select()
			.from(importJob)
			.where(eq(importJob.id, 'f'.repeat(32)));
		expect(job).toMatchObject({ state: 'failed', failure: { message: expect.any(String) } });
		expect(await stagedRows(db)).toBe(0);
	});
});
