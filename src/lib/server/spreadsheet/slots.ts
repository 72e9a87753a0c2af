/**
 * How many streamed exports one person runs at once. Each reads its rows page by page and writes
 * and zips its workbook on the server while it streams: one person clicking every export link at
 * once (or a script) would slow the app for everyone else. The slots are leases in the database (jobs/lease.ts), so
 * every app process sees them; a stream gives its slot back when it ends, fails or is cancelled,
 * and a slot a crashed process never gave back expires.
 */
import { encodeHexLowerCase } from '@oslojs/encoding';
import { EXPORTS_PER_USER } from '$lib/schemas/limits.ts';
import type { ReadDb } from '../db/index.ts';
import { releaseLease, takeLease } from '../jobs/lease.ts';

/**
 * A slot not given back (its process died) is free again after this: longer than an export takes,
 * short enough not to keep its owner waiting long.
 */
export const EXPORT_SLOT_MS = 10 * 60_000;

/** A slot held: renewed while its stream runs, given back when it ends. */
export interface ExportSlot {
	/** Holds the slot another {@link EXPORT_SLOT_MS} from `now` (an export longer than that keeps it). */
	renew(now: Date): Promise<void>;
	/** Gives the slot back (once; later calls do nothing). */
	release(): Promise<void>;
}

/**
 * Takes one of `userId`'s export slots, or none when all are in use.
 *
 * @returns the slot, or null
 */
export async function takeExportSlot(
	db: ReadDb,
	userId: number,
	now: Date
): Promise<ExportSlot | null> {
	const holder = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(8)));
	for (let slot = 0; slot < EXPORTS_PER_USER; slot++) {
		const name = `export:${userId}:${slot}`;
		if (await takeLease(db, name, holder, now, EXPORT_SLOT_MS)) {
			let released = false;
			return {
				async renew(at) {
					if (!released) await takeLease(db, name, holder, at, EXPORT_SLOT_MS);
				},
				async release() {
					if (released) return;
					released = true;
					await releaseLease(db, name, holder);
				}
			};
		}
	}
	return null;
}
