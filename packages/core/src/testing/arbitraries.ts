/**
 * fast-check arbitraries for questions (tests only).
 */
import fc from 'fast-check';
import type { ChoiceOption, QuestionVersion } from '../index.ts';

// Text without format separators (; | in fill answers, newlines/labels in Aiken) and not blank.
const word = fc.stringMatching(
	/^[a-z0-9\u4e00-\u4e2f][a-z0-9 \u4e00-\u4e2f{}=~#:\\.,?]{0,12}[a-z0-9\u4e00-\u4e2f]$/
);

const options = (atLeastTwoCorrect: boolean) =>
	fc
		.uniqueArray(word, {
			minLength: 2,
			maxLength: 6,
			selector: (s) => s.toLowerCase().replace(/\s/g, '')
		})
		.chain((texts) =>
			fc.array(fc.boolean(), { minLength: texts.length, maxLength: texts.length }).map((flags) =>
				texts.map((text, k): ChoiceOption => ({
					id: String.fromCharCode(65 + k),
					text,
					correct: flags[k]!
				}))
			)
		)
		.filter((opts) => (atLeastTwoCorrect ? opts.some((o) => o.correct) : true));

const meta = fc.record({
	id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
	stem: word,
	difficulty: fc.integer({ min: 1, max: 5 }),
	laws: fc.constantFrom(
		[],
		[{ lawId: '行政处罚法', articleNo: 42 }],
		[{ lawId: '宪法' }],
		[
			{ lawId: '行政许可法', articleNo: 3 },
			{ lawId: '行政许可法', articleNo: 105 }
		]
	),
	topic: fc.option(fc.constantFrom('听证', '行政许可', '宣誓'), { nil: undefined }),
	tags: fc.uniqueArray(fc.constantFrom('重点', '易错', '2025'), { maxLength: 2 }),
	explanation: fc.option(word, { nil: undefined })
});

const clean = <T extends object>(o: T): T =>
	Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A valid single, multiple, true/false, one-blank fill or essay question. */
export const simpleQuestion: fc.Arbitrary<QuestionVersion> = fc
	.tuple(
		meta,
		fc.oneof(
			options(false).map((o) => ({
				type: 'single' as const,
				options: o.map((x, k) => ({ ...x, correct: k === 0 }))
			})),
			options(true).map((o) => ({ type: 'multiple' as const, options: o })),
			fc.boolean().map((answer) => ({ type: 'truefalse' as const, answer })),
			fc
				.uniqueArray(word, { minLength: 1, maxLength: 3 })
				.map((answers) => ({ type: 'fill' as const, blanks: [{ answers }] })),
			fc.record({
				type: fc.constant('essay' as const),
				referenceAnswer: fc.option(word, { nil: undefined }),
				rubric: fc.option(word, { nil: undefined })
			})
		)
	)
	.map(([m, body]) => clean({ ...m, version: 1, ...body }) as unknown as QuestionVersion);

/** Questions with unique ids. */
export const questionList = fc.uniqueArray(simpleQuestion, { maxLength: 8, selector: (q) => q.id });
