/**
 * Fill-in (填空): blanks marked `___` in the stem, each with accepted answers and part-credit
 * answers; the question earns the mean of its blanks' credit.
 */
import { normaliseAnswer } from '../../../grading/normalise.ts';
import { formatBlankText, parseBlankText } from '../../blanks.ts';
import { BLANK_MARKER, countBlankMarkers, type FillBlank } from '../../model.ts';
import { graded, unanswered } from '../common.ts';
import type { QuestionTypeModule } from '../module.ts';
import { GIFT_TRUE_FALSE } from '../truefalse/index.ts';

/**
 * The credit one answer earns on a blank: 1 for a fully correct answer, the fraction of the best
 * matching partial answer, else 0 (all compared after {@link normaliseAnswer}).
 *
 * @param blank - the blank
 * @param given - what the candidate wrote
 * @returns a fraction in [0, 1]
 */
export function blankCredit(blank: FillBlank, given: string): number {
	const key = normaliseAnswer(given);
	if (key === '') return 0;
	if (blank.answers.some((a) => normaliseAnswer(a) === key)) return 1;
	let best = 0;
	for (const p of blank.partial ?? []) {
		if (normaliseAnswer(p.text) === key) best = Math.max(best, p.fraction);
	}
	return best;
}

/** Characters the row format uses to separate blanks and answers: an answer cannot hold them. */
const ROW_SEPARATORS = /[;；|｜]|^%/;

// Blanks as other systems write them: empty brackets `（  ）`, or full-width underscores `＿＿＿`.
const BRACKET_BLANK = /[(（][ \t\u00a0\u3000]*[)）]/g;
// Two full-width underscores are as wide as four half-width ones: a gap as Chinese stems draw it.
const WIDE_BLANK = /＿{2,}/g;
// a gap as Chinese stems leave one: full-width brackets, or half-width ones with space inside (an
// empty `()` after a name is more often text: f())
const BRACKET_GAP = /（[ \t\u00a0\u3000]*）|\([ \t\u00a0\u3000]+\)/g;

/**
 * A stem from another system with its blanks marked `___`: full-width underscores always, empty
 * brackets when the stem has no other marker and exactly as many of them as there are blanks
 * (then they can only be the blanks).
 *
 * @param stem - the stem as written
 * @param blanks - how many blanks the answer has
 * @returns the stem with `___` markers
 */
export function markBlanks(stem: string, blanks: number): string {
	const wide = stem.replace(WIDE_BLANK, (m) => '_'.repeat(Math.max(3, m.length)));
	if (countBlankMarkers(wide) > 0) return wide;
	const brackets = wide.match(BRACKET_BLANK)?.length ?? 0;
	return brackets === blanks ? wide.replace(BRACKET_BLANK, '___') : wide;
}

/**
 * How many blanks a stem from another system shows: its `___` markers, else its gaps in brackets
 * (not `f()`: see BRACKET_GAP).
 */
function shownBlanks(stem: string): number {
	const markers = countBlankMarkers(stem.replace(WIDE_BLANK, '___'));
	return markers > 0 ? markers : (stem.match(BRACKET_GAP)?.length ?? 0);
}

// What other systems separate the answers of several blanks with, when not `;`: the list marks,
// `|` (tried after them: with both in an answer, `|` is the row format's alternatives within a
// blank), or spaces.
const BLANK_SEPARATORS = [/[、,，]/, /[|｜]/, /\s+/];

/**
 * The answer of each blank as written (without a separator at its end): separated by `;`, or, for a stem of several blanks and an
 * answer without `;`, by the first of the other systems' separators that splits it into one
 * answer per blank (`七日|听证` for two blanks: read as one blank of two alternatives, the question
 * was refused for its blank count). Otherwise the whole answer, for one blank.
 *
 * @param answer - the 答案 cell
 * @param stem - the 题干 cell
 * @returns the blanks' texts
 */
function blankTexts(written: string, stem: string): string[] {
	// a separator after the last answer (`县级；行政部门；`, as some exports end every answer)
	// separates nothing: it was a blank without an answer, and one blank too many
	const answer = written.replace(/[;；|｜\s]+$/, '');
	if (/[;；]/.test(answer)) return answer.split(/[;；]/);
	const blanks = shownBlanks(stem);
	if (blanks < 2) return [answer];
	for (const separator of BLANK_SEPARATORS) {
		const parts = answer.split(separator).map((t) => t.trim());
		if (parts.length === blanks && parts.every(Boolean)) return parts;
	}
	return [answer];
}

