import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appendEntry, verifyChain } from '@xuefa/core';
import type { Db } from '../../db/index.ts';
import { auditCheckpoint, auditEntry } from '../../db/schema/index.ts';
import { createUnit, renameUnit } from '../units/mutate.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district } from '../../testing/factories.ts';
import { auditActionLabel, auditChanges, auditEntityType } from '$lib/audit.ts';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { listAudit } from './list.ts';
import { nodeSha256, toChainEntry } from './append.ts';
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

describe('the audit page', () => {
	it('reads as words in both languages: actions, objects, unit names, changed fields', async () => {
		const { ctx } = await withEntries();
		const { rows, names } = await listAudit(ctx, { actor: '', page: 1 });
		const read = (locale: 'zh-CN' | 'en') => {
			overwriteGetLocale(() => locale);
			return rows.map((r) => ({
				action: auditActionLabel(r.action, r.entityType),
				entity: auditEntityType(r.entityType),
				changes: auditChanges(r, names, locale).map(
					(c) => `${c.label}: ${c.before ?? ''} > ${c.after ?? ''}`
				)
			}));
		};
		try {
			// newest first: the third unit, the rename, the first unit
			expect(read('zh-CN')).toEqual([
				{
					action: '新建单位',
					entity: '单位',
					changes: ['名称:  > 第三个', '类型:  > 办公室（科室）', '上级单位:  > 测试区政府']
				},
				{
					action: '修改单位',
					entity: '单位',
					changes: ['名称: 新单位 > 改名单位', '类型: 办公室（科室） > 局（部门）']
				},
				{
					action: '新建单位',
					entity: '单位',
					changes: ['名称:  > 新单位', '类型:  > 办公室（科室）', '上级单位:  > 测试区政府']
				}
			]);
			expect(read('en')[1]).toEqual({
				action: 'Unit renamed',
				entity: 'Unit',
				changes: ['Name: 新单位 > 改名单位', 'Kind: Office > Bureau']
			});
		} finally {
			overwriteGetLocale(() => 'zh-CN');
		}
	});

	it('names coded values by the object they belong to, and an action without a name by its object', () => {
		const none = { unit: {}, bank: { '3': '区级题库' }, person: {}, team: {}, planItem: {} };
		const changes = (entityType: string, before: unknown, after: unknown) =>
			auditChanges({ entityType, before, after }, none, 'zh-CN').map(
				(c) => `${c.label}: ${c.before ?? ''} > ${c.after ?? ''}`
			);
		expect(changes('question', { status: 'draft' }, { status: 'ready' })).toEqual([
			'状态: 草稿（待审核） > 已审核'
		]);
		expect(changes('person', { status: 'active' }, { status: 'inactive' })).toEqual([
			'状态: 在职 > 停用'
		]);
		expect(
			changes('question', null, { bankId: 3, type: 'single', version: 1, status: 'draft' })
		).toEqual(['题库:  > 区级题库', '题型:  > 单选', '版本:  > 1', '状态:  > 草稿（待审核）']);
		expect(changes('question', { reviewFlag: { law: '宪法', articles: [27, 28] } }, null)).toEqual([
			'待复核条文: 《宪法》第二十七条和第二十八条 > '
		]);
		expect(changes('user', null, { roles: ['cadre', 'organiser'], unitId: 99 })).toEqual([
			'角色:  > 学员和组织者',
			'单位:  > #99'
		]);
		expect(auditActionLabel('account.locked', 'user')).toBe('账号：account.locked');
	});

	it('names a flagged question’s articles and a plan item’s citations as the reader does', () => {
		const none = { unit: {}, bank: {}, person: {}, team: {}, planItem: {} };
		const read = (locale: 'zh-CN' | 'en', entityType: string, after: unknown) => {
			overwriteGetLocale(() => locale);
			return auditChanges({ entityType, before: null, after }, none, locale).map((c) => c.after);
		};
		const flag = { reviewFlag: { law: '宪法', articles: [27, 28] } };
		const laws = { laws: [{ lawId: '行政处罚法', articleNo: 44 }, { lawId: '宪法' }] };
		try {
			expect(read('en', 'question', flag)).toEqual(['《宪法》Article 27 and Article 28']);
			expect(read('en', 'study_plan_item', laws)).toEqual([
				'《行政处罚法》Article 44 and 《宪法》'
			]);
			expect(read('zh-CN', 'study_plan_item', laws)).toEqual([
				'《行政处罚法》第四十四条和《宪法》'
			]);
		} finally {
			overwriteGetLocale(() => 'zh-CN');
		}
	});
});

