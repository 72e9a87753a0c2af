// A consistent copy of the embedded database, taken while the app runs:
//   npm run backup -- /var/backups/xuefa/xuefa-2026-03-02.db
// Restoring is described in the README (stop the app, put the copy in place, start it).
import { resolve } from 'node:path';
import { readConfig } from '../src/lib/server/config.ts';
import { backupDatabase } from '../src/lib/server/db/backup.ts';

const target = process.argv[2];
if (!target) {
	console.error('Usage: npm run backup -- <file>   (a new file for the copy)');
	process.exit(2);
}
const config = readConfig();
try {
	const report = await backupDatabase(config.databaseUrl, resolve(target));
	const mb = (report.bytes / 1024 / 1024).toFixed(1);
	console.log(
		`Backed up to ${report.target} (${mb} MB, integrity ok, ${report.auditEntries} audit entries up to #${report.auditHead}).`
	);
} catch (e) {
	console.error(`Backup failed: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
}
