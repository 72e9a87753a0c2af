/**
 * Multiple choice (多选): at least one right option; graded all-or-nothing or with part credit for
 * a proper subset of the right options, as the grading policy says.
 */
import type { GradingPolicy } from '../../../grading/types.ts';
import type { ChoiceOption } from '../../model.ts';
import { graded, unanswered } from '../common.ts';
import {
	MAX_OPTIONS,
	checkOptions,
	displayOptions,
	giftOption,
	giftOptionText,
	giftWeight,
	labelsOf,
	mapLabels,
	optionAt,
	percent,
	readRowOptions,
	writeRowOptions
} from '../choice.ts';
import type { QuestionTypeModule } from '../module.ts';

/**
 * The fraction earned on a multiple-choice question for a set of chosen option ids: any wrong
 * choice → 0; the exact set → 1; a non-empty proper subset of the right options → 0 under
 * `all_or_nothing`, else `partialFraction` (or the share chosen when `'proportional'`).
 *
 * @param options - the question's options
 * @param chosen - chosen option ids
 * @param policy - the grading policy
 * @returns a fraction in [0, 1]
 */
export function multipleFraction(
	options: readonly ChoiceOption[],
	chosen: readonly string[],
	policy: GradingPolicy
): number {
	const correct = options.filter((o) => o.correct).map((o) => o.id);
	if (chosen.length === 0) return 0;
	if (chosen.some((id) => !correct.includes(id))) return 0;
	if (chosen.length === correct.length) return 1;
	if (policy.multiple === 'all_or_nothing') return 0;
	const f = policy.partialFraction ?? 'proportional';
	return f === 'proportional' ? chosen.length / correct.length : Math.max(0, Math.min(1, f));
}

const weightText = (w: number) => String(Math.round(w * 100000) / 100000);

/** The multiple-choice type. */
export const multipleType: QuestionTypeModule<'multiple'> = {
	type: 'multiple',
	rowNames: [
		'多选',
		'多选题',
		'多项选择题',
		'多项选择',
		'不定项选择题',
		'不定项选择',
		'不定项',
		'multiple'
	],
	gradedByHand: false,
	validate(body, p, add) {
		checkOptions(body.options, p, add);
		// one right option is allowed: imported GIFT multiple-response questions may have one
		if (!body.options.some((o) => o.correct)) add('question.multiple.no_correct', `${p}options`);
	},
	grade(body, r, at) {
		if (r?.type !== 'multiple' || r.choices.length === 0) return unanswered(at);
		const chosen = mapLabels(r.choices, body.options, at.order);
		return graded(at, multipleFraction(body.options, chosen, at.policy), chosen);
	},
	view: (body, at) => ({
		type: 'multiple',
		stem: body.stem,
		options: displayOptions(body.options, at.order)
	}),
	normaliseResponse: (raw) => ({
		type: 'multiple',
		choices: labelsOf((raw as { choices?: unknown } | null)?.choices)
	}),
	rows: {
		read: (row) => ({ type: 'multiple', options: readRowOptions(row, true) }),
		write: (body) => writeRowOptions(body.options)
	},
	gift: {
		// `~` answers only: the right ones (positive weight) must share 100 % equally
		read({ block, answers }) {
			if (!block.includes('~') || block.includes('=')) return undefined;
			const list = answers();
			if ('issue' in list) return list;
			if (list.length > MAX_OPTIONS)
				return {
					issue: 'format.gift.too_many_answers',
					data: { count: list.length, max: MAX_OPTIONS }
				};
			const positive = list.map(giftWeight).filter((w) => w > 0);
			const sum = positive.reduce((t, w) => t + w, 0);
			if (
				positive.length > 0 &&
				(positive.some((w) => Math.abs(w - positive[0]!) > 0.01) || Math.abs(sum - 100) > 0.01)
			)
				return {
					issue: 'format.gift.uneven_weights',
					data: { weights: positive.map(percent).join('%、') + '%' }
				};
			return {
				type: 'multiple',
				options: list.map((a, k) => giftOption(a, k, giftWeight(a) > 0))
			};
		},
		write(body, escape) {
			// the right options share the credit; any wrong one loses it all (错选不得分)
			const right = body.options.filter((o) => o.correct).length;
			return {
				block: body.options
					.map(
						(o) => `~%${weightText(o.correct ? 100 / right : -100)}%${giftOptionText(o, escape)}`
					)
					.join(' ')
			};
		}
	},
	// `答案：AB`, as Chinese question files extend Aiken; written out it is not Aiken any more
	aiken: {
		answers: 'several',
		read: (options, answers) => ({
			type: 'multiple',
			options: options.map((text, k) => optionAt(k, text, answers.includes(k)))
		}),
		write: () => undefined
	}
};