describe('anchoring the chain with signed checkpoints', () => {
	/** Someone with the database file drops the triggers that keep the log append-only. */
	async function dropTriggers(db: Db) {
		for (const t of [
			'audit_entry_no_update',
			'audit_entry_no_delete',
			'audit_checkpoint_no_update',
			'audit_checkpoint_no_delete'
		]) {
			await db.run(sql.raw(`DROP TRIGGER ${t}`));
		}
	}

	it('detects the last entries deleted after a verification', async () => {
		const { db, ctx } = await withEntries();
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, count: 3 });
		await dropTriggers(db);
		await db.run(sql`DELETE FROM audit_entry WHERE seq >= 2`);
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: false, seq: 2, problem: 'truncated' });
	});

	it('detects an entry rewritten with every hash after it recomputed', async () => {
		const { db, ctx } = await withEntries();
		await verifyAuditChain(ctx);
		await dropTriggers(db);
		const rows = await db.select().from(auditEntry).orderBy(auditEntry.seq);
		// entry 2 says something else now, and the chain is re-linked from there
		let prev = toChainEntry(rows[0]!);
		for (const row of rows.slice(1)) {
			const forged =
				row.seq === 2 ? { ...row, after: { name: '伪造', kind: 'bureau' } } : { ...row };
			const entry = appendEntry(prev, toChainEntry(forged), nodeSha256);
			await db
				.update(auditEntry)
				.set({ after: forged.after, prevHash: entry.prevHash, hash: entry.hash })
				.where(eq(auditEntry.seq, row.seq));
			prev = entry;
		}
		// the chain itself links up again: only the checkpoint can tell
		const relinked = await db.select().from(auditEntry).orderBy(auditEntry.seq);
		expect(verifyChain(relinked.map(toChainEntry))).toMatchObject({ ok: true });
		expect(await verifyAuditChain(ctx)).toMatchObject({
			ok: false,
			seq: 3,
			problem: 'rewritten'
		});
	});

	it('refuses a checkpoint that was not signed with the installation key', async () => {
		const { db, ctx } = await withEntries();
		const [row] = await db.select().from(auditEntry).where(eq(auditEntry.seq, 3));
		await db
			.insert(auditCheckpoint)
			.values({ seq: 3, hash: row!.hash, at: ctx.now, mac: 'ab'.repeat(32) });
		expect(await verifyAuditChain(ctx)).toMatchObject({
			ok: false,
			problem: 'checkpoint_forged'
		});
	});

	it('checks against a head kept elsewhere, even when every checkpoint was wiped too', async () => {
		const { db, ctx } = await withEntries();
		const verified = await verifyAuditChain(ctx);
		if (!verified.ok) throw new Error('expected a verified chain');
		const kept = verified.head;
		expect(kept).toMatchObject({ seq: 3, hash: verified.lastHash });
		await dropTriggers(db);
		await db.run(sql`DELETE FROM audit_checkpoint`);
		await db.run(sql`DELETE FROM audit_entry WHERE seq = 3`);
		// without the kept head nothing inside the database can tell
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, count: 2 });
		expect(await verifyAuditChain(ctx, { head: kept })).toMatchObject({
			ok: false,
			seq: 3,
			problem: 'truncated'
		});
		// a head whose numbers were edited is not this installation's
		expect(await verifyAuditChain(ctx, { head: { ...kept, seq: 2 } })).toMatchObject({
			ok: false,
			problem: 'head_forged'
		});
	});

	it('writes checkpoints on appends: a minute or a hundred entries after the last one', async () => {
		const db = await testDb();
		const { root, admin } = await district(db);
		const at = async (minute: number) =>
			ctxFor(db, admin.user.id, new Date(Date.UTC(2026, 2, 2, 1, minute)));
		for (let i = 0; i < 150; i++) {
			await createUnit(await at(0), { parentId: root.id, name: `单位${i}`, kind: 'office' });
		}
		await createUnit(await at(5), { parentId: root.id, name: '五分钟后', kind: 'office' });
		const anchors = await db.select().from(auditCheckpoint).orderBy(auditCheckpoint.id);
		expect(anchors.map((a) => a.seq)).toEqual([1, 101, 151]);
	});
});
