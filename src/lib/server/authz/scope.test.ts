import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { getPerson } from '../services/people/get.ts';
import { listPeople } from '../services/people/list.ts';
import { createPerson, updatePerson } from '../services/people/mutate.ts';
import { createUnit } from '../services/units/mutate.ts';
import { ctxFor, district, makePerson, makeUser } from '../testing/factories.ts';
import { testDb } from '../testing/db.ts';
import { authorize } from './index.ts';

const baseInput = {
	position: '',
	rank: 'staff' as const,
	appointmentRoute: 'government' as const,
	status: 'active' as const
};

describe('role scoping', () => {
	it('a unit id that does not exist looks, to a unit’s organiser, like one outside their units', async () => {
		const db = await testDb();
		const { a, b, admin } = await district(db);
		const organiser = await makeUser(db, a.id, [['organiser', a.id]]);
		const ctx = await ctxFor(db, organiser.user.id);
		await expect(authorize(ctx, 'person.read', b.id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(authorize(ctx, 'person.read', 999_999)).rejects.toBeInstanceOf(ForbiddenError);
		// the district's administrator sees every unit anyway: a missing one is simply not found
		const root = await ctxFor(db, admin.user.id);
		await expect(authorize(root, 'person.read', 999_999)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('an organiser of unit A cannot read or change people of unit B', async () => {
		const db = await testDb();
		const { a, b } = await district(db);
		const organiser = await makeUser(db, a.id, [['organiser', a.id]]);
		const inB = await makePerson(db, b.id, { name: '街道干部' });
		const ctx = await ctxFor(db, organiser.user.id);

		await expect(getPerson(ctx, inB.id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listPeople(ctx, { q: '', unitId: b.id, page: 1 })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const visible = await listPeople(ctx, { q: '', page: 1 });
		expect(visible.rows.map((r) => r.name)).not.toContain('街道干部');
		await expect(
			updatePerson(ctx, {
				...baseInput,
				personId: inB.id,
				unitId: b.id,
				name: '改名',
				employeeNo: inB.employeeNo
			})
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('a grant on a parent unit covers its sub-units, and not its siblings', async () => {
		const db = await testDb();
		const { a, a1, b } = await district(db);
		const hr = await makeUser(db, a.id, [['hr', a.id]]);
		const deep = await makePerson(db, a1.id, { name: '科室干部' });
		await makePerson(db, b.id, { name: '邻居' });
		const ctx = await ctxFor(db, hr.user.id);

		expect((await getPerson(ctx, deep.id)).name).toBe('科室干部');
		const names = (await listPeople(ctx, { q: '', page: 1 })).rows.map((r) => r.name);
		expect(names).toContain('科室干部');
		expect(names).not.toContain('邻居');
		const id = await createPerson(ctx, {
			...baseInput,
			unitId: a1.id,
			name: '新人',
			employeeNo: 'N001'
		});
		expect(id).toBeGreaterThan(0);
		await expect(
			createPerson(ctx, { ...baseInput, unitId: b.id, name: '越权', employeeNo: 'N002' })
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('moving a person to a unit outside the scope is refused', async () => {
		const db = await testDb();
		const { a, b } = await district(db);
		const hr = await makeUser(db, a.id, [['hr', a.id]]);
		const p = await makePerson(db, a.id);
		const ctx = await ctxFor(db, hr.user.id);
		await expect(
			updatePerson(ctx, {
				...baseInput,
				personId: p.id,
				unitId: b.id,
				name: p.name,
				employeeNo: p.employeeNo
			})
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('a cadre sees only their own record', async () => {
		const db = await testDb();
		const { a } = await district(db);
		const cadre = await makeUser(db, a.id);
		const colleague = await makePerson(db, a.id);
		const ctx = await ctxFor(db, cadre.user.id);
		expect((await getPerson(ctx, cadre.person.id)).id).toBe(cadre.person.id);
		await expect(getPerson(ctx, colleague.id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listPeople(ctx, { q: '', page: 1 })).resolves.toMatchObject({ total: 0 });
	});

	it('only an administrator of the parent may create units under it', async () => {
		const db = await testDb();
		const { a, b } = await district(db);
		const admin = await makeUser(db, a.id, [['admin', a.id]]);
		const ctx = await ctxFor(db, admin.user.id);
		await expect(
			createUnit(ctx, { parentId: a.id, name: '新科室', kind: 'office' })
		).resolves.toBeGreaterThan(0);
		await expect(
			createUnit(ctx, { parentId: b.id, name: '越权科室', kind: 'office' })
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('employee numbers are login names', () => {
	it('refuses an employee number that is (a case variant of) another login name', async () => {
		const db = await testDb();
		const { a, admin } = await district(db);
		const ctx = await ctxFor(db, admin.user.id);
		// 'root-admin' is the administrator's login name
		await expect(
			createPerson(ctx, { ...baseInput, unitId: a.id, name: '冒名', employeeNo: 'ROOT-ADMIN' })
		).rejects.toMatchObject({ fields: { employeeNo: ['err_employee_no_taken'] } });
	});
});
