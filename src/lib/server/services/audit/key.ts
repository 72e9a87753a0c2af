import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../../config.ts';
import type { ReadDb } from '../../db/index.ts';
import { auditCheckpoint } from '../../db/schema/index.ts';

/** A key shorter than this is refused: 32 characters of a generated key carry 128 bits. */
const MIN_KEY_LENGTH = 32;

let current: string | undefined;

/** Sets the key that authenticates audit checkpoints for this process. */
export function useAuditKey(key: string): void {
	if (key.length < MIN_KEY_LENGTH) throw new AuditKeyError('too_short');
	current = key;
}

/** The configured key; every append may need it, so a process without one cannot audit. */
export function auditKey(): string {
	if (current === undefined) throw new AuditKeyError('not_configured');
	return current;
}

/** The audit key cannot be had; the message says what to do (read at start, by an operator). */
export class AuditKeyError extends Error {
	constructor(
		readonly reason: 'not_configured' | 'too_short' | 'server_needs_key' | 'key_file_lost',
		detail = ''
	) {
		super(
			{
				not_configured: 'No audit key is configured in this process.',
				too_short: `The audit key needs at least ${MIN_KEY_LENGTH} characters.`,
				server_needs_key:
					'A libSQL server needs XUEFA_AUDIT_KEY or XUEFA_AUDIT_KEY_FILE: the audit key must not live in the database it protects.',
				key_file_lost: `The audit log has checkpoints but its key file ${detail} is missing: restore it, or set XUEFA_AUDIT_KEY_FILE to where it is kept.`
			}[reason]
		);
		this.name = 'AuditKeyError';
	}
}

/** Where an embedded database keeps its generated key: a file beside it. */
export function defaultKeyFile(databaseUrl: string): string | null {
	if (!databaseUrl.startsWith('file:')) return null;
	const path = databaseUrl.startsWith('file://')
		? fileURLToPath(databaseUrl)
		: databaseUrl.slice('file:'.length);
	return path === ':memory:' ? null : `${path}.audit-key`;
}

function readKeyFile(path: string): string | null {
	try {
		return readFileSync(path, 'utf8').trim();
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
}

/**
 * Finds the audit key as configured (XUEFA_AUDIT_KEY, then XUEFA_AUDIT_KEY_FILE) and sets it.
 * Without either, an embedded database gets a key generated into a file beside it on its first
 * start (created exclusively, so two processes starting together agree on one key); a libSQL
 * server must be given one. A key file that has disappeared while checkpoints exist is an error,
 * not a reason to make a new key: that would silently disown every checkpoint.
 * @returns where the key came from, for the start-up message
 */
export async function configureAuditKey(
	db: ReadDb,
	config: Pick<AppConfig, 'auditKey' | 'auditKeyFile' | 'databaseUrl'>
): Promise<string> {
	if (config.auditKey) {
		useAuditKey(config.auditKey);
		return 'XUEFA_AUDIT_KEY';
	}
	const file = config.auditKeyFile ?? defaultKeyFile(config.databaseUrl);
	if (!file) throw new AuditKeyError('server_needs_key');
	let key = readKeyFile(file);
	if (key === null) {
		const [anchored] = await db.select({ id: auditCheckpoint.id }).from(auditCheckpoint).limit(1);
		if (anchored || config.auditKeyFile) throw new AuditKeyError('key_file_lost', file);
		// written aside, then linked into place: the key file appears whole or not at all, and a
		// second process starting at the same moment keeps the first one's key
		const aside = `${file}.${process.pid}.tmp`;
		writeFileSync(aside, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
		try {
			linkSync(aside, file);
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		} finally {
			unlinkSync(aside);
		}
		key = readKeyFile(file)!;
	}
	useAuditKey(key);
	return file;
}
