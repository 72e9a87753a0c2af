// Creates the first administrator of a production installation (no demo data):
//   npm run admin:create -- --username admin --name "张三" --unit "某某区人民政府"
// The top-level unit is created when the database has none. The password is read from
// XUEFA_ADMIN_PASSWORD, or a one-time password is generated and printed (to be changed at login).
import { parseArgs } from 'node:util';
import { asc, isNull, sql } from 'drizzle-orm';
import { hashPassword } from '../src/lib/server/auth/password.ts';
import { passwordProblem } from '../src/lib/server/auth/password-policy.ts';
import { readConfig } from '../src/lib/server/config.ts';
import { transact } from '../src/lib/server/context.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { roleGrant, unit, user } from '../src/lib/server/db/schema/index.ts';
import { appendAudit } from '../src/lib/server/services/audit/append.ts';
import { configureAuditKey } from '../src/lib/server/services/audit/key.ts';
import { temporaryPassword } from '../src/lib/server/services/accounts/temporary-password.ts';

const { values } = parseArgs({
	options: {
		username: { type: 'string', default: 'admin' },
		name: { type: 'string', default: '系统管理员' },
		unit: { type: 'string' }
	}
});

const config = readConfig();
const { db, client } = await openDatabase(config.databaseUrl, {
	authToken: config.databaseAuthToken,
	migrationsFolder: config.migrationsFolder
});
// the account's creation is audited, and the audit log's checkpoints need their key
try {
	await configureAuditKey(db, config);
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
}
const given = process.env.XUEFA_ADMIN_PASSWORD;
const problem = given === undefined ? null : await passwordProblem(given, values.username!);
if (problem) {
	// the script speaks English like its other messages; the key says which rule
	console.error(`XUEFA_ADMIN_PASSWORD does not meet the password policy (${problem}):`);
	console.error('at least 10 characters, not containing the login name, not a common password.');
	process.exit(1);
}
const password = given ?? (await temporaryPassword(values.username!));
const passwordHash = await hashPassword(password);
const now = new Date();

try {
	// the app's one write path, as every service and the demo seed take it
	await transact({ db, now, user: null }, async (ctx) => {
		const tx = ctx.db;
		const username = values.username!;
		const [taken] = await tx
			.select({ id: user.id })
			.from(user)
			.where(sql`lower(${user.username}) = ${username.toLowerCase()}`);
		if (taken) throw new Error(`The account "${username}" already exists.`);
		let [root] = await tx
			.select()
			.from(unit)
			.where(isNull(unit.parentId))
			.orderBy(asc(unit.id))
			.limit(1);
		if (!root) {
			if (!values.unit)
				throw new Error('The database has no units yet: pass --unit "<top-level unit name>".');
			[root] = await tx
				.insert(unit)
				.values({ name: values.unit, kind: 'government', path: '', createdAt: now })
				.returning();
			await tx
				.update(unit)
				.set({ path: `/${root!.id}/` })
				.where(sql`${unit.id} = ${root!.id}`);
		}
		const [created] = await tx
			.insert(user)
			.values({
				username,
				displayName: values.name!,
				passwordHash,
				mustChangePassword: given === undefined,
				createdAt: now
			})
			.returning();
		await tx
			.insert(roleGrant)
			.values({ userId: created!.id, role: 'admin', unitId: root!.id, grantedAt: now });
		await appendAudit(ctx, {
			action: 'account.created',
			entityType: 'user',
			entityId: created!.id,
			unitId: root!.id,
			after: { username, roles: ['admin'], via: 'command line' }
		});
	});
	console.log(`Administrator "${values.username}" created.`);
	if (given === undefined)
		console.log(`One-time password: ${password}  (must be changed at first login)`);
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exitCode = 1;
} finally {
	client.close();
}
