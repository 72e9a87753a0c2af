/**
 * Test factories (not exported from the package).
 */
import type { ExamRecord, PromotionCase, QuestionType, QuestionVersion } from '../index.ts';

const LAWS = ['行政处罚法', '行政许可法', '行政复议法', '行政诉讼法', '公务员法', '宪法'];

/** A valid question of the given type; `i` varies id, law, article, topic and difficulty. */
export function makeQuestion(
	type: QuestionType,
	i: number,
	over: Partial<QuestionVersion> = {}
): QuestionVersion {
	const meta = {
		id: `${type}-${i}`,
		version: 1,
		stem: `${type} 题干 ${i}`,
		difficulty: (i % 5) + 1,
		laws: [{ lawId: LAWS[Math.floor(i / 6) % LAWS.length]!, articleNo: (i % 90) + 1 }],
		topic: `topic-${i % 7}`,
		tags: [`tag-${i % 3}`],
		explanation: `解析 ${i}`
	};
	const opts = (correct: number[]) =>
		['A', 'B', 'C', 'D'].map((id, k) => ({
			id,
			text: `选项${id}-${i}`,
			correct: correct.includes(k)
		}));
	let q: QuestionVersion;
	switch (type) {
		case 'single':
			q = { ...meta, type, options: opts([i % 4]) };
			break;
		case 'multiple':
			q = { ...meta, type, options: opts([0, (i % 3) + 1]) };
			break;
		case 'truefalse':
			q = { ...meta, type, answer: i % 2 === 0 };
			break;
		case 'fill':
			q = {
				...meta,
				type,
				stem: `第___条 和 ___ ${i}`,
				blanks: [{ answers: ['四十二', '42'] }, { answers: [`答案${i}`] }]
			};
			break;
		case 'essay':
			q = { ...meta, type, referenceAnswer: `参考答案 ${i}`, rubric: `评分标准 ${i}` };
			break;
		case 'case':
			q = {
				...meta,
				type,
				parts: [
					{ type: 'single', stem: `小题1-${i}`, options: opts([1]), explanation: '小题解析' },
					{
						type: 'essay',
						stem: `小题2-${i}`,
						referenceAnswer: '小题参考答案',
						rubric: '小题评分标准',
						weight: 2
					}
				]
			};
			break;
	}
	return { ...q, ...over } as QuestionVersion;
}

/** A bank of `n` questions cycling through types in the given proportions. */
export function makeBank(
	n: number,
	types: readonly QuestionType[] = ['single', 'single', 'multiple', 'truefalse', 'fill', 'essay']
): QuestionVersion[] {
	return Array.from({ length: n }, (_, i) => makeQuestion(types[i % types.length]!, i));
}

/** A gated promotion case: nominated 1 March 2025, public notice from 5 March, notice ends 12 March. */
export const promotionCaseFixture: PromotionCase = {
	id: 'case-1',
	personId: 'p1',
	proposedPost: '副局长',
	leadingPost: true,
	appointmentRoute: 'government',
	nominatedOn: '2025-03-01',
	publicNoticeOn: '2025-03-05',
	publicNoticeEndsOn: '2025-03-12'
};

/** A pass of p1 in a pre-appointment exam for case-1 on 10 March 2025 (80 of 100); `over` changes any field. */
export const examRecordFixture = (over: Partial<ExamRecord> = {}): ExamRecord => ({
	attemptId: 'a1',
	sittingId: 's1',
	personId: 'p1',
	kind: 'pre_appointment',
	caseId: 'case-1',
	takenOn: '2025-03-10',
	status: 'graded',
	score: 80,
	maxScore: 100,
	passed: true,
	...over
});
