/**
 * The assessment's settings: a weight per indicator and the share rule-of-law work holds in a unit's
 * year-end score. No official document fixes the weights (the defaults are the core's, a local
 * choice); the district report behind this project puts the share at 4–5 %, so it defaults to 4.
 */
import {
	ASSESSMENT_INDICATORS,
	type AssessmentWeights,
	DEFAULT_ASSESSMENT_WEIGHTS,
	type JsonValue
} from '@xuefa/core';
import type { AssessmentSettingsInput } from '$lib/schemas/oversight.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { policySetting } from '../../db/schema/index.ts';
import { intIn, readSettings } from '../../settings.ts';
import { appendAudit } from '../audit/append.ts';

/** The share's default, in per cent of the year-end score (the district report: 4–5 %). */
export const DEFAULT_SHARE_PERCENT = 4;

const weightKey = (k: string) => `assessment.weight.${k}`;
const SHARE_KEY = 'assessment.sharePercent';

const isShare = (v: unknown) =>
	typeof v === 'number' && v >= 0.1 && v <= 100 && Math.round(v * 10) === v * 10;

/** The settings in force: each weight and the share, a missing or malformed value meaning its default. */
export async function assessmentSettings(
	db: ReadDb
): Promise<{ weights: AssessmentWeights; sharePercent: number }> {
	const defaults: Record<string, number> = { [SHARE_KEY]: DEFAULT_SHARE_PERCENT };
	const valid: Record<string, (v: unknown) => boolean> = { [SHARE_KEY]: isShare };
	for (const k of ASSESSMENT_INDICATORS) {
		defaults[weightKey(k)] = DEFAULT_ASSESSMENT_WEIGHTS[k];
		valid[weightKey(k)] = intIn(0, 100);
	}
	const s = await readSettings(db, defaults, valid);
	const weights = Object.fromEntries(
		ASSESSMENT_INDICATORS.map((k) => [k, s[weightKey(k)]!])
	) as AssessmentWeights;
	// all weights zero would score every unit 0: fall back to the defaults, as for a malformed value
	const anyWeight = ASSESSMENT_INDICATORS.some((k) => weights[k] > 0);
	return {
		weights: anyWeight ? weights : { ...DEFAULT_ASSESSMENT_WEIGHTS },
		sharePercent: s[SHARE_KEY]!
	};
}

/**
 * Saves the weights and the share (an administrator of the whole district), each changed value under
 * its key in one transaction, with one audit entry holding the values before and after.
 */
export async function saveAssessmentSettings(
	ctx: Ctx,
	input: AssessmentSettingsInput
): Promise<number> {
	authorizeAnywhere(ctx, 'assessment.manage');
	const current = await assessmentSettings(ctx.db);
	const next: Record<string, number> = { [SHARE_KEY]: input.sharePercent };
	const old: Record<string, number> = { [SHARE_KEY]: current.sharePercent };
	for (const k of ASSESSMENT_INDICATORS) {
		next[weightKey(k)] = input[k];
		old[weightKey(k)] = current.weights[k];
	}
	const changed = Object.keys(next).filter((k) => next[k] !== old[k]);
	if (changed.length === 0) return 0;
	return transact(ctx, async (tx) => {
		const before: Record<string, JsonValue> = {};
		const after: Record<string, JsonValue> = {};
		for (const key of changed) {
			const value = next[key]!;
			// the audit names the field (planKept, sharePercent), which the log labels in words
			const field = key.split('.').at(-1)!;
			before[field] = old[key]!;
			after[field] = value;
			await tx.db
				.insert(policySetting)
				.values({ key, value, updatedAt: ctx.now, updatedBy: ctx.user.id })
				.onConflictDoUpdate({
					target: policySetting.key,
					set: { value, updatedAt: ctx.now, updatedBy: ctx.user.id }
				});
		}
		await appendAudit(tx, {
			action: 'assessment.settings_updated',
			entityType: 'policy_setting',
			entityId: 'assessment',
			before,
			after
		});
		return changed.length;
	});
}
