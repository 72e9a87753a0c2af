import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resetPasswordInput, setAccountDisabledInput } from '$lib/schemas/auth.ts';
import { roleGrant, user } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makePerson, makeUser } from '../../testing/factories.ts';
import { updatePerson } from '../people/mutate.ts';
import { createAccount } from './create-account.ts';
import { resetPassword } from './reset-password.ts';

async function setup() {
	const db = await testDb();
	const d = await district(db);
	// an HR officer seated in bureau A whose HR grant covers the whole district
	const hrOfficer = await makeUser(db, d.a.id, [['hr', d.root.id]]);
	const unitAdmin = await makeUser(db, d.a.id, [['admin', d.a.id]]);
	return { db, d, hrOfficer, unitAdmin };
}

const personFields = (p: Awaited<ReturnType<typeof makePerson>>, employeeNo: string) => ({
	personId: p.id,
	unitId: p.unitId,
	name: p.name,
	employeeNo,
	position: p.position,
	rank: p.rank,
	appointmentRoute: p.appointmentRoute,
	status: p.status
});

describe('changing a login needs authority over every grant of the account', () => {
	it('an admin of a unit cannot rename the login of an HR officer seated there whose grants reach wider', async () => {
		const { db, hrOfficer, unitAdmin } = await setup();
		const ctx = await ctxFor(db, unitAdmin.user.id);
		await expect(
			updatePerson(ctx, personFields(hrOfficer.person, 'HIJACK1'))
		).rejects.toMatchObject({ fields: { employeeNo: ['err_employee_no_login_forbidden'] } });
		const [u] = await db.select().from(user).where(eq(user.id, hrOfficer.user.id));
		expect(u!.username).toBe(hrOfficer.user.username);
	});

	it('the same admin renames a colleague with no powers beyond the unit, login and all', async () => {
		const { db, d, unitAdmin } = await setup();
		const colleague = await makeUser(db, d.a1.id);
		await updatePerson(
			await ctxFor(db, unitAdmin.user.id),
			personFields(colleague.person, 'NEWNO1')
		);
		const [u] = await db.select().from(user).where(eq(user.id, colleague.user.id));
		expect(u!.username).toBe('NEWNO1');
	});

	it('HR may correct the employee number of a person without an account, not of one with a login', async () => {
		const { db, d } = await setup();
		const hrOfA = await makeUser(db, d.a.id, [['hr', d.a.id]]);
		const ctx = await ctxFor(db, hrOfA.user.id);
		const noAccount = await makePerson(db, d.a.id);
		await expect(updatePerson(ctx, personFields(noAccount, 'FIXED1'))).resolves.toBeUndefined();
		const cadre = await makeUser(db, d.a.id);
		await expect(updatePerson(ctx, personFields(cadre.person, 'FIXED2'))).rejects.toMatchObject({
			fields: { employeeNo: ['err_employee_no_login_forbidden'] }
		});
	});
});

describe('opening accounts (one rule for the person page and the roster)', () => {
	it('HR opens accounts for people of its units, not elsewhere, and cannot reset passwords', async () => {
		const { db, d } = await setup();
		const hrOfA = await makeUser(db, d.a.id, [['hr', d.a.id]]);
		const ctx = await ctxFor(db, hrOfA.user.id);
		const inA1 = await makePerson(db, d.a1.id);
		const opened = await createAccount(ctx, { personId: inA1.id });
		expect(opened.username).toBe(inA1.employeeNo);
		const grants = await db
			.select({ role: roleGrant.role, unitId: roleGrant.unitId })
			.from(roleGrant)
			.where(eq(roleGrant.userId, opened.userId));
		expect(grants).toEqual([{ role: 'cadre', unitId: d.a1.id }]);

		const inB = await makePerson(db, d.b.id);
		await expect(createAccount(ctx, { personId: inB.id })).rejects.toMatchObject({
			code: 'error_forbidden'
		});
		await expect(
			resetPassword(ctx, { userId: opened.userId, confirmed: 'yes' })
		).rejects.toMatchObject({ code: 'error_forbidden' });
	});
});

describe('destructive account actions are confirmed first', () => {
	it('a reset or a disable without the confirmation does not pass its schema; enabling needs none', () => {
		expect(resetPasswordInput.safeParse({ userId: '3' }).success).toBe(false);
		expect(resetPasswordInput.safeParse({ userId: '3', confirmed: 'yes' }).success).toBe(true);
		expect(setAccountDisabledInput.safeParse({ userId: '3', disabled: 'true' }).success).toBe(
			false
		);
		expect(
			setAccountDisabledInput.safeParse({ userId: '3', disabled: 'true', confirmed: 'yes' }).success
		).toBe(true);
		expect(setAccountDisabledInput.safeParse({ userId: '3', disabled: 'false' }).success).toBe(
			true
		);
	});
});
