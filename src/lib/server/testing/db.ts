import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
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

/**
 * Like {@link testDb}, with the database's URL (for tests that open a second connection to it) and
 * its client (for tests that count statements).
 */
export async function testDatabase(): Promise<{
	db: Db;
	client: Client;
	url: string;
	dir: string;
}> {
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-test-'));
	const url = `file:${join(dir, 'test.db')}`;
	const { db, client } = await openDatabase(url, { migrationsFolder: './drizzle' });
	opened.push({ dir, close: () => client.close() });
	return { db, client, url, dir };
}

/** Closes `close` after the test, before its folder is removed. */
export function closeAfterTest(close: () => void): void {
	opened.unshift({ dir: '', close });
}

/**
 * A database migrated up to, but not including, the migration named `tag` (e.g.
 * `0007_question_status_data`), to put rows in as an older version stored them; `finish()` then
 * applies the remaining migrations, as an upgrade would. Removed after the test.
 */
export async function databaseBefore(
	tag: string
): Promise<{ client: Client; finish: () => Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-migrate-'));
	const early = join(dir, 'drizzle');
	cpSync('./drizzle', early, { recursive: true });
	const journalPath = join(early, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
	const at = journal.entries.findIndex((e) => e.tag === tag);
	if (at < 0) throw new Error(`no migration ${tag}`);
	journal.entries = journal.entries.slice(0, at);
	writeFileSync(journalPath, JSON.stringify(journal));
	const client = createClient({ url: `file:${join(dir, 'old.db')}` });
	opened.push({ dir, close: () => client.close() });
	await migrate(drizzle(client), { migrationsFolder: early });
	return {
		client,
		finish: () => migrate(drizzle(client), { migrationsFolder: './drizzle' })
	};
}

afterEach(() => {
	for (const { dir, close } of opened.splice(0)) {
		close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
});
