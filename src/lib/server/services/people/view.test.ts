import { describe, expect, it } from 'vitest';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makePerson, makeUser } from '../../testing/factories.ts';
import { personView } from './view.ts';

describe('personView (what the person page offers whom)', () => {
	it('offers an administrator everything, with the units of each form', async () => {
		const db = await testDb();
		const { a, b, admin } = await district(db);
		const cadre = await makeUser(db, b.id);
		const view = await personView(await ctxFor(db, admin.user.id), cadre.person.id);
		expect(view.may).toEqual({ edit: true, openAccount: false, manageAccount: true, grant: true });
		expect(view.units.map((u) => u.id)).toContain(a.id);
		expect(view.grantUnits.map((u) => u.id)).toContain(b.id);
		expect(view.person).not.toHaveProperty('unitPath');
	});

	it('lets HR edit and open accounts in its units, never manage an account or grant roles', async () => {
		const db = await testDb();
		const { a, a1, b } = await district(db);
		const hr = await makeUser(db, a.id, [['hr', a.id]]);
		const ctx = await ctxFor(db, hr.user.id);
		const noAccount = await makePerson(db, a1.id);
		expect((await personView(ctx, noAccount.id)).may).toEqual({
			edit: true,
			openAccount: true,
			manageAccount: false,
			grant: false
		});
		expect((await personView(ctx, noAccount.id)).units.map((u) => u.id)).not.toContain(b.id);
	});

	it('shows a cadre their own record and offers them nothing to change', async () => {
		const db = await testDb();
		const { a } = await district(db);
		const cadre = await makeUser(db, a.id);
		const view = await personView(await ctxFor(db, cadre.user.id), cadre.person.id);
		expect(view.may).toEqual({
			edit: false,
			openAccount: false,
			manageAccount: false,
			grant: false
		});
		expect(view.units).toEqual([]);
	});
});
