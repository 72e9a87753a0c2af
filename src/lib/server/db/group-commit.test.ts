import { describe, expect, it } from 'vitest';
import { transact } from '../context.ts';
import { DatabaseBusyError } from '../errors.ts';
import { testDb } from '../testing/db.ts';
import { type Settled, groupCommit } from './group-commit.ts';

/** Holds the process's write queue until `release()`, so that what joins meanwhile waits together. */
function holdWrites(db: Awaited<ReturnType<typeof testDb>>) {
	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	const done = transact({ db }, () => held);
	return async () => {
		release();
		await done;
	};
}

describe('group commit', () => {
	it('writes what waits in one transaction, each with its own outcome', async () => {
		const db = await testDb();
		const calls: number[][] = [];
		const group = groupCommit<number, number>(async (_tx, items) => {
			calls.push([...items]);
			return items.map((n): Settled<number> =>
				n < 0 ? { ok: false, error: new Error(`no ${n}`) } : { ok: true, value: n * 10 }
			);
		});
		const release = holdWrites(db);
		const joined = Promise.allSettled([1, -2, 3].map((n) => group.join(db, n)));
		expect(group.waiting(db)).toBe(3);
		await release();
		const outcomes = await joined;
		expect(calls).toEqual([[1, -2, 3]]);
		expect(outcomes).toEqual([
			{ status: 'fulfilled', value: 10 },
			{ status: 'rejected', reason: new Error('no -2') },
			{ status: 'fulfilled', value: 30 }
		]);
	});

	it('tries each again alone when the shared transaction fails as a whole', async () => {
		const db = await testDb();
		const calls: number[][] = [];
		const group = groupCommit<number, number>(async (_tx, items) => {
			calls.push([...items]);
			if (items.includes(2)) throw new Error('fault with 2');
			return items.map((n) => ({ ok: true as const, value: n }));
		});
		const release = holdWrites(db);
		const joined = Promise.allSettled([1, 2, 3].map((n) => group.join(db, n)));
		await release();
		const outcomes = await joined;
		expect(calls).toEqual([[1, 2, 3], [1], [2], [3]]);
		expect(outcomes).toEqual([
			{ status: 'fulfilled', value: 1 },
			{ status: 'rejected', reason: new Error('fault with 2') },
			{ status: 'fulfilled', value: 3 }
		]);
	});

	it('answers everyone of the group busy when the database stayed busy, without trying again', async () => {
		const db = await testDb();
		let calls = 0;
		const group = groupCommit<number, number>(async () => {
			calls++;
			throw new DatabaseBusyError();
		});
		const release = holdWrites(db);
		const joined = Promise.allSettled([1, 2, 3].map((n) => group.join(db, n)));
		await release();
		const outcomes = await joined;
		expect(calls).toBe(1);
		expect(outcomes.map((o) => o.status === 'rejected' && o.reason)).toEqual([
			new DatabaseBusyError(),
			new DatabaseBusyError(),
			new DatabaseBusyError()
		]);
	});
});
