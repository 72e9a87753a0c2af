import { readConfig } from './config.ts';
import { type Db, openDatabase } from './db/index.ts';
import { indexMissingBigrams } from './search/grams.ts';
import { describeOpenFailure } from './db/open-failure.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import { AuditKeyError, configureAuditKey } from './services/audit/key.ts';

let ready: Promise<Db> | undefined;

/**
 * The app's database, opened once per process: migrated, its search indexes complete, and seeded
 * with the demo district when demo mode is on and the database is empty. Nothing else is kept in process memory.
 */
export function appDb(): Promise<Db> {
	ready ??= (async () => {
		const config = readConfig();
		const { db } = await openDatabase(config.databaseUrl, {
			authToken: config.databaseAuthToken,
			migrationsFolder: config.migrationsFolder
		});
		// questions saved before the two-character search index existed
		await indexMissingBigrams(db);
		const keySource = await configureAuditKey(db, config);
		console.log(`Audit checkpoints are signed with the key from ${keySource}.`);
		if (config.demo) {
			const accounts = await seedDemoIfEmpty(db, new Date());
			if (accounts) printDemoAccounts(accounts);
		}
		return db;
	})();
	return ready;
}

/**
 * Opens the database when the server starts. When it cannot be opened (read-only, unreachable,
 * damaged …) or its audit key is missing, the operator gets one line saying what to check, and
 * the process exits non-zero so that a supervisor restarts it later.
 */
export async function openAppDbOrExit(): Promise<void> {
	try {
		await appDb();
	} catch (e) {
		// the audit key's own message says what to restore or set; anything else is the database
		console.error(
			e instanceof AuditKeyError
				? `Xuefa cannot start: ${e.message}`
				: describeOpenFailure(readConfig().databaseUrl, e)
		);
		process.exit(1);
	}
}

function printDemoAccounts(
	accounts: { username: string; password: string; roles: string }[]
): void {
	console.log('\n学法 Xuefa — demo district seeded. Demo accounts (演示账号):');
	for (const a of accounts)
		console.log(`  ${a.username.padEnd(12)} ${a.password.padEnd(14)} ${a.roles}`);
	console.log('');
}
