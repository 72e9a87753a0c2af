/**
 * Short answer (简答): a reference answer and a rubric for graders; scored by hand.
 */
import { RuleError } from '../../../errors.ts';
import { checkMarkdown, graded, unanswered } from '../common.ts';
import type { QuestionTypeModule } from '../module.ts';

/** The short-answer type. */
export const essayType: QuestionTypeModule<'essay'> = {
	type: 'essay',
	rowNames: ['简答', '简答题', '问答题', '论述题', '主观题', '名词解释', 'essay'],
	gradedByHand: true,
	validate(body, p, add) {
		checkMarkdown(body.referenceAnswer, `${p}referenceAnswer`, add);
		checkMarkdown(body.rubric, `${p}rubric`, add);
	},
	grade(_body, r, at) {
		const manual = at.manual[at.id];
		if (manual === undefined) {
			// An empty answer needs no grader: it scores 0.
			if (!(r?.type === 'essay' && r.text.trim() !== '')) return unanswered(at);
			return {
				questionId: at.id,
				points: at.points,
				score: null,
				fraction: null,
				status: 'pending'
			};
		}
		if (!(manual >= 0 && manual <= at.points))
			throw new RuleError('grading.manual.out_of_range', {
				questionId: at.id,
				score: manual,
				points: at.points
			});
		return graded(at, at.points > 0 ? manual / at.points : 0);
	},
	view: (body) => ({ type: 'essay', stem: body.stem }),
	normaliseResponse(raw) {
		const text = (raw as { text?: unknown } | null)?.text;
		return { type: 'essay', text: typeof text === 'string' ? text : '' };
	},
	rows: {
		read({ answer, cell }) {
			const rubric = cell('评分标准');
			return {
				type: 'essay',
				...(answer ? { referenceAnswer: answer } : {}),
				...(rubric ? { rubric } : {})
			};
		},
		write: (body) => ({ 答案: body.referenceAnswer ?? '', 评分标准: body.rubric ?? '' })
	},
	gift: {
		// `{}`; what GIFT cannot say travels in the metadata comment
		read({ block, meta }) {
			if (block !== '') return undefined;
			const referenceAnswer = meta('referenceAnswer');
			const rubric = meta('rubric');
			return {
				type: 'essay',
				...(referenceAnswer ? { referenceAnswer } : {}),
				...(rubric ? { rubric } : {})
			};
		},
		write(body) {
			const meta: Record<string, unknown> = {};
			if (body.referenceAnswer !== undefined) meta.referenceAnswer = body.referenceAnswer;
			if (body.rubric !== undefined) meta.rubric = body.rubric;
			return { block: '', meta };
		}
	}
};
