import { DEFAULT_STUDY_POLICY } from '@xuefa/core';
import type { ReadDb } from '../../db/index.ts';
import { intIn, readSettings } from '../../settings.ts';

/** The study settings a district may change (policy_setting keys), with their defaults. */
export const STUDY_POLICY_DEFAULTS = {
	/**
	 * A lecture or collective session shorter than this is flagged and does not count as held (the
	 * core's countsAsHeld: no plan item, not a session held, no credits; default 30).
	 */
	'study.minLectureMinutes': DEFAULT_STUDY_POLICY.minLectureMinutes,
	/** A check-in later than this many minutes after the start counts as late. */
	'study.lateAfterMinutes': 5
};

export interface StudyPolicySettings {
	minLectureMinutes: number;
	lateAfterMinutes: number;
}

export async function studyPolicy(db: ReadDb): Promise<StudyPolicySettings> {
	const s = await readSettings(db, STUDY_POLICY_DEFAULTS, {
		'study.minLectureMinutes': intIn(1, 600),
		'study.lateAfterMinutes': intIn(0, 240)
	});
	return {
		minLectureMinutes: s['study.minLectureMinutes'],
		lateAfterMinutes: s['study.lateAfterMinutes']
	};
}
