import { z } from 'zod';
import { APPOINTING_BODIES, COUNT_FROM_POINTS, VOIDED_ATTEMPT_EFFECTS } from './hr-enums.ts';
import { checkbox, ticked, wholeNumber } from './common.ts';

const count = (max: number) => wholeNumber(0, max);
const optionalCount = (max: number) =>
	z.preprocess(
		(v) => (v === '' || v === undefined || v === null ? undefined : v),
		count(max).optional()
	);

/**
 * The gate and oath settings form: one field per setting (named as the setting's path in camel case,
 * `promotion.government.maxRetakes` → `governmentMaxRetakes`); exemptions and bodies are the ticked
 * kinds. The core checks the policies these make.
 */
export const policyInput = z.object({
	countFrom: z.enum(COUNT_FROM_POINTS, { error: 'err_invalid' }),
	governmentExamRequired: checkbox,
	governmentMaxRetakes: count(9),
	congressExamRequired: checkbox,
	congressMaxRetakes: count(9),
	leadingPostsOnly: checkbox,
	exemptions: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.string().max(60))),
	voidedAttempt: z.enum(VOIDED_ATTEMPT_EFFECTS, { error: 'err_invalid' }),
	voidMonths: optionalCount(120),
	mustSwear: ticked(APPOINTING_BODIES),
	days: count(1000),
	unit: z.enum(['calendar', 'working'], { error: 'err_invalid' })
});
export type PolicyInput = z.infer<typeof policyInput>;
