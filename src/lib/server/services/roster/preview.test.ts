import { describe, expect, it } from 'vitest';
import { stagedImport } from '../../db/schema/index.ts';
import { ctxFor, district, makeUser } from '../../testing/factories.ts';
import { testDb } from '../../testing/db.ts';
import { importRoster, xlsx } from '../../testing/roster.ts';
import { previewRoster, rosterPreviewPage } from './preview.ts';

/** `n` new cadres of 区司法局, one a row from the sheet's row 2. */
const cadres = (n: number) =>
	Array.from({ length: n }, (_, i) => [
		'区司法局',
		`干部${i + 1}`,
		`P${String(i + 1).padStart(5, '0')}`,
		'科员',
		'科员',
		'非人大任命',
		'在职',
		'学员'
	]);

describe('a roster preview, a page of rows at a time', () => {
	it('answers the upload with its first page and counts, and gives every other page by its id', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const first = await previewRoster(ctx, await xlsx(cadres(120)));
		expect(first).toMatchObject({ page: 1, pageSize: 50, total: 120 });
		expect(first.counts).toEqual({ create: 120, update: 0, unchanged: 0 });
		expect(first.rows.map((r) => r.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
		expect(first.previewId).toMatch(/^[0-9a-f]{32}$/);

		const last = await rosterPreviewPage(ctx, { id: first.previewId!, page: 3 });
		expect(last).toMatchObject({ page: 3, total: 120, stagedId: first.stagedId });
		expect(last.rows.map((r) => r.employeeNo)).toEqual(
			Array.from({ length: 20 }, (_, i) => `P${String(i + 101).padStart(5, '0')}`)
		);
		// past the end: the last page
		expect((await rosterPreviewPage(ctx, { id: first.previewId!, page: 9 })).page).toBe(3);

		// another administrator's address finds nothing
		const other = await makeUser(db, d.root.id, [['admin', d.root.id]]);
		await expect(
			rosterPreviewPage(await ctxFor(db, other.user.id), { id: first.previewId!, page: 2 })
		).rejects.toMatchObject({ code: 'import_staged_expired' });
	});

	it('keeps no rows of a roster with errors: the errors are what it shows', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const rows = cadres(3);
		rows[1]![4] = '大科员';
		const preview = await previewRoster(ctx, await xlsx(rows));
		expect(preview.errors.map((e) => e.row)).toEqual([3]);
		expect(preview).toMatchObject({ stagedId: null, previewId: null });
	});

	it('is removed with its upload when the roster is imported: nothing is left staged', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const preview = await previewRoster(ctx, await xlsx(cadres(60)));
		expect(await db.$count(stagedImport)).toBe(2);
		await importRoster(ctx, { stagedId: preview.stagedId! });
		expect(await db.$count(stagedImport)).toBe(0);
		await expect(rosterPreviewPage(ctx, { id: preview.previewId!, page: 2 })).rejects.toMatchObject(
			{
				code: 'import_staged_expired'
			}
		);
	});
});
