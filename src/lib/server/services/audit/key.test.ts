import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/index.ts';
import { ctxFor, district } from '../../testing/factories.ts';
import { createUnit } from '../units/mutate.ts';
import { AuditKeyError, auditKey, configureAuditKey } from './key.ts';

const opened: { dir: string; close: () => void }[] = [];
afterEach(() => {
	for (const { dir, close } of opened.splice(0)) {
		close();
		rmSync(dir, { recursive: true, force: true });
	}
});

async function fileDb() {
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-key-'));
	const url = `file:${join(dir, 'xuefa.db')}`;
	const { db, client } = await openDatabase(url, { migrationsFolder: './drizzle' });
	opened.push({ dir, close: () => client.close() });
	return { db, url, keyFile: join(dir, 'xuefa.db.audit-key') };
}

const none = { auditKey: undefined, auditKeyFile: undefined };

describe('the audit key', () => {
	it('is generated beside an embedded database on its first start, readable by the owner only, and kept', async () => {
		const { db, url, keyFile } = await fileDb();
		expect(await configureAuditKey(db, { ...none, databaseUrl: url })).toBe(keyFile);
		expect(statSync(keyFile).mode & 0o777).toBe(0o600);
		const key = readFileSync(keyFile, 'utf8').trim();
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(auditKey()).toBe(key);
		// the next start reads the same key
		await configureAuditKey(db, { ...none, databaseUrl: url });
		expect(auditKey()).toBe(key);
	});

	it('prefers XUEFA_AUDIT_KEY, then XUEFA_AUDIT_KEY_FILE', async () => {
		const { db, url } = await fileDb();
		const given = 'k'.repeat(40);
		expect(await configureAuditKey(db, { ...none, auditKey: given, databaseUrl: url })).toBe(
			'XUEFA_AUDIT_KEY'
		);
		expect(auditKey()).toBe(given);
		await expect(
			configureAuditKey(db, { ...none, auditKey: 'short', databaseUrl: url })
		).rejects.toMatchObject({ reason: 'too_short' });
	});

	it('must be given for a libSQL server, whose database it must not live in', async () => {
		const { db } = await fileDb();
		await expect(
			configureAuditKey(db, { ...none, databaseUrl: 'libsql://db.internal:8080' })
		).rejects.toBeInstanceOf(AuditKeyError);
	});

	it('is never silently replaced once checkpoints exist', async () => {
		const { db, url, keyFile } = await fileDb();
		await configureAuditKey(db, { ...none, databaseUrl: url });
		const { root, admin } = await district(db);
		await createUnit(await ctxFor(db, admin.user.id), {
			parentId: root.id,
			name: '审计单位',
			kind: 'office'
		});
		unlinkSync(keyFile);
		await expect(configureAuditKey(db, { ...none, databaseUrl: url })).rejects.toMatchObject({
			reason: 'key_file_lost'
		});
		expect(existsSync(keyFile)).toBe(false);
	});
});
