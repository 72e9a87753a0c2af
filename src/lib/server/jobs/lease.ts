/**
 * Leases in the database: work that any app process may do but only one at a time should (the
 * exam deadline sweep, refreshing the oversight counts) is done by whoever holds its lease.
 */
import { and, eq, sql } from 'drizzle-orm';
import { transact, write } from '../context.ts';
import type { ReadDb } from '../db/index.ts';
import { jobLease } from '../db/schema/index.ts';

/**
 * Takes (or renews) the lease `name` for `holder` until `now + ttlMs`, unless another holder's
 * lease is still running. Returns whether `holder` holds it.
 */
export async function takeLease(
	db: ReadDb,
	name: string,
	holder: string,
	now: Date,
	ttlMs: number
): Promise<boolean> {
	return transact({ db }, async ({ db: tx }) => {
		const result = await tx.run(sql`
			INSERT INTO ${jobLease} (name, holder, expires_at) VALUES (${name}, ${holder}, ${now.getTime() + ttlMs})
			ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
			WHERE ${jobLease.expiresAt} <= ${now.getTime()} OR ${jobLease.holder} = excluded.holder`);
		return result.rowsAffected > 0;
	});
}

/** Gives up the lease `name` if `holder` still holds it (an expired one taken over stays). */
export async function releaseLease(db: ReadDb, name: string, holder: string): Promise<void> {
	await write(db, (tx) =>
		tx.delete(jobLease).where(and(eq(jobLease.name, name), eq(jobLease.holder, holder)))
	);
}
