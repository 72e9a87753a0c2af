import { eq, sql } from 'drizzle-orm';
import type { CreateAccountInput } from '$lib/schemas/auth.ts';
import { hashPassword } from '../../auth/password.ts';
import { type Ctx, transact } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { person, roleGrant, user } from '../../db/schema/index.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { authorizeAccountUnits } from './account-unit.ts';
import { temporaryPassword } from './temporary-password.ts';

export interface NewAccount {
	userId: number;
	username: string;
	password: string;
}

/**
 * Opens an account for a person: the login name is the employee number, the first password is a
 * one-time password to change at first login, and the person becomes a cadre (学员) of their unit
 * — the only grant the new account holds, so `account.open` there is what the account rule asks.
 */
export async function createAccount(ctx: Ctx, input: CreateAccountInput): Promise<NewAccount> {
	const [p] = await ctx.db.select().from(person).where(eq(person.id, input.personId));
	if (!p) throw new NotFoundError();
	await authorizeAccountUnits(ctx, 'account.open', [p.unitId]);
	const password = await temporaryPassword(p.employeeNo);
	const passwordHash = await hashPassword(password);
	return transact(ctx, (tx) => insertAccount(tx, p, passwordHash, password));
}

/** Inserts the account inside a caller's transaction (shared with the roster import). */
export async function insertAccount(
	tx: Pick<Ctx, 'now' | 'user'> & { db: Tx },
	p: { id: number; name: string; employeeNo: string; unitId: number },
	passwordHash: string,
	password: string
): Promise<NewAccount> {
	const [taken] = await tx.db
		.select({ id: user.id, personId: user.personId })
		.from(user)
		.where(
			sql`lower(${user.username}) = ${p.employeeNo.toLowerCase()} or ${user.personId} = ${p.id}`
		);
	if (taken) throw new ConflictError('error_account_exists');
	const [created] = await tx.db
		.insert(user)
		.values({
			username: p.employeeNo,
			displayName: p.name,
			personId: p.id,
			passwordHash,
			mustChangePassword: true,
			createdAt: tx.now
		})
		.returning({ id: user.id });
	const userId = created!.id;
	await tx.db
		.insert(roleGrant)
		.values({ userId, role: 'cadre', unitId: p.unitId, grantedAt: tx.now });
	await appendAudit(tx, {
		action: 'account.created',
		entityType: 'user',
		entityId: userId,
		unitId: p.unitId,
		after: { username: p.employeeNo, personId: p.id, roles: ['cadre'] }
	});
	return { userId, username: p.employeeNo, password };
}