/** The fill-in type. */
export const fillType: QuestionTypeModule<'fill'> = {
	type: 'fill',
	rowNames: ['填空', '填空题', 'fill'],
	gradedByHand: false,
	validate(body, p, add) {
		if (body.blanks.length === 0) add('question.fill.no_blanks', `${p}blanks`);
		body.blanks.forEach((b, i) => {
			if (b.answers.length === 0 || b.answers.some((a) => !a.trim()))
				add('question.fill.blank_empty', `${p}blanks.${i}`, { blank: i + 1 });
			b.partial?.forEach((a) => {
				if (!a.text.trim() || !(a.fraction > 0 && a.fraction < 1))
					add('question.fill.partial', `${p}blanks.${i}`, {
						blank: i + 1,
						value: a.text,
						percent: Math.round(a.fraction * 100)
					});
			});
		});
		// a stem without markers may have one blank: the answer follows the stem
		const markers = countBlankMarkers(body.stem ?? '');
		if (
			body.blanks.length > 0 &&
			markers !== body.blanks.length &&
			!(markers === 0 && body.blanks.length === 1)
		)
			add('question.fill.blank_count', `${p}blanks`, { markers, blanks: body.blanks.length });
	},
	grade(body, r, at) {
		if (r?.type !== 'fill' || r.blanks.every((b) => !b.trim())) return unanswered(at);
		const earned = body.blanks.reduce((sum, b, i) => sum + blankCredit(b, r.blanks[i] ?? ''), 0);
		return graded(at, body.blanks.length ? earned / body.blanks.length : 0);
	},
	view: (body) => ({ type: 'fill', stem: body.stem, blanks: body.blanks.length }),
	normaliseResponse(raw, body) {
		const given = (raw as { blanks?: unknown } | null)?.blanks;
		const list = Array.isArray(given) ? given : [];
		return {
			type: 'fill',
			blanks: body.blanks.map((_, i) => (typeof list[i] === 'string' ? (list[i] as string) : ''))
		};
	},
	rows: {
		// blanks separated by `;` (or as other systems do, see blankTexts), alternatives by `|`,
		// part credit as `%50%…`
		read({ answer, cell, error }) {
			const blanks = answer ? blankTexts(answer, cell('题干')).map(parseBlankText) : [];
			if (blanks.length === 0 || blanks.some((b) => b === undefined)) {
				error(answer ? 'format.row.answer' : 'format.row.answer_empty', '答案', { value: answer });
				return { type: 'fill', blanks: [] };
			}
			const stem = markBlanks(cell('题干'), blanks.length);
			// fewer blanks than the answer's parts after ；: the parts are no blanks, and may be meant
			// as one blank's alternatives (七；7), which are written with | — said at the answer
			const shown = countBlankMarkers(stem);
			if (/[;；]/.test(answer) && shown > 0 && blanks.length > shown)
				error('format.row.fill_alternatives', '答案', {
					value: answer,
					markers: shown,
					blanks: blanks.length
				});
			// empty brackets left in a stem without markers: blanks the answer does not fill (a
			// candidate would see two gaps and one field), never a stem's own text
			const brackets = stem.match(BRACKET_GAP)?.length ?? 0;
			if (brackets > 0 && countBlankMarkers(stem) === 0)
				error('format.row.fill_brackets', '答案', { brackets, blanks: blanks.length });
			return { type: 'fill', stem, blanks: blanks as FillBlank[] };
		},
		write(body) {
			const texts = body.blanks.flatMap((b) => [
				...b.answers,
				...(b.partial ?? []).map((p) => p.text)
			]);
			if (texts.some((a) => ROW_SEPARATORS.test(a))) return undefined;
			return { 答案: body.blanks.map(formatBlankText).join(';') };
		}
	},
	gift: {
		// short answer and missing word: one blank; `=%50%b` earns half, a 0 % answer is dropped
		read({ block, answers }) {
			if (block === '' || block.includes('~') || GIFT_TRUE_FALSE.test(block)) return undefined;
			const list = answers();
			if ('issue' in list) return list;
			const blank: FillBlank = { answers: [] };
			for (const a of list) {
				const w = a.weight ?? 100;
				if (w <= 0) continue; // earns nothing: Moodle keeps it only for its feedback
				if (/(^|[^\\])\*/.test(a.raw))
					return { issue: 'format.gift.wildcard', data: { value: a.raw } };
				const text = a.text.replace(/\\\*/g, '*');
				if (w >= 100) blank.answers.push(text);
				else (blank.partial ??= []).push({ text, fraction: w / 100 });
			}
			if (blank.answers.length === 0) return { issue: 'format.gift.no_full_answer', data: {} };
			return { type: 'fill', blanks: [blank] };
		},
		write(body, escape) {
			if (body.blanks.length !== 1) return undefined;
			const blank = body.blanks[0]!;
			const weight = (f: number) => String(Math.round(f * 100 * 100000) / 100000);
			// a `*` is a wildcard in Moodle's short answers unless escaped
			const answer = (a: string) => escape(a).replace(/\*/g, '\\*');
			return {
				block: [
					...blank.answers.map((a) => `=${answer(a)}`),
					...(blank.partial ?? []).map((a) => `=%${weight(a.fraction)}%${answer(a.text)}`)
				].join(' '),
				inline: (body.stem.match(BLANK_MARKER)?.length ?? 0) === 1
			};
		}
	}
};
