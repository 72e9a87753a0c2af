import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema/index.ts';

export type Db = LibSQLDatabase<typeof schema>;
/** A transaction handle; services accept either, so a caller can compose them in one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
	db: Db;
	client: Client;
}

/**
 * Opens the database at `url` — an embedded `file:` database or a libSQL server — and brings its
 * schema up to date.
 */
export async function openDatabase(
	url: string,
	options: { authToken?: string; migrationsFolder: string }
): Promise<Database> {
	const isFile = url.startsWith('file:');
	if (isFile) {
		const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
		// libsql does not create a missing folder for a file database.
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	}
	// `timeout` is the busy timeout of each pooled connection: a second app process waits for a
	// write lock instead of failing. Foreign keys are on by default in libsql.
	const client = createClient({ url, authToken: options.authToken, timeout: 5000 });
	if (isFile) await client.execute('PRAGMA journal_mode = WAL');
	const db = drizzle(client, { schema, casing: 'snake_case' });
	await migrate(db, { migrationsFolder: options.migrationsFolder });
	return { db, client };
}

export { schema };
