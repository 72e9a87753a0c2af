import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '@xuefa/core';
import { auditEntry } from '../../db/schema/index.ts';
import { createUnit, renameUnit } from '../units/mutate.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district } from '../../testing/factories.ts';
import { toChainEntry } from './append.ts';
import { verifyAuditChain } from './verify.ts';

async function withEntries() {
	const db = await testDb();
	const { root, admin } = await district(db);
	const ctx = await ctxFor(db, admin.user.id);
	const id = await createUnit(ctx, { parentId: root.id, name: '新单位', kind: 'office' });
	await renameUnit(ctx, { unitId: id, name: '改名单位', kind: 'bureau' });
	await createUnit(ctx, { parentId: root.id, name: '第三个', kind: 'office' });
	return { db, ctx };
}

describe('audit log', () => {
	it('chains every entry so that the core verifier accepts it', async () => {
		const { db, ctx } = await withEntries();
		const rows = await db.select().from(auditEntry).orderBy(auditEntry.seq);
		expect(rows.map((r) => r.action)).toEqual(['unit.created', 'unit.renamed', 'unit.created']);
		expect(rows[1]!.before).toEqual({ name: '新单位', kind: 'office' });
		// the core's own pure SHA-256 agrees with the node:crypto hashes the app writes
		expect(verifyChain(rows.map(toChainEntry))).toMatchObject({ ok: true, count: 3 });
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, count: 3 });
	});

	it('refuses UPDATE and DELETE at the database', async () => {
		const { db } = await withEntries();
		const refusal = (e: Error) => String(e.cause ?? e.message);
		const update = db.run(sql`UPDATE audit_entry SET action = 'x' WHERE seq = 1`);
		await expect(update.catch(refusal)).resolves.toMatch(/append-only/);
		const remove = db.run(sql`DELETE FROM audit_entry WHERE seq = 2`);
		await expect(remove.catch(refusal)).resolves.toMatch(/append-only/);
		expect(await db.select().from(auditEntry)).toHaveLength(3);
	});

	it('pinpoints an entry altered behind the triggers', async () => {
		const { db, ctx } = await withEntries();
		// someone with file access drops the trigger and edits history
		await db.run(sql`DROP TRIGGER audit_entry_no_update`);
		await db.run(sql`UPDATE audit_entry SET after = '{"name":"伪造"}' WHERE seq = 2`);
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: false, seq: 2, problem: 'altered' });
	});

	it('pinpoints a removed entry', async () => {
		const { db, ctx } = await withEntries();
		await db.run(sql`DROP TRIGGER audit_entry_no_delete`);
		await db.run(sql`DELETE FROM audit_entry WHERE seq = 2`);
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: false, seq: 3, problem: 'removed' });
	});
});
