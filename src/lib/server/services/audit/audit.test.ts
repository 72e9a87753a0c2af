import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '@xuefa/core';
import { auditEntry } from '../../db/schema/index.ts';
import { createUnit, renameUnit } from '../units/mutate.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district } from '../../testing/factories.ts';
import { auditChanges } from '$lib/audit.ts';
import { auditActionLabel, auditEntityType } from '$lib/labels.ts';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { toChainEntry } from './append.ts';
import { listAudit } from './list.ts';
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
		const { rows, names } = await listAudit(ctx, 1);
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
		const none = { unit: {}, bank: { '3': '区级题库' }, person: {} };
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
});
