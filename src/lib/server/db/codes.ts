/**
 * The SQLite result codes of an error and of its causes (drizzle wraps the driver's error, which
 * wraps SQLite's), e.g. ['SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_UNIQUE'].
 */
export function sqliteCodes(e: unknown): string[] {
	const codes: string[] = [];
	for (let cause = e; cause instanceof Error && codes.length < 20; cause = cause.cause) {
		for (const key of ['code', 'extendedCode'] as const) {
			const code = (cause as { [k in typeof key]?: unknown })[key];
			if (typeof code === 'string' && code.startsWith('SQLITE_')) codes.push(code);
		}
	}
	return codes;
}

/** A UNIQUE, PRIMARY KEY, FOREIGN KEY or CHECK constraint refused the write. */
export function isConstraintViolation(e: unknown): boolean {
	return sqliteCodes(e).some((c) => c.startsWith('SQLITE_CONSTRAINT'));
}
