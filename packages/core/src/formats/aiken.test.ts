import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	TOO_MANY_QUESTIONS,
	type QuestionVersion,
	messageFor,
	parseAiken,
	writeAiken
} from '../index.ts';
import { makeQuestion } from '../testing/factories.ts';
import { questionList } from '../testing/arbitraries.ts';

describe('Aiken', () => {
	it('parses questions with multi-line stems and A. / B) options', () => {
		const r = parseAiken(
			'行政处罚听证\n应当提前几日通知？\nA. 三日\nB) 七日\nANSWER: B\n\n第二题\nA. 甲\nB. 乙\nANSWER: A\n'
		);
		expect(r.issues).toEqual([]);
		expect(r.questions[0]).toMatchObject({
			id: 'aiken-1',
			type: 'single',
			stem: '行政处罚听证\n应当提前几日通知？',
			options: [
				{ text: '三日', correct: false },
				{ text: '七日', correct: true }
			]
		});
		expect(r.questions).toHaveLength(2);
	});

	it('reads text copied from a web page as it looks: zero-width characters take no part', () => {
		const r = parseAiken('听证\u200b几日前通知？\nA. 三日\nB. 七日\u200b\nANSWER: B\u200b\n');
		expect(r.issues).toEqual([]);
		expect(r.questions).toMatchObject([
			{ stem: '听证几日前通知？', options: [{ correct: false }, { text: '七日', correct: true }] }
		]);
	});

	it('reads options written on one line, and a 判断题 with no options by its true/false answer', () => {
		const r = parseAiken(
			[
				'1. 听证应当在几日前通知？',
				'A.三日 B.七日 C、十日 （D）十五日',
				'答案：B',
				'',
				'2. 宪法是国家的根本法。（ ）',
				'答案：正确',
				'',
				'3. 行政机关可以自行设定罚款。',
				'ANSWER: ×',
				'',
				'4. 没有选项的题',
				'答案：A'
			].join('\n'),
			{ partial: true }
		);
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([['format.aiken.no_options', 12]]);
		const [choice, yes, no] = r.questions;
		expect(choice).toMatchObject({ type: 'single', stem: '听证应当在几日前通知？' });
		expect(choice && 'options' in choice && choice.options.map((o) => [o.text, o.correct])).toEqual(
			[
				['三日', false],
				['七日', true],
				['十日', false],
				['十五日', false]
			]
		);
		expect(yes).toMatchObject({ type: 'truefalse', answer: true });
		expect(no).toMatchObject({ type: 'truefalse', answer: false });
	});

	it('leaves out an A option that would read back as two', () => {
		const q = makeQuestion('single', 1, {
			options: [
				{ id: 'A', text: '维生素 B. 族', correct: true },
				{ id: 'B', text: '乙', correct: false }
			]
		} as Partial<QuestionVersion>);
		expect(writeAiken([q]).issues.map((i) => i.code)).toEqual(['format.export.aiken.option']);
	});

	it('reports bad answers, missing answers and option order with lines', () => {
		const r = parseAiken(
			'题一\nA. 甲\nB. 乙\nANSWER: C\n\n题二\nA. 甲\nC. 乙\nANSWER: A\n\n题三\nA. 甲\nB. 乙\n'
		);
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([
			['format.aiken.bad_answer', 4],
			['format.aiken.option_order', 8],
			['format.aiken.no_answer', 11]
		]);
		expect(r.questions).toEqual([]);
	});

	it('property: export → import → export is a fixpoint (Aiken is plain text)', () => {
		fc.assert(
			fc.property(questionList, (qs) => {
				const singles = qs.filter((q) => q.type === 'single');
				// every single choice is written but one whose stem begins as a question number could
				const written = singles.filter((q) => writeAiken([q]).issues.length === 0);
				expect(written).toEqual(
					expect.arrayContaining(singles.filter((q) => !/^[\d(（第]/.test(q.stem)))
				);
				const { output, issues } = writeAiken(qs);
				expect(issues).toHaveLength(qs.length - written.length);
				const back = parseAiken(output);
				expect(back.issues).toEqual([]);
				expect(
					back.questions.map((q) => q.type === 'single' && q.options.map((o) => o.correct))
				).toEqual(written.map((q) => q.type === 'single' && q.options.map((o) => o.correct)));
				expect(writeAiken(back.questions).output).toBe(output);
			})
		);
		expect(writeAiken([makeQuestion('essay', 1)]).issues[0]!.code).toBe('format.export.aiken.type');
	});

	it('leaves true/false out: as two options 对 and 错 it would import back as single choice', () => {
		const tf = makeQuestion('truefalse', 1);
		const { output, issues } = writeAiken([tf]);
		expect(output).toBe('');
		expect(issues.map((i) => i.code)).toEqual(['format.export.aiken.truefalse']);
		expect(messageFor(issues[0]!.code, issues[0]!.data, 'en')).toContain(
			'import back as single choice'
		);
		// the reason: this is what the import makes of a true/false question written as options
		expect(parseAiken(`${tf.stem}\nA. 对\nB. 错\nANSWER: A`).questions[0]!.type).toBe('single');
	});

	it('says why a single-choice question is left out', () => {
		const [q] = parseAiken('题干\nA. 甲\nB. 乙\nANSWER: A').questions;
		const single = q! as Extract<typeof q & object, { type: 'single' }>;
		const reason = (stem: string, options = single.options) =>
			writeAiken([{ ...single, stem, options }]).issues.map((i) =>
				messageFor(i.code, i.data, 'zh-CN')
			);
		expect(reason('题干')).toEqual([]);
		expect(reason('题干', [single.options[0]!, { ...single.options[1]!, text: '乙\n丙' }])).toEqual(
			['试题aiken-1（单选）：有选项为空、含换行或首尾有空格，Aiken格式的选项只能是一行文字']
		);
		expect(reason('题干\n\n续')[0]).toContain('题干有空行');
		expect(reason('题干\nB. 像选项')[0]).toContain('像选项或答案行');
		expect(reason('1. 题干')[0]).toContain('题号');
	});

	it('reports an option line before any question at its line, never as a stem', () => {
		const r = parseAiken('A. 三日\nB. 七日\nANSWER: B\n\n真正的题目？\nA. 甲\nB. 乙\nANSWER: A', {
			partial: true
		});
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([['format.aiken.not_started', 1]]);
		expect(r.questions.map((q) => q.stem)).toEqual(['真正的题目？']);
		expect(parseAiken('ANSWER: A').issues.map((i) => i.code)).toEqual(['format.aiken.not_started']);
	});

	it('shows plain text as typed: HTML, *, ~ and _ are escaped for Markdown', () => {
		const [q] = parseAiken(
			'<html class="x"> 是 *重点* ~3~ _下划线_？\nA. a*b\nB. <b>\nANSWER: A'
		).questions;
		expect(q!.stem).toBe('\\<html class="x"\\> 是 \\*重点\\* ~3~ \\_下划线\\_？');
		expect(q!.type === 'single' && q!.options.map((o) => o.text)).toEqual(['a\\*b', '\\<b\\>']);
		// and export gives the file back as it was
		expect(writeAiken([q!]).output).toBe(
			'<html class="x"> 是 *重点* ~3~ _下划线_？\nA. a*b\nB. <b>\nANSWER: A\n'
		);
	});

	it('round-trips a stem of statute text: numbered items, （一）, a footnote * and # as written', () => {
		const text = [
			'依照下列规定，听证应当在几日前通知？',
			'第六十四条 听证应当依照以下程序组织：',
			'（一）当事人要求听证的，应当在被告知后五日内提出；',
			'1. 通知*',
			'# <注>'
		].join('\n');
		const file = `${text}\nA. 三日\nB. *七日*\nANSWER: B\n`;
		const { questions, issues } = parseAiken(file);
		expect(issues).toEqual([]);
		expect(questions[0]!.stem).toContain('1\\. 通知\\*\n\\# \\<注\\>');
		const written = writeAiken(questions);
		expect(written.output).toBe(file);
		expect(parseAiken(written.output).questions).toEqual(questions);
	});

	it('stays linear on a file of a million options: one issue per question', () => {
		const r = parseAiken(`题目\n${'A. x\n'.repeat(1_000_000)}`, { partial: true });
		expect(r.issues.length).toBeLessThanOrEqual(2);
	});

	it('reports a question whose options change form once, and reads the next one', () => {
		const r = parseAiken('题\nA. 甲\nB 乙\nC 丙\nANSWER: A\n二题\nA. 甲\nB. 乙\nANSWER: B', {
			partial: true
		});
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([['format.aiken.option_form', 3]]);
		expect(r.questions.map((q) => q.stem)).toEqual(['二题']);
	});

	it('stays linear on a question of 50,000 stem lines and no options', () => {
		// every line could end a run of spaced options; none but the last few is tried
		const stem = Array.from({ length: 50_000 }, (_, k) => `${'ABC'[k % 3]} 第${k}行`).join('\n');
		const started = performance.now();
		expect(parseAiken(`${stem}\n题干末行\nANSWER: B`).issues).toEqual([
			expect.objectContaining({ code: 'format.aiken.no_options', line: 50_002 })
		]);
		// ending in options written so, they are read: only the stem is refused, as too long
		expect(parseAiken(`${stem}\nA 甲\nB 乙\nANSWER: B`).issues).toEqual([
			expect.objectContaining({ code: 'format.aiken.question', path: 'stem' })
		]);
		// quadratic, this took tens of seconds
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	it('reads the variants people type in Chinese: 、 ． （A）, full-width letters, ANSWER：', () => {
		const r = parseAiken(
			[
				'\uFEFF第一题',
				'A、甲',
				'B、乙',
				'ANSWER：B',
				'第二题',
				'Ａ．甲',
				'Ｂ．乙  ',
				'answer: Ｂ',
				'',
				'第三题',
				'（A）甲',
				'(B) 乙',
				'ANSWER: B. 乙',
				''
			].join('\r\n')
		);
		expect(r.issues).toEqual([]);
		expect(
			r.questions.map((q) => q.type === 'single' && q.options.map((o) => [o.text, o.correct]))
		).toEqual([
			[
				['甲', false],
				['乙', true]
			],
			[
				['甲', false],
				['乙', true]
			],
			[
				['甲', false],
				['乙', true]
			]
		]);
		// an answer's text must be its option's: `A、B` is two answers, not A
		const both = parseAiken('题\nA. 甲\nB. 乙\nANSWER: A、B');
		expect(both.issues).toEqual([]);
		expect(both.questions[0]).toMatchObject({
			type: 'multiple',
			options: [{ correct: true }, { correct: true }]
		});
		// and what a full-width option line looks like is no stem line on export
		expect(writeAiken([{ ...r.questions[0]!, stem: '题\n（A）不是选项' }]).issues).toHaveLength(1);
	});

	it('reads 答案：B and 正确答案：B as the ANSWER line, as Chinese files write it', () => {
		const r = parseAiken(
			[
				'行政处罚听证应当在举行几日前通知当事人？',
				'A、三日',
				'B、七日',
				'答案：B',
				'',
				'下列哪一机关可以设定行政拘留？',
				'A. 国务院',
				'B. 全国人大及其常委会',
				'正确答案: B'
			].join('\r\n')
		);
		expect(r.issues).toEqual([]);
		expect(
			r.questions.map((q) => [q.stem, q.type === 'single' && q.options.map((o) => o.correct)])
		).toEqual([
			['行政处罚听证应当在举行几日前通知当事人？', [false, true]],
			['下列哪一机关可以设定行政拘留？', [false, true]]
		]);
		// a stem line that would read back as the answer is not written
		expect(writeAiken([{ ...r.questions[0]!, stem: '题\n答案：见解析' }]).issues).toHaveLength(1);
	});

	it('says so when no option was read before ANSWER (lowercase letters, A: …)', () => {
		const r = parseAiken('题目\na. 甲\nb. 乙\nANSWER: a', { partial: true });
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([['format.aiken.no_options', 4]]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data)).toBe(
			'第4行：“ANSWER:”之前没有选项（选项行须以“A.”“A)”或“A、”开头，字母大写）'
		);
	});
	it('reads question files as Chinese banks write them: numbers, 答案：AB, and a 解析 line', () => {
		const r = parseAiken(
			[
				'1. 行政处罚的种类不包括（  ）',
				'A. 警告',
				'B. 罚款',
				'C. 记过',
				'答案：C',
				'解析：记过是处分，不是行政处罚。',
				'',
				'2．下列属于行政处罚的有（ ）',
				'A. 警告',
				'B. 罚款',
				'C. 记过',
				'答案：AB',
				'',
				'（3）3.14 倍于原额的罚款是否合法？',
				'A. 是',
				'B. 否',
				'答案：B'
			].join('\n')
		);
		expect(r.issues).toEqual([]);
		expect(
			r.questions.map((q) => [
				q.type,
				q.stem,
				'options' in q ? q.options.filter((o) => o.correct).map((o) => o.id) : [],
				q.explanation
			])
		).toEqual([
			['single', '行政处罚的种类不包括（  ）', ['C'], '记过是处分，不是行政处罚。'],
			['multiple', '下列属于行政处罚的有（ ）', ['A', 'B'], undefined],
			['single', '3.14 倍于原额的罚款是否合法？', ['B'], undefined]
		]);
		// never a letter read out of several (`AB` once named A), nor one twice, nor one not listed
		const refused = (answer: string) =>
			parseAiken(`题\nA. 甲\nB. 乙\nC. 丙\n答案：${answer}`).issues.map((i) => i.code);
		for (const answer of ['AD', 'AA', 'A B X', 'A或B', 'BC.丙'])
			expect(refused(answer), answer).toEqual(['format.aiken.bad_answer']);
		expect(refused('B、C')).toEqual([]);
	});

	it('reads options written with a space alone after the letter, when all of a question’s are', () => {
		const r = parseAiken(
			[
				'A 公司与 B 公司签订合同，A 公司应承担',
				'A 违约责任',
				'B 侵权责任',
				'Ｃ 缔约过失责任',
				'答案：A',
				'',
				'下列属于行政处罚的有',
				'A 警告',
				'B 罚款',
				'C 记过',
				'ANSWER: A-B',
				'',
				'下列属于行政强制措施的有',
				'A 查封场所',
				'B 扣押财物',
				'C 罚款',
				'答案：A、B',
				'',
				'以下说法正确的是',
				'A 公司可以',
				'B. 公司不可以',
				'ANSWER: B'
			].join('\n'),
			{ partial: true }
		);
		expect(
			r.questions.map((q) => [
				q.type,
				q.stem,
				'options' in q ? q.options.map((o) => `${o.correct ? '*' : ''}${o.text}`) : []
			])
		).toEqual([
			[
				'single',
				'A 公司与 B 公司签订合同，A 公司应承担',
				['*违约责任', '侵权责任', '缔约过失责任']
			],
			['multiple', '下列属于行政处罚的有', ['*警告', '*罚款', '记过']],
			['multiple', '下列属于行政强制措施的有', ['*查封场所', '*扣押财物', '罚款']]
		]);
		// an option written unlike the question's others is not guessed at: its line is reported
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([['format.aiken.option_form', 21]]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data)).toContain('第21行');
		// stem lines alone, or out of order, are no options
		const codes = (text: string) => parseAiken(text).issues.map((i) => i.code);
		expect(codes('题\nA. 甲\nB 乙\nANSWER: A')).toEqual(['format.aiken.option_form']);
		expect(codes('A 甲\nB 乙\nANSWER: A')).toEqual(['format.aiken.no_options']);
		expect(codes('题\nB 甲\nA 乙\nANSWER: A')).toEqual(['format.aiken.no_options']);
	});

	it('reads an answer of hyphened letters only where no hyphen could be a range', () => {
		const answer = (a: string) => {
			const r = parseAiken(`题\nA. 甲\nB. 乙\nC. 丙\nD. 丁\n答案：${a}`);
			return r.issues.length
				? r.issues.map((i) => i.code)
				: r.questions.flatMap((q) =>
						'options' in q ? q.options.filter((o) => o.correct).map((o) => o.id) : []
					);
		};
		expect(answer('A-B')).toEqual(['A', 'B']);
		expect(answer('A－B－C')).toEqual(['A', 'B', 'C']);
		expect(answer('B - C')).toEqual(['B', 'C']);
		// A and C, or A to C?
		expect(answer('A-C')).toEqual(['format.aiken.bad_answer']);
		expect(answer('C-B')).toEqual(['format.aiken.bad_answer']);
	});

	it('stops at the first question past maxQuestions: that issue alone, the rest of the file unread', () => {
		const question = (n: number) => `题目${n}\nA. 甲\nB. 乙\nANSWER: A\n`;
		const text = Array.from({ length: 4 }, (_, i) => question(i + 1)).join('\n');
		expect(parseAiken(text, { maxQuestions: 4 }).questions).toHaveLength(4);
		// a broken question past the limit is not even looked at
		const r = parseAiken(`${text}\n第五题\nB. 乙\nANSWER: Z`, { partial: true, maxQuestions: 3 });
		expect(r).toMatchObject({ ok: false, questions: [] });
		expect(r.issues).toEqual([{ code: TOO_MANY_QUESTIONS, line: 16, data: { line: 16, max: 3 } }]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data)).toBe(
			'第16行起的试题超过3道，文件未读完；请分成几个文件导入'
		);
	});
});
