import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { write } from '../context.ts';
import { testDatabase } from '../testing/db.ts';
import { checkpointNow } from './index.ts';
import { installDriver } from './driver.ts';
import { withPublisher } from './publishing.ts';

const sizeOf = (file: string) => statSync(file).size;
const MB = 1024 * 1024;

async function withRows(megabytes: number) {
	const { db, dir } = await testDatabase();
	const file = join(dir, 'test.db');
	await checkpointNow(db);
	const before = sizeOf(file);
	await write(db, async (tx) => {
		await tx.run(sql`CREATE TABLE filler (v TEXT NOT NULL)`);
		// ~8 KB a row: more pages than SQLite's own checkpoint threshold (1,000 pages)
		for (let i = 0; i < megabytes * 128; i++)
			await tx.run(sql`INSERT INTO filler (v) VALUES (${'答'.repeat(2700)})`);
	});
	return { db, file, before };
}

describe('checkpoints of the database log', () => {
	it('are never made by a commit, which would make the event loop wait for the disk', async () => {
		// any connection of the app's driver, without the background checkpoints
		installDriver();
		const dir = mkdtempSync(join(tmpdir(), 'xuefa-ckpt-'));
		const file = join(dir, 'db.sqlite');
		const client = createClient({ url: `file:${file}` });
		try {
			await client.execute('PRAGMA journal_mode = WAL');
			await client.execute('CREATE TABLE filler (v TEXT NOT NULL)');
			const before = sizeOf(file);
			const tx = await client.transaction('write');
			for (let i = 0; i < 6 * 128; i++)
				await tx.execute({ sql: 'INSERT INTO filler (v) VALUES (?)', args: ['答'.repeat(2700)] });
			await tx.commit();
			// the rows are in the log, not yet in the database file
			expect(sizeOf(`${file}-wal`)).toBeGreaterThan(5 * MB);
			expect(sizeOf(file)).toBeLessThan(before + MB);
		} finally {
			client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('are made on request, off the event loop, and copy the log into the database file', async () => {
		const { db, file, before } = await withRows(6);
		let ticks = 0;
		const timer = setInterval(() => ticks++, 0);
		await checkpointNow(db);
		clearInterval(timer);
		expect(sizeOf(file)).toBeGreaterThan(before + 5 * MB);
		// a synchronous checkpoint would have let no timer run until it was done
		expect(ticks).toBeGreaterThan(0);
	});

	it('are made in the background, twice a second, without being asked', async () => {
		const { file, before } = await withRows(2);
		for (let i = 0; i < 300 && sizeOf(file) < before + MB; i++)
			await new Promise((resolve) => setTimeout(resolve, 10));
		expect(sizeOf(file)).toBeGreaterThan(before + MB);
	});

	it('keep the log from growing while writes come back to back', { timeout: 60_000 }, async () => {
		const { db, dir } = await testDatabase();
		const file = join(dir, 'test.db');
		await write(db, (tx) => tx.run(sql`CREATE TABLE filler (v TEXT NOT NULL)`));
		let largest = 0;
		const rows = 512;
		for (let i = 1; i <= rows; i++) {
			await write(db, (tx) => tx.run(sql`INSERT INTO filler (v) VALUES (${'答'.repeat(2700)})`));
			// checkpoints asked for while the writes go on (the background ones are, twice a second)
			if (i % 32 === 0) void checkpointNow(db);
			largest = Math.max(largest, sizeOf(`${file}-wal`));
		}
		// a checkpoint alongside the commits is never done when a transaction begins, and the log
		// grows to everything written (and more: whole pages); queued with them, it restarts
		expect(largest).toBeLessThan((rows * 8 * 1024) / 2);
	});

	it('follow an import’s publishing transaction at once', async () => {
		const { db, dir } = await testDatabase();
		const file = join(dir, 'test.db');
		await checkpointNow(db);
		const before = sizeOf(file);
		await withPublisher({ db }, (publisher) =>
			publisher.transact(async (ctx) => {
				await ctx.db.run(sql`CREATE TABLE filler (v TEXT NOT NULL)`);
				for (let i = 0; i < 256; i++)
					await ctx.db.run(sql`INSERT INTO filler (v) VALUES (${'答'.repeat(2700)})`);
			})
		);
		expect(sizeOf(file)).toBeGreaterThan(before + MB);
	});
});
