import { desc, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditFilterInput } from '$lib/schemas/audit.ts';
import { auditEntry } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makeUser } from '../../testing/factories.ts';
import { createUnit, renameUnit } from '../units/mutate.ts';
import { AUDIT_COUNT_CAP, AUDIT_PAGE_SIZE, listAudit } from './list.ts';

const day = (d: string) => new Date(`${d}T10:00:00+08:00`);
const filter = (query: Record<string, string>) => auditFilterInput.parse(query);

/** Two administrators at work on different days: the district's, and the street's own. */
async function history() {
	const db = await testDb();
	const d = await district(db);
	const admin = await ctxFor(db, d.admin.user.id, day('2026-03-02'));
	const streetUser = await makeUser(db, d.b.id, [['admin', d.b.id]], { username: 'jiedao' });
	const street = await ctxFor(db, streetUser.user.id, day('2026-03-05'));
	const underA = await createUnit(admin, { parentId: d.a.id, name: '执法科', kind: 'office' });
	await renameUnit(
		{ ...admin, now: day('2026-03-03') },
		{ unitId: underA, name: '执法监督科', kind: 'office' }
	);
	const underB = await createUnit(street, { parentId: d.b.id, name: '综合办', kind: 'office' });
	return { db, ...d, admin, street, underA, underB };
}

const actions = (rows: { action: string; entityId: string }[]) =>
	rows.map((r) => `${r.action}#${r.entityId}`);

describe('the audit page', () => {
	it('filters by who acted: a login name, or part of a name', async () => {
		const s = await history();
		const byLogin = await listAudit(s.admin, filter({ actor: 'JIEDAO' }));
		expect(actions(byLogin.rows)).toEqual([`unit.created#${s.underB}`]);
		const byName = await listAudit(s.admin, filter({ actor: '不存在的人' }));
		expect(byName.rows).toEqual([]);
	});

	it('filters by action, by unit with its subtree, and by period (both days included)', async () => {
		const s = await history();
		const renamed = await listAudit(s.admin, filter({ action: 'unit.renamed' }));
		expect(actions(renamed.rows)).toEqual([`unit.renamed#${s.underA}`]);
		const inA = await listAudit(s.admin, filter({ unitId: String(s.a.id) }));
		expect(actions(inA.rows)).toEqual([`unit.renamed#${s.underA}`, `unit.created#${s.underA}`]);
		const march3to5 = await listAudit(s.admin, filter({ from: '2026-03-03', to: '2026-03-05' }));
		expect(actions(march3to5.rows)).toEqual([
			`unit.created#${s.underB}`,
			`unit.renamed#${s.underA}`
		]);
		// typed the wrong way round: the same days
		const reversed = await listAudit(s.admin, filter({ from: '2026-03-05', to: '2026-03-03' }));
		expect(reversed.rows).toEqual(march3to5.rows);
		const all = await listAudit(s.admin, filter({ from: 'not a day', action: 'DROP TABLE' }));
		expect(all.total).toBe(3);
		// a day the calendar does not have is no filter, and the form is not given it back
		expect(filter({ to: '2026-13-45' }).to).toBeUndefined();
	});

	it("keeps each administrator to their own units' entries, whatever the filters", async () => {
		const s = await history();
		const own = await listAudit(s.street, filter({}));
		expect(actions(own.rows)).toEqual([`unit.created#${s.underB}`]);
		const elsewhere = await listAudit(s.street, filter({ unitId: String(s.a.id) }));
		expect(elsewhere.rows).toEqual([]);
	});

	it('links each entry to the record it concerns, for readers who may open it', async () => {
		const s = await history();
		const { rows } = await listAudit(s.admin, filter({}));
		expect(rows.map((r) => r.href)).toEqual([
			`/admin/units/${s.underB}`,
			`/admin/units/${s.underA}`,
			`/admin/units/${s.underA}`
		]);
	});

	it('pages through a bounded number of entries', async () => {
		const s = await history();
		for (let i = 0; i < AUDIT_PAGE_SIZE; i++)
			await renameUnit(s.admin, { unitId: s.underA, name: `科${i}`, kind: 'office' });
		const first = await listAudit(s.admin, filter({}));
		const second = await listAudit(s.admin, filter({ page: '2' }));
		expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
		expect(second.rows).toHaveLength(3);
		expect(first.total).toBe(AUDIT_PAGE_SIZE + 3);
	});

	it('counts up to a cap, so that a long log does not cost a full count on every page', async () => {
		const s = await history();
		const [{ seq: head } = { seq: 0 }] = await s.db
			.select({ seq: auditEntry.seq })
			.from(auditEntry)
			.orderBy(desc(auditEntry.seq))
			.limit(1);
		// a long log of the street's unit renamings (the chain is not what is tested here)
		await s.db
			.run(sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${AUDIT_COUNT_CAP + 20})
			INSERT INTO audit_entry (seq, at, action, entity_type, entity_id, unit_id, prev_hash, hash)
			SELECT ${head} + i, ${day('2026-03-06').getTime()} + i, 'unit.renamed', 'unit', ${String(s.underB)}, ${s.underB}, '', '' FROM n`);
		const first = await listAudit(s.admin, filter({}));
		expect(first.total).toBe(AUDIT_COUNT_CAP);
		expect(first.more).toBe(true);
		expect(first.rows[0]!.seq).toBe(head + AUDIT_COUNT_CAP + 20);
		// a narrower filter is counted exactly
		const narrow = await listAudit(s.admin, filter({ to: '2026-03-05' }));
		expect(narrow.more).toBe(false);
		expect(narrow.total).toBe(head);
	});
});
