import { z } from 'zod';
import { ASSESSMENT_INDICATORS } from '@xuefa/core';

const weight = z.coerce
	.number({ error: 'err_invalid' })
	.int({ error: 'err_invalid' })
	.min(0, { error: 'err_invalid' })
	.max(100, { error: 'err_invalid' });

/**
 * The assessment settings form: one whole-number weight (0–100) per indicator, at least one above
 * zero, and the share (in %) that rule-of-law work holds in a unit's year-end score.
 */
export const assessmentSettingsInput = z
	.object({
		...(Object.fromEntries(ASSESSMENT_INDICATORS.map((k) => [k, weight])) as Record<
			(typeof ASSESSMENT_INDICATORS)[number],
			typeof weight
		>),
		sharePercent: z.coerce
			.number({ error: 'err_invalid' })
			.min(0.1, { error: 'err_invalid' })
			.max(100, { error: 'err_invalid' })
			.refine((v) => Math.round(v * 10) === v * 10, { error: 'err_invalid' })
	})
	.refine((v) => ASSESSMENT_INDICATORS.some((k) => v[k] > 0), {
		error: 'oversight_err_weights_zero',
		path: ['planKept']
	});
export type AssessmentSettingsInput = z.infer<typeof assessmentSettingsInput>;

/** The year a dashboard or the assessment is for (the query string's `year`). */
export const yearParam = z.coerce.number().int().min(2000).max(2100);
