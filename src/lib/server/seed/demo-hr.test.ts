import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadSessionUser } from '../auth/session-user.ts';
import { user } from '../db/schema/index.ts';
import { listCases } from '../services/hr/cases.ts';
import { oathRegister } from '../services/hr/oaths.ts';
import { testDb } from '../testing/db.ts';
import { seedDemoIfEmpty } from './demo.ts';

describe('the demo HR work', () => {
	it('has a case the gate blocks, one an exemption lets through, and an oath due', async () => {
		const now = new Date('2026-05-20T10:00:00+08:00');
		const db = await testDb();
		await seedDemoIfEmpty(db, now);
		const [u] = await db.select().from(user).where(eq(user.username, 'hr'));
		const hr = { db, user: (await loadSessionUser(db, u!.id))!, now };
		const open = await listCases(hr);
		expect(open.map((c) => [c.proposedPost, c.allowed])).toEqual([
			['区政府办公室副主任', true],
			['区市场监督管理局副局长', false]
		]);
		expect(open[0]!.reason).toContain('取得国家法律职业资格');
		const { register } = await oathRegister(hr);
		expect(register.map((r) => [r.post, r.status])).toEqual([
			['区司法局局长', { state: 'due', deadline: '2026-06-14', daysLeft: 25 }]
		]);
	});
});
