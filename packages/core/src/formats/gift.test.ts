import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	TOO_MANY_QUESTIONS,
	type QuestionVersion,
	messageFor,
	parseGift,
	writeGift
} from '../index.ts';
import { makeQuestion } from '../testing/factories.ts';
import { questionList } from '../testing/arbitraries.ts';

const sample = `// 一个注释
$CATEGORY: $course$/top/行政处罚

::mc1:: 行政处罚听证应当在举行几日前通知当事人？{
  ~三日#太短
  =七日#正确
  ~十五日
  ####《行政处罚法》第六十四条
}

::mr:: 下列哪些属于行政处罚？{~%50%警告 ~%50%罚款 ~%-100%批评教育}

::tf:: 行政机关可以口头作出罚款决定。{F}

::sa:: 行政处罚法第几条规定了听证？{=六十四 =64}

行政处罚由违法行为发生地的{=县级以上}地方人民政府具有行政处罚权的行政部门管辖。

::es:: 简述行政处罚的原则。{}

::esc:: 1 \\+ 1 \\= 2 \\{对\\} \\#1 a\\:b {T}

::match:: 配对 { =甲 -> 1 =乙 -> 2 }

::num:: 数字 {#42}

只是一段说明文字
`;

describe('GIFT', () => {
	it('parses every supported construct and reports each unsupported question with its line', () => {
		const r = parseGift(sample, { partial: true });
		expect(r.questions.map((q) => [q.id, q.type])).toEqual([
			['mc1', 'single'],
			['mr', 'multiple'],
			['tf', 'truefalse'],
			['sa', 'fill'],
			['gift-17', 'fill'],
			['es', 'essay'],
			['esc', 'truefalse']
		]);
		const [mc, mr, tf, sa, mw, , esc] = r.questions;
		expect(mc).toMatchObject({
			topic: '行政处罚',
			explanation: '《行政处罚法》第六十四条',
			options: [
				{ text: '三日', correct: false, feedback: '太短' },
				{ text: '七日', correct: true, feedback: '正确' },
				{ text: '十五日', correct: false }
			]
		});
		expect(mr).toMatchObject({
			options: [{ correct: true }, { correct: true }, { correct: false }]
		});
		expect(tf).toMatchObject({ answer: false });
		expect(sa).toMatchObject({
			stem: '行政处罚法第几条规定了听证？',
			blanks: [{ answers: ['六十四', '64'] }]
		});
		expect(mw!.stem).toBe(
			'行政处罚由违法行为发生地的___地方人民政府具有行政处罚权的行政部门管辖。'
		);
		expect(esc!.stem).toBe('1 \\+ 1 = 2 {对} #1 a:b');
		expect(r.ok).toBe(false);
		expect(r.issues.map((i) => [i.code, i.line, i.data?.kind])).toEqual([
			['format.gift.unsupported', 23, 'matching'],
			['format.gift.unsupported', 25, 'numeric'],
			['format.gift.unsupported', 27, 'description']
		]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data)).toBe(
			'第23行：不支持的GIFT题型（匹配题），该题未导入'
		);
		expect(parseGift(sample).questions).toEqual([]);
	});

	it('reports syntax and content errors with line numbers', () => {
		const r = parseGift(
			'::a:: 未闭合 {=x\n\n::b:: 单选两个对 {=x =y ~z}\n\n::c:: 重复选项 {=甲 ~甲}'
		);
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([
			['format.gift.unclosed_brace', 1],
			['format.gift.several_right', 3],
			['format.gift.question', 5]
		]);
		expect(messageFor(r.issues[2]!.code, r.issues[2]!.data)).toBe(
			'第5行：第2个选项与第1个选项相同'
		);
	});

	it('writes cases and multi-blank fill-ins as unsupported, never dropping them silently', () => {
		const { issues } = writeGift([
			makeQuestion('case', 1),
			makeQuestion('fill', 2),
			makeQuestion('single', 3)
		]);
		expect(issues.map((i) => i.data?.questionId)).toEqual(['case-1', 'fill-2']);
	});

	it('writes a missing-word stem with runs of spaces in one pass', () => {
		const spaces = ' '.repeat(200_000);
		const fill = (stem: string): QuestionVersion => ({
			id: 'f',
			version: 1,
			type: 'fill',
			stem,
			blanks: [{ answers: ['四十二'] }],
			difficulty: 3,
			laws: [],
			tags: []
		});
		const { output } = writeGift([fill(`甲${spaces}___乙`), fill(`丙${spaces}____${spaces}`)]);
		const stems = output.split('\n').filter((l) => l.startsWith('::'));
		expect(stems).toEqual([`::f::[markdown]甲${spaces}{=四十二}乙`, '::f::[markdown]丙 {=四十二}']);
	});

	it('reads back a blank drawn wider than ___, or at the stem’s end, as the stem drew it', () => {
		const fill = (id: string, stem: string): QuestionVersion => ({
			id,
			version: 1,
			type: 'fill',
			stem,
			blanks: [{ answers: ['二', '两', '2'] }],
			difficulty: 3,
			laws: [],
			tags: []
		});
		const qs = [
			fill('f1', '违法行为在________年内未被发现的，不再给予行政处罚。'),
			fill('f2', '违法行为未被发现的期限一般为______'),
			fill('f3', '期限为___年。')
		];
		const back = parseGift(writeGift(qs).output);
		expect(back.issues).toEqual([]);
		expect(back.questions).toEqual(qs);
		// a file of someone else's with such metadata draws no other blank than underscores
		const odd = parseGift('// xuefa: {"blank":"<b>","blankEnd":"x"}\n::g::甲{=乙}丙');
		expect(odd.questions[0]!.stem).toBe('甲___丙');
	});

	it('property: export → import round-trips (metadata via the xuefa comment)', () => {
		fc.assert(
			fc.property(questionList, (qs) => {
				const { output, issues } = writeGift(qs);
				expect(issues).toEqual([]);
				const back = parseGift(output);
				expect(back.issues).toEqual([]);
				expect(back.questions).toEqual(qs);
			}),
			{ numRuns: 200 }
		);
	});

	it('property: a file written in parts, each carrying the category on, is the file written whole', () => {
		fc.assert(
			fc.property(questionList, fc.nat(), (qs, at) => {
				const cut = qs.length === 0 ? 0 : at % (qs.length + 1);
				const first = writeGift(qs.slice(0, cut));
				const category = qs.slice(0, cut).findLast((q) => q.topic !== undefined)?.topic;
				const rest = writeGift(qs.slice(cut), { category });
				const parts = [first.output, rest.output].filter((p) => p !== '').join('\n');
				expect(parts).toBe(writeGift(qs).output);
			}),
			{ numRuns: 200 }
		);
	});

	it('stops at the first question past maxQuestions: that issue alone, the rest of the file unread', () => {
		const text = ['// 注释\n甲 {T}', '乙 {F}', '$CATEGORY: 第二类', '丙 {T}', '丁 {~错 =对}'].join(
			'\n\n'
		);
		expect(parseGift(text, { maxQuestions: 4 }).questions).toHaveLength(4);
		const r = parseGift(text, { partial: true, maxQuestions: 2 });
		expect(r).toMatchObject({ ok: false, questions: [] });
		expect(r.issues).toEqual([{ code: TOO_MANY_QUESTIONS, line: 8, data: { line: 8, max: 2 } }]);
	});
});
