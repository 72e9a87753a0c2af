// A second app process starting on the same database (db/migrate.test.ts): loads the app's
// database code, says "ready", and opens (migrates) the database at argv[2] when told "go", so that
// two of these migrate at the same moment.
import { openDatabase } from '../db/index.ts';

process.stdout.write('ready\n');
process.stdin.once('data', () => {
	openDatabase(process.argv[2]!, { migrationsFolder: './drizzle' })
		.then(({ client }) => {
			client.close();
			process.stdout.write('migrated\n');
			process.exit(0);
		})
		.catch((e: unknown) => {
			process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
			process.exit(1);
		});
});
