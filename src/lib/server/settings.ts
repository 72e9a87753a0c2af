import { inArray } from 'drizzle-orm';
import type { ReadDb } from './db/index.ts';
import { policySetting } from './db/schema/index.ts';

/**
 * Reads policy settings (`policy_setting`) by key, each checked by its own predicate: a missing or
 * malformed value means the default, so that a typo in a setting never breaks a page.
 */
export async function readSettings<D extends Record<string, unknown>>(
	db: ReadDb,
	defaults: D,
	valid: { [K in keyof D]: (v: unknown) => boolean }
): Promise<D> {
	const keys = Object.keys(defaults);
	const rows = await db
		.select({ key: policySetting.key, value: policySetting.value })
		.from(policySetting)
		.where(inArray(policySetting.key, keys));
	const out = { ...defaults };
	for (const r of rows) {
		const k = r.key as keyof D;
		if (k in defaults && valid[k](r.value)) out[k] = r.value as D[keyof D];
	}
	return out;
}

/** A predicate for whole numbers in a range. */
export const intIn = (min: number, max: number) => (v: unknown) =>
	typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
