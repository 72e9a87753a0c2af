/**
 * Single choice (单选): exactly one right option; right or wrong.
 */
import { graded, unanswered } from '../common.ts';
import {
	MAX_OPTIONS,
	checkOptions,
	displayOptions,
	giftOption,
	giftOptionText,
	giftWeight,
	mapLabels,
	optionAt,
	percent,
	readRowOptions,
	writeRowOptions
} from '../choice.ts';
import type { QuestionTypeModule } from '../module.ts';

/** The single-choice type. */
export const singleType: QuestionTypeModule<'single'> = {
	type: 'single',
	rowNames: ['单选', '单选题', '单项选择题', '单项选择', 'single'],
	gradedByHand: false,
	validate(body, p, add) {
		checkOptions(body.options, p, add);
		const correct = body.options.filter((o) => o.correct).length;
		if (correct !== 1) add('question.single.correct_count', `${p}options`, { count: correct });
	},
	grade(body, r, at) {
		if (r?.type !== 'single' || !r.choice) return unanswered(at);
		const chosen = mapLabels([r.choice], body.options, at.order);
		const right = chosen.length === 1 && body.options.find((o) => o.id === chosen[0])?.correct;
		return graded(at, right ? 1 : 0, chosen);
	},
	view: (body, at) => ({
		type: 'single',
		stem: body.stem,
		options: displayOptions(body.options, at.order)
	}),
	normaliseResponse(raw) {
		const choice = (raw as { choice?: unknown } | null)?.choice;
		return { type: 'single', choice: typeof choice === 'string' && choice ? choice : null };
	},
	rows: {
		read: (row) => ({ type: 'single', options: readRowOptions(row, false) }),
		write: (body) => writeRowOptions(body.options)
	},
	gift: {
		// one `=` answer among `~` ones; several `=` or a part-credit choice cannot be marked as written
		read({ block, answers }) {
			if (!block.includes('~') || !block.includes('=')) return undefined;
			const list = answers();
			if ('issue' in list) return list;
			if (list.every((a) => a.mark === '~')) return undefined;
			if (list.length > MAX_OPTIONS)
				return {
					issue: 'format.gift.too_many_answers',
					data: { count: list.length, max: MAX_OPTIONS }
				};
			const part = list.find((a) => giftWeight(a) > 0 && giftWeight(a) < 100);
			if (part)
				return {
					issue: 'format.gift.partial_single',
					data: { value: part.text, percent: percent(giftWeight(part)) }
				};
			const right = list.filter((a) => giftWeight(a) >= 100).length;
			if (right > 1) return { issue: 'format.gift.several_right', data: { count: right } };
			return {
				type: 'single',
				options: list.map((a, k) => giftOption(a, k, giftWeight(a) >= 100))
			};
		},
		write: (body, escape) => ({
			block: body.options
				.map((o) => `${o.correct ? '=' : '~'}${giftOptionText(o, escape)}`)
				.join(' ')
		})
	},
	aiken: {
		answers: 'one',
		read: (options, answers) => ({
			type: 'single',
			options: options.map((text, k) => optionAt(k, text, answers.includes(k)))
		}),
		write(body) {
			if (body.options.length > MAX_OPTIONS) return undefined;
			return {
				options: body.options.map((o) => o.text),
				answer: body.options.findIndex((o) => o.correct)
			};
		}
	}
};
