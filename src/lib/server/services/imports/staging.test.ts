import { describe, expect, it } from 'vitest';
import { stagedImport } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district } from '../../testing/factories.ts';
import { readStaged, stage } from './staging.ts';

describe('a staged upload', () => {
	it('keeps a 2,000-character file name bounded, with its extension, for its job and audit entry', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const id = await stage(ctx, 'questions', {
			fileName: `${'试'.repeat(2000)}.xlsx`,
			payload: {}
		});
		const { fileName } = await readStaged(ctx, 'questions', id);
		expect(fileName).toMatch(/^试+…\.xlsx$/);
		expect(fileName.length).toBe(100);
		const [row] = await db.select({ fileName: stagedImport.fileName }).from(stagedImport);
		expect(row!.fileName).toBe(fileName);
	});
});
