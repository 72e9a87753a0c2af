import type { ReadDb } from './index.ts';

/**
 * A query built once per database handle and kept: drizzle's prepared query, whose SQL text is
 * made the first time and reused, so that the reads every request makes (the session check, the
 * exam save's read of its attempt) do not build the same SQL again each time. Only the statement
 * is kept, never a row: what it reads is always read afresh.
 */
export function prepared<Q>(build: (db: ReadDb) => Q): (db: ReadDb) => Q {
	const built = new WeakMap<ReadDb, Q>();
	return (db) => {
		let query = built.get(db);
		if (query === undefined) built.set(db, (query = build(db)));
		return query;
	};
}
