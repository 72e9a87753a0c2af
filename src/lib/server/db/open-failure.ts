/**
 * What an operator reads when the app cannot open its database at start: one line naming the
 * database and what to check, instead of a stack trace (the supervisor's log keeps it readable,
 * and it restarts the app after a delay).
 */

/** The database URL without a query string or credentials, safe to print. */
export function printableUrl(url: string): string {
	const bare = url.replace(/[?#].*$/, '');
	return bare.replace(/\/\/[^/@]*@/, '//');
}

interface Cause {
	code: string;
	message: string;
}

function causes(e: unknown): Cause[] {
	const out: Cause[] = [];
	for (let c = e; c instanceof Error && out.length < 10; c = c.cause) {
		const code = (c as { code?: unknown }).code;
		out.push({ code: typeof code === 'string' ? code : '', message: c.message });
	}
	return out;
}

const REASONS: { test: (c: Cause) => boolean; says: string }[] = [
	{
		test: (c) => c.code === 'SQLITE_READONLY' || /readonly|read-only/i.test(c.message),
		says: 'is read-only: the app must be able to write the file, its folder and its -wal and -shm files (check permissions, ownership and free disk space)'
	},
	{
		test: (c) =>
			['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'SQLITE_CANTOPEN', 'SQLITE_PERM'].includes(
				c.code
			) || /unable to open|ConnectionFailed/i.test(c.message),
		says: 'cannot be opened or created: check that its folder exists or can be created, and that the app may write there'
	},
	{
		test: (c) => ['SQLITE_NOTADB', 'SQLITE_CORRUPT'].includes(c.code),
		says: 'is not a database or is damaged: restore it from a backup (see the README)'
	},
	{
		test: (c) => c.code.startsWith('URL_'),
		says: 'is not a URL the app understands: use file:…, libsql://…, http://… or https://…'
	},
	{
		test: (c) => /\b(401|403)\b|unauthori[sz]ed|forbidden/i.test(c.message),
		says: 'refused the connection: check DATABASE_AUTH_TOKEN'
	},
	{
		test: (c) =>
			[
				'ECONNREFUSED',
				'ENOTFOUND',
				'EAI_AGAIN',
				'ETIMEDOUT',
				'ECONNRESET',
				'EHOSTUNREACH'
			].includes(c.code) || /fetch failed|websocket|network/i.test(c.message),
		says: 'cannot be reached: check that the libSQL server is running and that this machine can connect to it'
	}
];

/**
 * One line saying which database could not be opened and what to check, e.g.
 * `Xuefa cannot start: the database file:/var/lib/xuefa/xuefa.db is read-only: … (SQLITE_READONLY)`.
 */
export function describeOpenFailure(url: string, e: unknown): string {
	const chain = causes(e);
	const where = `the database ${printableUrl(url)}`;
	for (const reason of REASONS) {
		const hit = chain.find(reason.test);
		if (hit)
			return `Xuefa cannot start: ${where} ${reason.says} (${hit.code || oneLine(hit.message)}).`;
	}
	const last = chain.at(-1);
	return `Xuefa cannot start: ${where} cannot be opened: ${last ? oneLine(last.message) : String(e)}.`;
}

function oneLine(text: string): string {
	const line = text.split('\n', 1)[0]!.trim();
	return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
