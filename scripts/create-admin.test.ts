import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/lib/server/auth/password.ts';

const run = promisify(execFile);
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run admin:create', () => {
	// the command runs the app's TypeScript with tsx, which must find @xuefa/core's sources as
	// the app does: a fresh clone has no built dist/
	it('creates the first administrator and top-level unit in a new database', async () => {
		dir = mkdtempSync(join(tmpdir(), 'xuefa-admin-'));
		const url = `file:${join(dir, 'xuefa.db')}`;
		const args = ['run', '--silent', 'admin:create', '--', '--username', 'root', '--name', '张三'];
		const { stdout } = await run('npm', [...args, '--unit', '某某区人民政府'], {
			env: { ...process.env, DATABASE_URL: url, XUEFA_ADMIN_PASSWORD: '宪法宣誓 correct horse' }
		});
		expect(stdout).toContain('Administrator "root" created.');

		const client = createClient({ url });
		try {
			const { rows } = await client.execute(
				`SELECT u.password_hash, g.role, un.name AS unit FROM user u
				 JOIN role_grant g ON g.user_id = u.id JOIN unit un ON un.id = g.unit_id
				 WHERE u.username = 'root'`
			);
			expect(rows.map((r) => [r.role, r.unit])).toEqual([['admin', '某某区人民政府']]);
			expect(await verifyPassword(String(rows[0]!.password_hash), '宪法宣誓 correct horse')).toBe(
				true
			);
		} finally {
			client.close();
		}
	}, 60_000);
});
