import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/db.ts';
import { EXPORT_SLOT_MS, takeExportSlot } from './slots.ts';

const t0 = new Date('2026-12-04T10:00:00+08:00');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('a person’s export slots', () => {
	it('stay held past their lease while the export renews them, and free once it stops', async () => {
		const db = await testDb();
		const long = await takeExportSlot(db, 1, t0);
		const crashed = await takeExportSlot(db, 1, t0);
		expect(long && crashed).toBeTruthy();
		expect(await takeExportSlot(db, 1, t0)).toBeNull();

		// a long export renews its slot while it streams; the crashed process's expires
		await long!.renew(at(EXPORT_SLOT_MS - 1000));
		const third = await takeExportSlot(db, 1, at(EXPORT_SLOT_MS + 1));
		expect(third).not.toBeNull();
		expect(await takeExportSlot(db, 1, at(EXPORT_SLOT_MS + 1))).toBeNull();

		// once it stops renewing, its slot too is free a lease later
		expect(await takeExportSlot(db, 1, at(2 * EXPORT_SLOT_MS - 2000))).toBeNull();
		expect(await takeExportSlot(db, 1, at(2 * EXPORT_SLOT_MS))).not.toBeNull();
		// another person never waits on these
		expect(await takeExportSlot(db, 2, t0)).not.toBeNull();
	});

	it('is not taken back by a renewal after it was given back', async () => {
		const db = await testDb();
		const slot = (await takeExportSlot(db, 1, t0))!;
		await takeExportSlot(db, 1, t0);
		await slot.release();
		await slot.renew(at(1000));
		expect(await takeExportSlot(db, 1, at(2000))).not.toBeNull();
	});
});
