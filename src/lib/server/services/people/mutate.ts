import { and, eq, ne, sql } from 'drizzle-orm';
import type { PersonInput, UpdatePersonInput } from '$lib/schemas/org.ts';
import { authorize } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { person, user } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { authorizeAccount } from '../accounts/account-unit.ts';
import { appendAudit } from '../audit/append.ts';

async function assertEmployeeNoFree(db: ReadDb, employeeNo: string, exceptId?: number) {
	const no = employeeNo.toLowerCase();
	const [clash] = await db
		.select({ id: person.id })
		.from(person)
		.where(
			and(
				sql`lower(${person.employeeNo}) = ${no}`,
				exceptId === undefined ? undefined : ne(person.id, exceptId)
			)
		);
	// the employee number becomes a login name: it must not be (a case variant of) someone else's
	const [account] = await db
		.select({ id: user.id })
		.from(user)
		.where(
			and(
				sql`lower(${user.username}) = ${no}`,
				exceptId === undefined ? undefined : sql`${user.personId} IS NOT ${exceptId}`
			)
		);
	if (clash || account) throw new InvalidInputError({ employeeNo: ['err_employee_no_taken'] });
}

export async function createPerson(ctx: Ctx, input: PersonInput): Promise<number> {
	await authorize(ctx, 'person.manage', input.unitId);
	return transact(ctx, async (tx) => {
		await assertEmployeeNoFree(tx.db, input.employeeNo);
		const [created] = await tx.db
			.insert(person)
			.values({ ...input, createdAt: ctx.now, updatedAt: ctx.now })
			.returning({ id: person.id });
		await appendAudit(tx, {
			action: 'person.created',
			entityType: 'person',
			entityId: created!.id,
			unitId: input.unitId,
			after: input
		});
		return created!.id;
	});
}

/** Updates a person; moving them to another unit needs the permission on both units. */
export async function updatePerson(ctx: Ctx, input: UpdatePersonInput): Promise<void> {
	const { personId, ...fields } = input;
	const [before] = await ctx.db.select().from(person).where(eq(person.id, personId));
	if (!before) throw new NotFoundError();
	await authorize(ctx, 'person.manage', before.unitId);
	if (fields.unitId !== before.unitId) await authorize(ctx, 'person.manage', fields.unitId);
	if (fields.employeeNo !== before.employeeNo) await authorizeLoginRename(ctx, personId, before);
	await transact(ctx, async (tx) => {
		await assertEmployeeNoFree(tx.db, fields.employeeNo, personId);
		await tx.db
			.update(person)
			.set({ ...fields, updatedAt: ctx.now })
			.where(eq(person.id, personId));
		// an account whose login name is the employee number follows it; others keep their name
		if (fields.employeeNo !== before.employeeNo) {
			await tx.db
				.update(user)
				.set({ username: fields.employeeNo })
				.where(and(eq(user.personId, personId), eq(user.username, before.employeeNo)));
		}
		if (fields.name !== before.name) {
			await tx.db.update(user).set({ displayName: fields.name }).where(eq(user.personId, personId));
		}
		await appendAudit(tx, {
			action: 'person.updated',
			entityType: 'person',
			entityId: personId,
			unitId: fields.unitId,
			before: pick(before, fields),
			after: fields
		});
	});
}

/**
 * A new employee number renames the login that follows it: that changes an account, so it needs
 * the account rule (authority over every grant the account holds), not only `person.manage`.
 */
async function authorizeLoginRename(ctx: Ctx, personId: number, before: { employeeNo: string }) {
	const [account] = await ctx.db
		.select({ id: user.id })
		.from(user)
		.where(and(eq(user.personId, personId), eq(user.username, before.employeeNo)));
	if (!account) return;
	try {
		await authorizeAccount(ctx, account.id);
	} catch (e) {
		if (e instanceof ForbiddenError)
			throw new InvalidInputError({ employeeNo: ['err_employee_no_login_forbidden'] });
		throw e;
	}
}

function pick<T extends object>(row: T, like: object): Partial<T> {
	return Object.fromEntries(Object.keys(like).map((k) => [k, row[k as keyof T]])) as Partial<T>;
}
