import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createPerson, updatePerson } from '../services/people/mutate.ts';
import { verifyAuditChain } from '../services/audit/verify.ts';
import { closeAfterTest, testDatabase } from '../testing/db.ts';
import { ctxFor, district } from '../testing/factories.ts';
import { BackupError, backupDatabase } from './backup.ts';
import { openDatabase } from './index.ts';
import { auditEntry, person } from './schema/index.ts';

describe('backup and restore', () => {
	it('copies the running database consistently; the restored copy verifies its audit chain', async () => {
		const { db, url, dir } = await testDatabase();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const id = await createPerson(ctx, {
			unitId: d.a.id,
			name: '王芳',
			employeeNo: 'B001',
			position: '科员',
			rank: 'staff',
			appointmentRoute: 'government',
			status: 'active'
		});
		await updatePerson(ctx, {
			personId: id,
			unitId: d.a1.id,
			name: '王芳',
			employeeNo: 'B001',
			position: '副科长',
			rank: 'deputy_section',
			appointmentRoute: 'government',
			status: 'active'
		});
		const [audited] = await db.select({ n: count() }).from(auditEntry);
		expect(audited!.n).toBe(2);

		// another process is in the middle of a write while the backup runs
		const other = createClient({ url });
		closeAfterTest(() => other.close());
		const writing = await other.transaction('write');
		await writing.execute(
			`INSERT INTO person (unit_id, name, employee_no) VALUES (${d.b.id}, '未提交', 'B999')`
		);

		const target = join(dir, 'backups', 'xuefa-backup.db');
		const report = await backupDatabase(url, target);
		await writing.commit();
		expect(report).toMatchObject({ target, auditEntries: 2, auditHead: 2 });

		// restore: the copy becomes the database file of a (new) installation
		const restoredFile = join(dir, 'restored', 'xuefa.db');
		mkdirSync(join(dir, 'restored'));
		copyFileSync(target, restoredFile);
		const restored = await openDatabase(`file:${restoredFile}`, { migrationsFolder: './drizzle' });
		closeAfterTest(() => restored.client.close());
		const restoredCtx = await ctxFor(restored.db, d.admin.user.id);
		expect(await verifyAuditChain(restoredCtx)).toMatchObject({ ok: true, count: 2 });
		const [wang] = await restored.db.select().from(person).where(eq(person.employeeNo, 'B001'));
		expect(wang).toMatchObject({ unitId: d.a1.id, position: '副科长' });
		// what was not committed when the copy was taken is not in it
		expect(await restored.db.select().from(person).where(eq(person.employeeNo, 'B999'))).toEqual(
			[]
		);
	});

	it('refuses to overwrite a file, and explains what to do for a libSQL server', async () => {
		const { url, dir } = await testDatabase();
		const existing = join(dir, 'old.db');
		writeFileSync(existing, 'keep me');
		await expect(backupDatabase(url, existing)).rejects.toThrow(/already exists/);
		const remote = await backupDatabase(
			'libsql://xuefa-db.internal:8080?authToken=secret',
			join(dir, 'x.db')
		).catch((e: unknown) => e);
		expect(remote).toBeInstanceOf(BackupError);
		expect((remote as Error).message).toMatch(
			/^libsql:\/\/xuefa-db\.internal:8080 is a libSQL server/
		);
		expect((remote as Error).message).not.toMatch(/secret/);
	});
});
