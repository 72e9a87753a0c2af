import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transact } from '../../context.ts';
import { auditCheckpoint, auditEntry, importJob } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district } from '../../testing/factories.ts';
import { type AuditInput, appendAudit } from '../audit/append.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { AuditHeadMoved, chainAudit, prepareAudit, publishAudit } from './audit-batch.ts';

const entries = (n: number): AuditInput[] =>
	Array.from({ length: n }, (_, i) => ({
		action: 'person.created',
		entityType: 'person',
		entityId: i + 1,
		after: { name: `干部${i + 1}` }
	}));

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const ctx = await ctxFor(db, d.admin.user.id);
	const now = new Date();
	const jobId = 'a'.repeat(32);
	await db.insert(importJob).values({
		id: jobId,
		userId: d.admin.user.id,
		kind: 'roster',
		fileName: 'x.xlsx',
		state: 'running',
		createdAt: now,
		updatedAt: now,
		expiresAt: new Date(now.getTime() + 3_600_000)
	});
	// a verification signs the head as it is before the import
	expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, count: 0 });
	return { db, ctx, jobId };
}

const lastCheckpoint = async (db: Awaited<ReturnType<typeof setup>>['db']) =>
	(await db.select().from(auditCheckpoint).orderBy(desc(auditCheckpoint.id)).limit(1))[0];
const head = async (db: Awaited<ReturnType<typeof setup>>['db']) =>
	(await db.select().from(auditEntry).orderBy(desc(auditEntry.seq)).limit(1))[0];

describe("an import's audit entries, appended in bulk", () => {
	it('keep the checkpoint rule of every append: the head is signed once 100 entries are unsigned', async () => {
		// chained in the transaction, or ahead of it
		for (const [n, chainedAhead, signed] of [
			[30, false, 0],
			[150, false, 150],
			[400, true, 400]
		] as const) {
			const { db, ctx, jobId } = await setup();
			const audit = await prepareAudit(ctx, jobId, entries(n));
			const chained = chainedAhead ? await chainAudit(ctx.db, audit) : undefined;
			await transact(ctx, (tx) => publishAudit(tx, audit, chained));
			const last = await head(db);
			expect(last?.seq).toBe(n);
			const checkpoint = await lastCheckpoint(db);
			expect(checkpoint?.seq).toBe(signed);
			if (signed) expect(checkpoint?.hash).toBe(last!.hash);
			expect(await verifyAuditChain(ctx)).toMatchObject({
				ok: true,
				count: n,
				checkpoints: signed ? 2 : 1
			});
		}
	});

	it('follow an entry appended after they were chained: the chain stays whole, in order', async () => {
		const { db, ctx, jobId } = await setup();
		const audit = await prepareAudit(ctx, jobId, entries(120));
		const chained = await chainAudit(ctx.db, audit);
		await transact(ctx, (tx) =>
			appendAudit(tx, { action: 'unit.updated', entityType: 'unit', entityId: 1 })
		);
		await transact(ctx, (tx) => publishAudit(tx, audit, chained));
		const rows = await db.select().from(auditEntry).orderBy(auditEntry.seq);
		expect(rows.map((r) => r.action)).toEqual([
			'unit.updated',
			...Array.from({ length: 120 }, () => 'person.created')
		]);
		expect(rows.at(-1)).toMatchObject({ entityId: '120', after: { name: '干部120' } });
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, count: 121 });
	});

	it('give up, writing nothing, when the head moved and they may not be chained again', async () => {
		const { db, ctx, jobId } = await setup();
		const audit = await prepareAudit(ctx, jobId, entries(10));
		const chained = await chainAudit(ctx.db, audit);
		await transact(ctx, (tx) =>
			appendAudit(tx, { action: 'unit.updated', entityType: 'unit', entityId: 1 })
		);
		await expect(transact(ctx, (tx) => publishAudit(tx, audit, chained, false))).rejects.toThrow(
			AuditHeadMoved
		);
		expect(await db.$count(auditEntry)).toBe(1);
	});
});
