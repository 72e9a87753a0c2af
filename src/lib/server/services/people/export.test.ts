import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makePerson, makeUser } from '../../testing/factories.ts';
import { readListExport } from '../../testing/xlsx.ts';
import { exportPeople } from './export.ts';

describe('exportPeople (the people list as a workbook)', () => {
	it('writes every page of the filtered list, in the list order, with Chinese headers', async () => {
		const db = await testDb();
		const { a, a1, b, admin } = await district(db);
		// more people than one page of the reader, so that the keyset pages join up
		for (let i = 0; i < 1203; i++)
			await makePerson(db, a1.id, { name: `干部${String(i).padStart(4, '0')}` });
		await makePerson(db, b.id, { name: '街道干部', employeeNo: '000123' });
		const ctx = await ctxFor(db, admin.user.id);
		const list = await exportPeople(ctx, { q: '', unitId: a.id });
		expect(list.rows).toBe(1203);
		const { sheet, header, rows } = await readListExport(list);
		expect(header).toEqual(['单位', '姓名', '工号', '职务', '职级', '任命方式', '状态', '账号']);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(rows).toHaveLength(1203);
		expect(rows.map((r) => r[1])).toEqual(
			Array.from({ length: 1203 }, (_, i) => `干部${String(i).padStart(4, '0')}`)
		);
		expect(rows[0]!.slice(0, 2)).toEqual(['法治督察科', '干部0000']);
		expect(rows[0]![7]).toBe('未开通');

		const street = await readListExport(
			await exportPeople(ctx, { q: '000123', unitId: undefined })
		);
		expect(street.rows).toEqual([
			['东城街道', '街道干部', '000123', '', '科员', '非人大任命', '在职', '未开通']
		]);
	});

	it('keeps to the viewer’s units, and refuses a unit outside them before writing anything', async () => {
		const db = await testDb();
		const { a, b } = await district(db);
		await makePerson(db, a.id, { name: '司法局干部' });
		await makePerson(db, b.id, { name: '街道干部' });
		const hr = await makeUser(db, b.id, [['hr', b.id]]);
		const ctx = await ctxFor(db, hr.user.id);
		const { rows } = await readListExport(await exportPeople(ctx, { q: '', unitId: undefined }));
		expect(rows.map((r) => r[1]).sort()).toEqual([hr.person.name, '街道干部'].sort());
		await expect(exportPeople(ctx, { q: '', unitId: a.id })).rejects.toBeInstanceOf(ForbiddenError);
	});
});
