import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/index.ts';
import { checkHealth } from './health.ts';
import { testDb } from './testing/db.ts';

describe('checkHealth', () => {
	it('is ok on a reachable database with every migration applied', async () => {
		const db = await testDb();
		const health = await checkHealth(db, './drizzle');
		expect(health).toMatchObject({ status: 'ok', database: 'ok', migrations: 'current' });
		expect(health.applied).toBe(health.expected);
		expect(JSON.stringify(health)).not.toMatch(/file:|token/i);
	});

	it('fails when the newest migration is missing', async () => {
		const db = await testDb();
		await db.run(
			sql`DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)`
		);
		expect(await checkHealth(db, './drizzle')).toMatchObject({
			status: 'fail',
			database: 'ok',
			migrations: 'behind'
		});
	});

	it('fails when the database cannot be reached', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'xuefa-health-'));
		const { db, client } = await openDatabase(`file:${join(dir, 'h.db')}`, {
			migrationsFolder: './drizzle'
		});
		client.close();
		expect(await checkHealth(db, './drizzle')).toMatchObject({
			status: 'fail',
			database: 'unreachable'
		});
		rmSync(dir, { recursive: true, force: true });
	});
});
