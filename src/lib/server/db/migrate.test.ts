import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { describe, expect, it } from 'vitest';
import { installDriver } from './driver.ts';
import { openDatabase } from './index.ts';
import { migrateInTurn } from './migrate.ts';

/** A process that opens the database at `url` when told to go (testing/migrate-child.ts). */
function child(url: string) {
	const p = spawn('node_modules/.bin/tsx', ['src/lib/server/testing/migrate-child.ts', url], {
		stdio: ['pipe', 'pipe', 'pipe']
	});
	let out = '';
	let err = '';
	p.stdout.on('data', (d: Buffer) => (out += d.toString()));
	p.stderr.on('data', (d: Buffer) => (err += d.toString()));
	const ready = new Promise<void>((resolve, reject) => {
		p.stdout.on('data', () => out.includes('ready') && resolve());
		p.once('exit', () => reject(new Error(`exited before it was ready: ${err}`)));
	});
	const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
		p.once('exit', (code) => resolve({ code, out, err }))
	);
	return { ready, go: () => p.stdin.write('go\n'), exited };
}

/** The tables, indexes and triggers of a database, and its migrations applied. */
async function schemaOf(url: string) {
	const client = createClient({ url });
	try {
		const objects = await client.execute(
			"SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
		);
		const applied = await client.execute('SELECT hash FROM __drizzle_migrations ORDER BY id');
		return { objects: objects.rows, applied: applied.rows.map((r) => r.hash) };
	} finally {
		client.close();
	}
}

const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
	entries: unknown[];
};

/** A folder for databases, removed after `f`. */
async function inTempDir(f: (dir: string) => Promise<void>) {
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-migrate-'));
	try {
		await f(dir);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Holds the write lock of the database at `url` (as another process migrating it would). */
async function lockHeld(url: string) {
	// set up as the app's connections are, before its transaction (./driver.ts)
	installDriver();
	const holder = createClient({ url });
	await holder.execute('PRAGMA journal_mode = WAL');
	const tx = await holder.transaction('write');
	return {
		release: async () => {
			await tx.commit();
			holder.close();
		}
	};
}

const open = async (url: string) =>
	(await openDatabase(url, { migrationsFolder: './drizzle' })).client.close();

describe('migrating one new database from two processes at the same moment', () => {
	it('two clients: both open it, the schema as one alone makes it', () =>
		inTempDir(async (dir) => {
			const url = `file:${join(dir, 'race.db')}`;
			// the second read the migrations as pending before the first applied them
			await Promise.all([open(url), open(url)]);
			await open(`file:${join(dir, 'alone.db')}`);
			const raced = await schemaOf(url);
			expect(raced.applied).toHaveLength(journal.entries.length);
			expect(raced).toEqual(await schemaOf(`file:${join(dir, 'alone.db')}`));
		}));

	it(
		'waits its turn while another holds the lock longer than a request would wait',
		() =>
			inTempDir(async (dir) => {
				const url = `file:${join(dir, 'locked.db')}`;
				const lock = await lockHeld(url);
				const opening = open(url);
				await new Promise((resolve) => setTimeout(resolve, 5_000));
				await lock.release();
				await opening;
				expect((await schemaOf(url)).applied).toHaveLength(journal.entries.length);
			}),
		30_000
	);

	it('fails saying why when the lock stays held', () =>
		inTempDir(async (dir) => {
			const url = `file:${join(dir, 'stuck.db')}`;
			const lock = await lockHeld(url);
			const client = createClient({ url, timeout: 20 });
			try {
				await expect(migrateInTurn(drizzle(client), './drizzle', { waitMs: 300 })).rejects.toThrow(
					/stayed locked by another process for 0.3 s/
				);
			} finally {
				client.close();
				await lock.release();
			}
		}));

	it(
		'two app processes: both start, the schema as one alone makes it',
		() =>
			inTempDir(async (dir) => {
				const url = `file:${join(dir, 'race.db')}`;
				const both = [child(url), child(url)];
				await Promise.all(both.map((c) => c.ready));
				for (const c of both) c.go();
				const results = await Promise.all(both.map((c) => c.exited));
				expect(results.map((r) => [r.code, r.err])).toEqual([
					[0, ''],
					[0, '']
				]);

				const alone = `file:${join(dir, 'alone.db')}`;
				await open(alone);
				const raced = await schemaOf(url);
				expect(raced.applied).toHaveLength(journal.entries.length);
				expect(raced).toEqual(await schemaOf(alone));
			}),
		60_000
	);
});
