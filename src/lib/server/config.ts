/**
 * Settings read from the environment, in one place. Plain `process.env` (not `$env`) so that the
 * command-line scripts (seed, admin:create) share it with the server.
 */
export interface AppConfig {
	databaseUrl: string;
	databaseAuthToken: string | undefined;
	/**
	 * Demo mode seeds a fictional district into an empty database and shows the demo accounts: on
	 * with XUEFA_DEMO=1 and in the development server, off otherwise.
	 */
	demo: boolean;
	production: boolean;
	/** Where migrations live, relative to the working directory. */
	migrationsFolder: string;
	/**
	 * The key that authenticates the audit log's checkpoints, kept outside the database: the
	 * value itself (XUEFA_AUDIT_KEY) or a file holding it (XUEFA_AUDIT_KEY_FILE). With neither, an
	 * embedded database keeps a generated key in a file beside it (services/audit/key.ts).
	 */
	auditKey: string | undefined;
	auditKeyFile: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const production = env.NODE_ENV === 'production';
	return {
		databaseUrl: env.DATABASE_URL || 'file:./data/xuefa.db',
		databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
		// opt-in: a server started any other way (`node build`) never seeds a public demo password
		demo: env.XUEFA_DEMO
			? env.XUEFA_DEMO === '1' || env.XUEFA_DEMO === 'true'
			: env.NODE_ENV === 'development',
		production,
		migrationsFolder: env.XUEFA_MIGRATIONS ?? './drizzle',
		auditKey: env.XUEFA_AUDIT_KEY || undefined,
		auditKeyFile: env.XUEFA_AUDIT_KEY_FILE || undefined
	};
}
