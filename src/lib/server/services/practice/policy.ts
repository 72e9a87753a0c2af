import { inArray } from 'drizzle-orm';
import type { ReadDb } from '../../db/index.ts';
import { policySetting } from '../../db/schema/index.ts';

/** The practice settings a district may change, with their defaults. */
export const PRACTICE_POLICY_DEFAULTS = {
	/** Questions a learner aims to answer per day (the daily goal). */
	'practice.dailyGoal': 20,
	/** Right answers in a row that take a question out of the mistake book. */
	'practice.mistakeClearStreak': 2
} as const;

export interface PracticePolicy {
	dailyGoal: number;
	mistakeClearStreak: number;
}

/** Reads the practice policy from `policy_setting`, falling back to the defaults above. */
export async function practicePolicy(db: ReadDb): Promise<PracticePolicy> {
	const keys = Object.keys(PRACTICE_POLICY_DEFAULTS) as (keyof typeof PRACTICE_POLICY_DEFAULTS)[];
	const rows = await db
		.select({ key: policySetting.key, value: policySetting.value })
		.from(policySetting)
		.where(inArray(policySetting.key, keys));
	const value = (key: (typeof keys)[number]) => {
		const v = rows.find((r) => r.key === key)?.value;
		// a malformed setting must not break practice: ignore it
		return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 500
			? v
			: PRACTICE_POLICY_DEFAULTS[key];
	};
	return {
		dailyGoal: value('practice.dailyGoal'),
		mistakeClearStreak: value('practice.mistakeClearStreak')
	};
}
