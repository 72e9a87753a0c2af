import { defineConfig } from 'drizzle-kit';
import { readConfig } from './src/lib/server/config.ts';

const config = readConfig();

export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dialect: 'turso',
	dbCredentials: { url: config.databaseUrl, authToken: config.databaseAuthToken },
	casing: 'snake_case'
});
