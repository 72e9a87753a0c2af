import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearStatementCache, installDriver, statementCounts } from './driver.ts';

// the cache sits under @libsql/client: these go through the client, as the app's queries do
describe('statements kept per connection', () => {
	let dir: string;
	let client: ReturnType<typeof createClient>;
	beforeEach(async () => {
		installDriver();
		dir = mkdtempSync(join(tmpdir(), 'xuefa-stmt-'));
		client = createClient({ url: `file:${join(dir, 'db.sqlite')}` });
		await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
	});
	afterEach(() => {
		client.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const names = async () =>
		(await client.execute('SELECT name FROM t ORDER BY id')).rows.map((r) => r.name);

	it('runs the same statement again with new arguments, reads and writes alike', async () => {
		for (const name of ['a', 'b', 'c'])
			await client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: [name] });
		const one = (id: number) =>
			client.execute({ sql: 'SELECT name FROM t WHERE id = ?', args: [id] });
		expect((await one(1)).rows[0]?.name).toBe('a');
		expect((await one(3)).rows[0]?.name).toBe('c');
		const before = statementCounts();
		expect((await one(9)).rows).toEqual([]);
		// compiled once, then reused
		expect(statementCounts().compiled).toBe(before.compiled);
		expect(statementCounts().reused).toBe(before.reused + 1);
		expect(await names()).toEqual(['a', 'b', 'c']);
	});

	it('recovers from a failed run: the same SQL works with good arguments afterwards', async () => {
		const insert = (name: string) =>
			client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: [name] });
		await insert('a');
		await expect(insert('a')).rejects.toThrow(/UNIQUE/);
		await insert('b');
		expect(await names()).toEqual(['a', 'b']);
	});

	it('sees rows written through another connection (no snapshot kept open)', async () => {
		expect(await names()).toEqual([]);
		const other = createClient({ url: `file:${join(dir, 'db.sqlite')}` });
		await other.execute("INSERT INTO t (name) VALUES ('x')");
		other.close();
		expect(await names()).toEqual(['x']);
	});

	it('keeps transactions whole: a rolled-back write leaves nothing', async () => {
		const tx = await client.transaction('write');
		await tx.execute("INSERT INTO t (name) VALUES ('gone')");
		await tx.rollback();
		const tx2 = await client.transaction('write');
		await tx2.execute("INSERT INTO t (name) VALUES ('kept')");
		await tx2.commit();
		expect(await names()).toEqual(['kept']);
	});

	it('begins a write transaction without waiting: busy at once while another holds the lock, and no stale snapshot after', async () => {
		const url = `file:${join(dir, 'db.sqlite')}`;
		// a busy timeout of 20 s: a BEGIN that waited for the lock would outlast the test
		const patient = createClient({ url, timeout: 20_000 });
		const holder = createClient({ url });
		try {
			await patient.execute('SELECT 1');
			const held = await holder.transaction('write');
			await held.execute("INSERT INTO t (name) VALUES ('held')");
			await expect(patient.transaction('write')).rejects.toMatchObject({
				code: expect.stringMatching(/^SQLITE_BUSY/)
			});
			await held.commit();
			// the connection that met the lock reads what was committed since, and writes again
			const names = await patient.execute('SELECT name FROM t');
			expect(names.rows.map((r) => r.name)).toEqual(['held']);
			const tx = await patient.transaction('write');
			await tx.execute("INSERT INTO t (name) VALUES ('after')");
			await tx.commit();
			// its own busy timeout is what it was, for its other statements
			const timeout = await patient.execute('PRAGMA busy_timeout');
			expect(Object.values(timeout.rows[0]!)[0]).toBe(20_000);
		} finally {
			patient.close();
			holder.close();
		}
		expect(await names()).toEqual(['held', 'after']);
	});

	it('lists the new columns after a schema change once the cache is cleared', async () => {
		await client.execute("INSERT INTO t (name) VALUES ('a')");
		expect((await client.execute('SELECT * FROM t')).columns).toEqual(['id', 'name']);
		await client.execute("ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'n'");
		clearStatementCache();
		const after = await client.execute('SELECT * FROM t');
		expect(after.columns).toEqual(['id', 'name', 'note']);
		expect(after.rows[0]?.note).toBe('n');
	});
});
