import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

// drizzle-kit loads the schema with Node's own resolution, which must find @xuefa/core's sources
// the way the app does; and a schema change without its migration would only show at start-up
it('the committed migrations match the drizzle schema: generating finds nothing to do', async () => {
	const out = join(mkdtempSync(join(tmpdir(), 'xuefa-migrations-')), 'drizzle');
	cpSync('drizzle', out, { recursive: true });
	try {
		const { stdout } = await run('npx', [
			'drizzle-kit',
			'generate',
			'--dialect=turso',
			'--casing=snake_case',
			'--schema=./src/lib/server/db/schema/index.ts',
			// drizzle-kit wants a relative folder
			`--out=${relative(process.cwd(), out)}`
		]);
		expect(stdout).toContain('No schema changes');
	} finally {
		rmSync(join(out, '..'), { recursive: true, force: true });
	}
}, 60_000);
