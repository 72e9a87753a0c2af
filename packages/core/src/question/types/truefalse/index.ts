/**
 * True/false (判断): right or wrong.
 */
import { graded, unanswered } from '../common.ts';
import type { QuestionTypeModule } from '../module.ts';

// 1 and 0 as well: a spreadsheet's 判断 answers are often typed as numbers, true being 1
// (and V, typed for √ where the symbol is not at hand)
const TRUE_WORDS = new Set([
	'对',
	'对的',
	'正确',
	'√',
	'✓',
	'✔',
	'v',
	't',
	'true',
	'是',
	'y',
	'yes',
	'1'
]);
const FALSE_WORDS = new Set([
	'错',
	'错的',
	'不对',
	'错误',
	'不正确',
	'×',
	'✗',
	'✘',
	'x',
	'f',
	'false',
	'否',
	'n',
	'no',
	'0'
]);

/** A GIFT true/false block: `{T}`, `{TRUE}`, `{F}`, `{FALSE}`, optionally with feedback. */
export const GIFT_TRUE_FALSE = /^(T|TRUE|F|FALSE)\s*(#|$)/i;

/** The true/false type. */
export const truefalseType: QuestionTypeModule<'truefalse'> = {
	type: 'truefalse',
	rowNames: ['判断', '判断题', '是非题', '判断正误', '正误题', '对错题', 'truefalse'],
	gradedByHand: false,
	validate() {
		// the answer is a boolean: nothing to check beyond the stem
	},
	grade(body, r, at) {
		if (r?.type !== 'truefalse' || r.answer === null) return unanswered(at);
		return graded(at, r.answer === body.answer ? 1 : 0);
	},
	view: (body) => ({ type: 'truefalse', stem: body.stem }),
	normaliseResponse(raw) {
		const answer = (raw as { answer?: unknown } | null)?.answer;
		return { type: 'truefalse', answer: typeof answer === 'boolean' ? answer : null };
	},
	rows: {
		read({ answer, cell, error }) {
			// as a key shows it, in brackets or with a full stop: （√） 【对】 正确。
			let w = answer
				.normalize('NFKC')
				.toLowerCase()
				.replace(/^[(【[]\s*(.*?)\s*[)】\]]$|^(.*?)[.。]$/u, '$1$2');
			// platforms that offer 判断 as options: A 正确 / B 错误
			const option = /^[ab]$/.test(w) ? cell(`选项${w.toUpperCase()}`) : '';
			if (option) w = option.normalize('NFKC').toLowerCase();
			if (!TRUE_WORDS.has(w) && !FALSE_WORDS.has(w))
				error(w ? 'format.row.answer_truefalse' : 'format.row.answer_empty', '答案', {
					value: answer
				});
			return { type: 'truefalse', answer: TRUE_WORDS.has(w) };
		},
		write: (body) => ({ 答案: body.answer ? '对' : '错' })
	},
	gift: {
		read: ({ block }) =>
			GIFT_TRUE_FALSE.test(block) ? { type: 'truefalse', answer: /^T/i.test(block) } : undefined,
		write: (body) => ({ block: body.answer ? 'TRUE' : 'FALSE' })
	}
};
