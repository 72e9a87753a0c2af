import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { type Db, openDatabase } from '../db/index.ts';
import { useAuditKey } from '../services/audit/key.ts';

// one key for every test database; the key file and its rules have their own test
useAuditKey('test-audit-key-0123456789abcdef0123456789');

const opened: { dir: string; close: () => void }[] = [];

/**
 * A fresh, migrated database in a temporary file — a real libsql database, as in production. Each
 * is closed and removed after the test.
 */
export async function testDb(): Promise<Db> {
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-test-'));
	const { db, client } = await openDatabase(`file:${join(dir, 'test.db')}`, {
		migrationsFolder: './drizzle'
	});
	opened.push({ dir, close: () => client.close() });
	return db;
}

afterEach(() => {
	for (const { dir, close } of opened.splice(0)) {
		close();
		rmSync(dir, { recursive: true, force: true });
	}
});
