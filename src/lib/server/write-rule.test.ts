import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Ctx, transact, write } from './context.ts';
import { unit } from './db/schema/index.ts';
import { testDb } from './testing/db.ts';
import { ctxFor, makeUnit, makeUser } from './testing/factories.ts';

/**
 * The write rule as a type rule: `ctx.db` (and `locals.db`) read only, and only the handle that
 * `transact`/`write` hand out writes. Each line marked `@ts-expect-error` must fail to compile:
 * should `ctx.db` ever accept a write again, `npm run check` reports the now unused directive.
 * Never called; it only has to type-check.
 */
export function writesOutsideTransact(ctx: Ctx) {
	// @ts-expect-error ctx.db has no insert: a service writes through transact
	void ctx.db.insert(unit).values({ name: 'x', kind: 'office', path: '' });
	// @ts-expect-error ctx.db has no update
	void ctx.db.update(unit).set({ name: 'x' });
	// @ts-expect-error ctx.db has no delete
	void ctx.db.delete(unit);
	// @ts-expect-error raw statements could write, so the read-only handle has none
	void ctx.db.run(sql`DELETE FROM unit`);
	// @ts-expect-error nor may a service open a transaction of its own, outside the write queue
	void ctx.db.transaction(async () => {});
}

describe('the write rule', () => {
	it('writes through the handle that transact and write give, and reads through ctx.db', async () => {
		const db = await testDb();
		const root = await makeUnit(db, { name: '根' });
		const { user } = await makeUser(db, root.id);
		const ctx = await ctxFor(db, user.id);
		await transact(ctx, (tx) =>
			tx.db.update(unit).set({ name: '改名' }).where(eq(unit.id, root.id))
		);
		await write(ctx.db, (tx) =>
			tx.update(unit).set({ kind: 'bureau' }).where(eq(unit.id, root.id))
		);
		const [row] = await ctx.db.select().from(unit).where(eq(unit.id, root.id));
		expect(row).toMatchObject({ name: '改名', kind: 'bureau' });
	});
});
