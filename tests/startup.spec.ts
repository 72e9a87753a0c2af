import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { expect, test } from './helpers.ts';

// Root may write any file: the read-only case runs the server as an unprivileged user then.
const asUnprivileged = (args: string[]) =>
	process.getuid?.() === 0
		? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...args]
		: args;

/**
 * Starts the built server on `databaseUrl`; resolves when it exits (or kills it after 45 s: on a
 * loaded machine one took over 20 s to start and fail).
 */
function startServer(databaseUrl: string, unprivileged = false) {
	const [command, ...args] = unprivileged
		? asUnprivileged(['node', 'build/index.js'])
		: ['node', 'build/index.js'];
	const child = spawn(command!, args, {
		env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', XUEFA_DEMO: '0' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const timer = setTimeout(() => child.kill(), 45_000);
	return new Promise<{ code: number | null; stderr: string }>((resolve) =>
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, stderr });
		})
	);
}

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function expectOneClearLine(result: { code: number | null; stderr: string }, says: RegExp) {
	expect(result.code).not.toBe(0);
	expect(result.code).not.toBeNull();
	const lines = result.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(says);
}

test('an unreachable database server stops the start with one clear line', async () => {
	const port = await closedPort();
	const result = await startServer(`http://127.0.0.1:${port}`);
	expectOneClearLine(
		result,
		new RegExp(`^Xuefa cannot start: the database http://127\\.0\\.0\\.1:${port} cannot be reached`)
	);
});

/**
 * Whether another user can reach the built server: every folder above it must let others through
 * (`mktemp -d` makes a folder only its owner may enter).
 */
function othersCanReachBuild(): boolean {
	for (let dir = resolve('build'); ; dir = dirname(dir)) {
		if ((statSync(dir).mode & 0o001) === 0) return false;
		if (dirname(dir) === dir) return true;
	}
}

test('a read-only database file stops the start with one clear line', async () => {
	test.skip(
		process.getuid?.() === 0 && !othersCanReachBuild(),
		'root sees every file as writable, and the unprivileged user cannot reach build/ from here'
	);
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-readonly-'));
	const file = join(dir, 'xuefa.db');
	const client = createClient({ url: `file:${file}` });
	await client.execute('PRAGMA journal_mode = WAL');
	await client.execute('CREATE TABLE kept (x)');
	client.close();
	chmodSync(file, 0o444);
	chmodSync(dir, 0o755);
	const result = await startServer(`file:${file}`, true);
	expectOneClearLine(result, /^Xuefa cannot start: the database file:.*xuefa\.db is read-only/);
});

test('an audit log whose key file is lost stops the start with one line about the key', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-lost-key-'));
	const file = join(dir, 'xuefa.db');
	const client = createClient({ url: `file:${file}` });
	await migrate(drizzle(client), { migrationsFolder: 'drizzle' });
	// a checkpoint signed with a key that is no longer beside the database
	await client.execute(
		"INSERT INTO audit_checkpoint (seq, hash, at, mac) VALUES (0, 'genesis', 0, 'ab')"
	);
	client.close();
	const result = await startServer(`file:${file}`);
	expectOneClearLine(
		result,
		/^Xuefa cannot start: The audit log has checkpoints but its key file .*xuefa\.db\.audit-key is missing/
	);
});
