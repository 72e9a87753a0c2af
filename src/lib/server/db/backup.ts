import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';
import { BUSY_TIMEOUT_MS, retryWhileBusy } from './busy.ts';
import { filePathOf } from './index.ts';
import { printableUrl } from './open-failure.ts';

export interface BackupReport {
	target: string;
	bytes: number;
	/** Audit entries in the copy, and the sequence number of the last one (0 when none). */
	auditEntries: number;
	auditHead: number;
}

/** A backup that cannot be taken as asked; the message says what to do instead. */
export class BackupError extends Error {}

/**
 * Writes a consistent copy of the embedded database at `url` to the new file `target`, while the
 * app keeps running: `VACUUM INTO` reads one snapshot (in WAL mode readers neither wait for writers
 * nor block them) and writes it out as a compact database, which is then checked for integrity.
 * A libSQL server is backed up by the server itself (see the README).
 */
export async function backupDatabase(url: string, target: string): Promise<BackupReport> {
	const path = filePathOf(url);
	if (path === null) {
		throw new BackupError(
			`${printableUrl(url)} is a libSQL server, which this command cannot copy: back it up where it runs (stop sqld and copy its --db-path folder, or turn on its bottomless replication to S3-compatible storage; a hosted service has its own point-in-time restore).`
		);
	}
	// opening a missing file would create an empty database and back that up
	if (!existsSync(path)) throw new BackupError(`There is no database at ${printableUrl(url)}.`);
	if (existsSync(target)) throw new BackupError(`${target} already exists: choose a new file.`);
	mkdirSync(dirname(target), { recursive: true });
	const source = createClient({ url, timeout: BUSY_TIMEOUT_MS });
	try {
		await retryWhileBusy(() => source.execute({ sql: 'VACUUM INTO ?', args: [target] }));
	} finally {
		source.close();
	}
	const copy = createClient({ url: `file:${target}` });
	try {
		const check = await copy.execute('PRAGMA integrity_check');
		const verdict = String(check.rows[0]?.[0]);
		if (verdict !== 'ok') throw new BackupError(`The copy in ${target} is damaged: ${verdict}`);
		const audit = await copy.execute(
			'SELECT count(*) AS n, coalesce(max(seq), 0) AS head FROM audit_entry'
		);
		return {
			target,
			bytes: statSync(target).size,
			auditEntries: Number(audit.rows[0]?.n ?? 0),
			auditHead: Number(audit.rows[0]?.head ?? 0)
		};
	} finally {
		copy.close();
	}
}
