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
	return (await testDatabase()).db;
}

/** Like {@link testDb}, with the database's URL, for tests that open a second connection to it. */
export async function testDatabase(): Promise<{ db: Db; url: string; dir: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-test-'));
	const url = `file:${join(dir, 'test.db')}`;
	const { db, client } = await openDatabase(url, { migrationsFolder: './drizzle' });
	opened.push({ dir, close: () => client.close() });
	return { db, url, dir };
}

/** Closes `close` after the test, before its folder is removed. */
export function closeAfterTest(close: () => void): void {
	opened.unshift({ dir: '', close });
}

afterEach(() => {
	for (const { dir, close } of opened.splice(0)) {
		close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
});
