/**
 * A benchmark's database, built once and kept in node_modules/.cache (keyed by what it depends on:
 * its sizes, the migrations, the code that fills it), and copied for each run, so that a run never
 * measures a database another run changed.
 */
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/index.ts';

export async function cachedDatabase<F>(opts: {
	name: string;
	/** Strings and files (paths) the database depends on, besides the migrations. */
	key: string[];
	files: string[];
	/** Fills the database at `file` and returns what the benchmark needs to know of it. */
	build: (file: string) => Promise<F>;
}) {
	const hash = createHash('sha256');
	for (const k of opts.key) hash.update(k);
	for (const f of ['./drizzle/meta/_journal.json', ...opts.files]) hash.update(readFileSync(f));
	const cache = join('node_modules', '.cache', 'xuefa-bench');
	const cached = join(cache, `${opts.name}-${hash.digest('hex').slice(0, 16)}.db`);
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-bench-'));
	if (!existsSync(cached)) {
		mkdirSync(cache, { recursive: true });
		const fixture = await opts.build(join(dir, 'build.db'));
		copyFileSync(join(dir, 'build.db'), cached);
		writeFileSync(`${cached}.json`, JSON.stringify(fixture));
	}
	const fixture = JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as F;
	copyFileSync(cached, join(dir, 'bench.db'));
	const { db, client } = await openDatabase(`file:${join(dir, 'bench.db')}`, {
		migrationsFolder: './drizzle'
	});
	return {
		db,
		client,
		fixture,
		close() {
			client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
