import { resolve } from 'node:path';

/**
 * Settings read from the environment, in one place. Plain `process.env` (not `$env`) so that the
 * command-line scripts (seed, admin:create) share it with the server. The server (adapter-node)
 * reads its own: PORT, HOST, ORIGIN, BODY_SIZE_LIMIT, ADDRESS_HEADER, XFF_DEPTH, to which
 * `npm start` gives defaults; ORIGIN is read here too, for the cookies.
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
	/**
	 * Session and device cookies are `Secure` in production, unless the site itself is declared
	 * plain http (ORIGIN=http://…, a local trial), where a Secure cookie would never be sent back
	 * and nobody could log in.
	 */
	secureCookies: boolean;
	/** fatal, error, warn, info, debug, trace or silent (LOG_LEVEL; info by default). */
	logLevel: string;
	/**
	 * Where the project's statutes are read from at seed time (never copied into the repository):
	 * XUEFA_LAWS_DIR, else ../shared/data/laws beside the checkout.
	 */
	lawsDir: string;
	/** Where migrations live, relative to the working directory. */
	migrationsFolder: string;
	/**
	 * The key that authenticates the audit log's checkpoints, kept outside the database: the
	 * value itself (XUEFA_AUDIT_KEY) or a file holding it (XUEFA_AUDIT_KEY_FILE). With neither, an
	 * embedded database keeps a generated key in a file beside it (services/audit/key.ts).
	 */
	auditKey: string | undefined;
	auditKeyFile: string | undefined;
	/**
	 * A write transaction holding the write lock this many milliseconds or longer is logged
	 * (XUEFA_SLOW_WRITE_MS, 200 by default; `npm run bench` sets 0 to see them all).
	 */
	slowWriteMs: number;
	/**
	 * How often the exam deadline sweep looks for attempts past their deadline, so how late an
	 * abandoned attempt may be submitted (XUEFA_SWEEP_SECONDS, 15 by default, 1 to 300).
	 */
	sweepMs: number;
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
		secureCookies: production && !env.ORIGIN?.startsWith('http://'),
		logLevel: env.LOG_LEVEL || 'info',
		lawsDir: env.XUEFA_LAWS_DIR ?? resolve(process.cwd(), '..', 'shared', 'data', 'laws'),
		migrationsFolder: env.XUEFA_MIGRATIONS ?? './drizzle',
		auditKey: env.XUEFA_AUDIT_KEY || undefined,
		auditKeyFile: env.XUEFA_AUDIT_KEY_FILE || undefined,
		slowWriteMs: Number(env.XUEFA_SLOW_WRITE_MS || 200),
		sweepMs: Math.min(300, Math.max(1, Number(env.XUEFA_SWEEP_SECONDS) || 15)) * 1000
	};
}
