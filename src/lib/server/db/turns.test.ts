import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MARK_TTL_MS, type Turns, lockTurns } from './turns.ts';

const dirs: string[] = [];
const opened: Turns[] = [];
afterEach(() => {
	for (const t of opened.splice(0)) t.close();
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function turnsOf(path: string, now?: () => number): Turns {
	const turns = lockTurns(path, now);
	expect(turns).toBeDefined();
	opened.push(turns!);
	return turns!;
}

/** Whether `beforeBegin` paused (a timer) rather than resolving at once. */
async function pauses(turns: Turns): Promise<boolean> {
	const immediate = new Promise<'immediate'>((resolve) => setImmediate(() => resolve('immediate')));
	return (
		(await Promise.race([turns.beforeBegin().then(() => 'begun' as const), immediate])) ===
		'immediate'
	);
}

describe('turns at the write lock between processes', () => {
	it('pauses before a transaction while another process waits, and no longer once it got in', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'xuefa-turns-'));
		dirs.push(dir);
		const file = join(dir, 'db.sqlite');
		const [holder, waiter] = [turnsOf(file), turnsOf(file)];
		expect(await pauses(holder)).toBe(false);
		waiter.waiting();
		expect(await pauses(holder)).toBe(true);
		// its own mark holds up no one
		expect(await pauses(waiter)).toBe(false);
		waiter.done();
		expect(await pauses(holder)).toBe(false);
	});

	it('ignores the mark of a process that stopped waiting long ago, or one from a clock set back', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'xuefa-turns-'));
		dirs.push(dir);
		const file = join(dir, 'db.sqlite');
		let t = 1_000_000;
		const [holder, waiter] = [turnsOf(file, () => t), turnsOf(file, () => t)];
		waiter.waiting();
		t += MARK_TTL_MS + 1;
		expect(await pauses(holder)).toBe(false);
		t -= 2 * MARK_TTL_MS;
		expect(await pauses(holder)).toBe(false);
	});

	it('are left out, not fatal, when their file cannot be opened', () => {
		expect(lockTurns(join(tmpdir(), 'no-such-folder-xuefa', 'db.sqlite'))).toBeUndefined();
	});
});
