import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	EXCEL_ROUNDED_MARK,
	MAX_CASE_PARTS,
	messageFor,
	parseRows,
	questionTypeNamed,
	questionsToRows,
	resolveRowHeaders,
	type QuestionVersion
} from '../index.ts';
import { cellsToMarkdown, leastEscaped } from './plain-cells.ts';
import { makeQuestion } from '../testing/factories.ts';
import { questionList } from '../testing/arbitraries.ts';

const H = [
	'编号',
	'题型',
	'题干',
	'选项A',
	'选项B',
	'选项C',
	'选项D',
	'答案',
	'解析',
	'分值',
	'难度',
	'法律',
	'条款',
	'知识点',
	'标签',
	'所属案例'
];
const row = (o: Record<string, string>) => H.map((h) => o[h] ?? '');

describe('row format', () => {
	it('reads every type, Chinese answers, laws and articles', () => {
		const r = parseRows([
			H,
			row({
				题型: '单选题',
				题干: '听证通知？',
				选项A: '三日',
				选项B: '七日',
				答案: 'ｂ',
				难度: '2',
				法律: '《行政处罚法》',
				条款: '第六十四条',
				标签: '重点、易错'
			}),
			row({
				题型: '多选',
				题干: '多选？',
				选项A: '甲',
				选项B: '乙',
				选项C: '丙',
				答案: 'A、C',
				法律: '行政许可法;宪法',
				条款: '3、105;'
			}),
			row({ 题型: '判断', 题干: '对吗？', 答案: '√' }),
			row({ 题型: '填空', 题干: '第___条规定了___', 答案: '四十二|42;听证' }),
			row({ 编号: 'c1', 题型: '案例分析', 题干: '案情……', 知识点: '执法' }),
			row({ 题型: '简答', 题干: '请分析', 答案: '参考答案', 所属案例: 'c1', 分值: '2' }),
			row({ 题型: '判断', 题干: '处罚合法', 答案: '错误', 所属案例: 'c1' })
		]);
		expect(r.issues).toEqual([]);
		expect(r.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'truefalse',
			'fill',
			'case'
		]);
		expect(r.questions[0]).toMatchObject({
			id: 'row-2',
			difficulty: 2,
			laws: [{ lawId: '行政处罚法', articleNo: 64 }],
			tags: ['重点', '易错']
		});
		expect(r.questions[1]!.laws).toEqual([
			{ lawId: '行政许可法', articleNo: 3 },
			{ lawId: '行政许可法', articleNo: 105 },
			{ lawId: '宪法' }
		]);
		expect(r.questions[2]).toMatchObject({ answer: true, difficulty: 3 });
		expect(r.questions[3]).toMatchObject({
			blanks: [{ answers: ['四十二', '42'] }, { answers: ['听证'] }]
		});
		expect(r.questions[4]).toMatchObject({
			id: 'c1',
			topic: '执法',
			parts: [
				{ type: 'essay', weight: 2, referenceAnswer: '参考答案' },
				{ type: 'truefalse', answer: false }
			]
		});
	});

	it('reports every bad row, and every problem of each row, with row number, column and reason', () => {
		const r = parseRows([
			H,
			row({ 题型: '单选', 题干: 'ok', 选项A: 'a', 选项B: 'b', 答案: 'A' }),
			row({ 题型: '选择', 题干: 'x' }),
			row({ 题型: '单选', 题干: 'x', 选项A: 'a', 选项B: 'b', 答案: 'E' }),
			row({ 题型: '判断', 题干: 'x', 答案: '也许' }),
			row({ 题型: '单选', 题干: '', 选项A: 'a', 选项B: 'a', 答案: 'A', 难度: '七' }),
			row({ 题型: '判断', 题干: 'x', 答案: '对', 所属案例: 'nope' })
		]);
		expect(r.ok).toBe(false);
		expect(r.questions).toEqual([]);
		expect(r.issues.map((i) => [i.line, i.code, i.path])).toEqual([
			[3, 'format.row.type', '题型'],
			[4, 'format.row.answer_option', '答案'],
			[5, 'format.row.answer_truefalse', '答案'],
			// all three problems of row 6, not only the first
			[6, 'format.row.difficulty', '难度'],
			[6, 'format.row.question', '题干'],
			[6, 'format.row.question', '选项B'],
			[7, 'format.row.parent', '所属案例']
		]);
		expect(messageFor(r.issues[2]!.code, r.issues[2]!.data)).toBe(
			'第5行“答案”列：无法识别判断题的答案“也许”；请写“对”或“错”（也可写 正确/错误、√/×、T/F、是/否）'
		);
		const preview = parseRows(
			[
				H,
				row({ 题型: '单选', 题干: 'ok', 选项A: 'a', 选项B: 'b', 答案: 'A' }),
				row({ 题型: '单选', 题干: '', 选项A: 'a', 选项B: 'a', 答案: 'A' })
			],
			{ partial: true }
		);
		expect(preview.questions).toHaveLength(1);
		expect(preview.issues.map((i) => i.code)).toEqual([
			'format.row.question',
			'format.row.question'
		]);
		expect(messageFor(preview.issues[0]!.code, preview.issues[0]!.data)).toBe(
			'第3行“题干”列：题干不能为空'
		);
	});

	it('reports missing required headers and accepts records', () => {
		expect(parseRows([['题干'], ['x']]).issues[0]).toMatchObject({
			code: 'format.row.header_missing',
			path: '题型'
		});
		expect(parseRows([{ 题型: '判断', 题干: 'x', 答案: '对' }]).questions).toHaveLength(1);
		expect(
			parseRows([{ 题型: '判断', 题干: 'x', 答案: '?' }], { firstRow: 5 }).issues[0]!.line
		).toBe(5);
	});

	it('gives every row the type a sheet is for when its header has no 题型 column', () => {
		const rows = [
			['题干', '选项A', '选项B', '答案'],
			['听证应当在举行几日前通知？', '三日', '七日', 'B'],
			['', '', '', ''],
			['', '甲', '乙', 'A']
		];
		const r = parseRows(rows, { type: 'single', partial: true });
		expect(r.questions).toMatchObject([
			{
				type: 'single',
				options: [
					{ text: '三日', correct: false },
					{ text: '七日', correct: true }
				]
			}
		]);
		// the blank row stays blank; the row without a stem is an error of its own, not of its type
		expect(r.issues.map((i) => [i.line, i.path])).toEqual([[4, '题干']]);
		// a 题型 column wins, and says what each row is
		const typed = parseRows(
			[
				['题型', '题干', '答案'],
				['判断', '甲', '对']
			],
			{ type: 'single' }
		);
		expect(typed.questions).toMatchObject([{ type: 'truefalse' }]);
		// without a type, the column is required as before
		expect(parseRows(rows.slice(0, 2)).issues[0]).toMatchObject({ path: '题型' });
	});

	it("reads the type a sheet's name stands for", () => {
		expect(questionTypeNamed('单选题')).toBe('single');
		expect(questionTypeNamed(' 一、单项选择题（共20题） ')).toBe('single');
		expect(questionTypeNamed('二、多项选择题(每题2分)')).toBe('multiple');
		expect(questionTypeNamed('（三）判断题')).toBe('truefalse');
		expect(questionTypeNamed('3. 填空题')).toBe('fill');
		expect(questionTypeNamed('第四部分 案例分析题')).toBe('case');
		expect(questionTypeNamed('Essay')).toBe('essay');
		for (const other of ['Sheet1', '填写说明', '试题', '单选题库', '']) {
			expect(questionTypeNamed(other)).toBeUndefined();
		}
	});

	it('numbers a row after a gap of a million empty rows by its place in the sheet', () => {
		// one shared empty row: a million distinct arrays only made the test slow under load
		const gap: string[][] = new Array<string[]>(1_048_574).fill([]);
		const r = parseRows([['题型', '题干', '答案'], ...gap, ['判断', '甲', '对'], []]);
		expect(r.questions.map((q) => q.id)).toEqual(['row-1048576']);
		const bad = parseRows([['题型', '题干'], [], ['单选', '乙']], { partial: true });
		expect(bad.issues.map((i) => i.line)).toEqual([3]);
	});

	it('round-trips a case question', () => {
		const q = makeQuestion('case', 3, { explanation: undefined } as Partial<QuestionVersion>);
		const { output, issues } = questionsToRows([q]);
		expect(issues).toEqual([]);
		const back = parseRows(output);
		expect(back.issues).toEqual([]);
		const { explanation: _, ...expected } = q;
		expect(back.questions[0]).toEqual({ ...expected, parts: q.type === 'case' ? q.parts : [] });
	});

	it('property: export → import round-trips the questions an import stores (plain text)', () => {
		fc.assert(
			fc.property(questionList, (list) => {
				const qs = list.map(cellsToMarkdown);
				const { output, notes } = questionsToRows(qs);
				expect(notes).toBeUndefined();
				const back = parseRows(output);
				expect(back.issues).toEqual([]);
				expect(back.questions).toEqual(qs);
			})
		);
	});

	it('property: a question with Markdown a sheet cannot hold comes back otherwise only when a note says so', () => {
		fc.assert(
			fc.property(questionList, (qs) => {
				const { output, notes = [] } = questionsToRows(qs);
				const noted = new Set(notes.map((n) => n.data?.questionId));
				const back = parseRows(output).questions;
				// the same question, its escapes that change nothing (`\\:`) left off as an import leaves them
				qs.forEach((q, i) => {
					if (!noted.has(q.id)) expect(back[i]).toEqual(leastEscaped(q));
				});
			})
		);
	});

	it('reports a row with a bad type and a bad answer and a bad article all at once', () => {
		const r = parseRows([
			['题型', '题干', '选项A', '选项B', '答案', '法律', '条款'],
			['问答', '', '', '', '', '行政处罚法', '第几条'],
			['单选', '题', 'a', 'a', 'Z', '', '']
		]);
		expect(r.issues.map((i) => [i.line, i.path])).toEqual([
			[2, '题型'],
			[2, '条款'],
			[2, '题干'],
			[3, '答案'],
			[3, '选项B']
		]);
	});

	it('reads the layouts of other exam platforms: header aliases, 易/中/难, A/B true-false', () => {
		// 试题类型 / 题目内容 / A–D / 正确答案 / 答案解析 / 分数 / 难易程度
		const one = parseRows([
			['试题类型', '题目内容', 'A', 'B', 'C', 'D', '正确答案', '答案解析', '分数', '难易程度'],
			[
				'单项选择题',
				'听证几日前通知？',
				'三日',
				'五日',
				'七日',
				'十日',
				'C',
				'第六十四条',
				'2',
				'易'
			],
			['判断题', '可以口头罚款。', '正确', '错误', '', '', 'B', '', '1', '难']
		]);
		expect(one.issues).toEqual([]);
		expect(one.questions).toMatchObject([
			{ type: 'single', explanation: '第六十四条', points: 2, difficulty: 1 },
			{ type: 'truefalse', answer: false, difficulty: 5 }
		]);
		// 判断 answered 1 or 0, as a sheet of numbers has them
		const numbers = parseRows([
			['题型', '题干', '答案'],
			['判断', '行政机关应当依法行政。', '1'],
			['判断', '可以口头罚款。', '0']
		]);
		expect(numbers.issues).toEqual([]);
		expect(numbers.questions).toMatchObject([{ answer: true }, { answer: false }]);
		// 题型 / 题目 / 选项一… / 参考答案 / 试题解析 / 难度
		const two = parseRows([
			['题型', '题目', '选项一', '选项二', '选项三', '参考答案', '试题解析', '难度'],
			['不定项选择题', '属于行政处罚的有：', '警告', '罚款', '批评', 'AB', '', '中']
		]);
		expect(two.questions).toMatchObject([
			{
				type: 'multiple',
				difficulty: 3,
				options: [{ correct: true }, { correct: true }, { correct: false }]
			}
		]);
		// unknown columns are left for the organiser to name; their answer is used
		expect(resolveRowHeaders(['题型', '试题内容', '出题人', '考查内容']).unknown).toEqual([
			'出题人',
			'考查内容'
		]);
		const three = parseRows(
			[
				['题型', '考查内容', '出题人', '正确答案'],
				['填空', '听证应在___日前通知', '张三', '七|7|%50%五']
			],
			{ columns: { 考查内容: '题干', 出题人: '' } }
		);
		expect(three.questions).toMatchObject([
			{
				stem: '听证应在___日前通知',
				blanks: [{ answers: ['七', '7'], partial: [{ text: '五', fraction: 0.5 }] }]
			}
		]);
		expect(questionsToRows(three.questions).output[1]).toContain('七|7|%50%五');
	});

	it('reads headers with a note in brackets or a 题目/试题 prefix as the same columns', () => {
		const headers = ['题型（必填）', '题干(必填)', '正确答案【多选连写】', '难易度（易/中/难）'];
		const more = ['题目解析', '试题分值', '题目难度', '题目标签', '序号'];
		expect(resolveRowHeaders([...headers, ...more])).toEqual({
			fields: ['题型', '题干', '答案', '难度', '解析', '分值', '难度', '标签', null],
			unknown: ['序号']
		});
	});

	it('reads a single 选项 column and drops the letters typed before each option', () => {
		const r = parseRows([
			['题型', '题目', '选项', '答案'],
			['单选题', '听证几日前通知？', '三日|五日|七日', 'C'],
			['多选题', '属于行政处罚的有：', 'A.警告｜B.罚款｜C.记过', 'AB'],
			['单选题', '换行分隔', 'Ａ、甲\nＢ、乙\n', 'B'],
			['判断题', '可以口头作出罚款决定。', '正确|错误', 'B']
		]);
		expect(r.issues).toEqual([]);
		const texts = r.questions.map((q) => ('options' in q ? q.options.map((o) => o.text) : []));
		expect(texts).toEqual([['三日', '五日', '七日'], ['警告', '罚款', '记过'], ['甲', '乙'], []]);
		expect(r.questions.map((q) => q.type === 'truefalse' && q.answer)).toEqual([
			false,
			false,
			false,
			false
		]);
		// letters in the option columns too, but only when every option has its own
		const cols = parseRows([
			['题型', '题干', '选项A', '选项B', '选项C', '答案'],
			['单选', '甲', 'A. 警告', 'B. 罚款', 'C. 记过', 'A'],
			['单选', '乙', 'A级', 'B级', 'C级', 'A'],
			['单选', '丙', 'A.警告', '罚款', 'C.记过', 'A']
		]);
		expect(cols.questions.map((q) => q.type === 'single' && q.options.map((o) => o.text))).toEqual([
			['警告', '罚款', '记过'],
			['A级', 'B级', 'C级'],
			['A.警告', '罚款', 'C.记过']
		]);
		// a column nobody knows may be named as the 选项 column by the organiser
		const named = parseRows(
			[
				['题型', '题干', '备选答案', '答案'],
				['单选', '甲', 'x|y', 'B']
			],
			{ columns: { 备选答案: '选项' } }
		);
		expect(named.questions[0]).toMatchObject({ options: [{ text: 'x' }, { correct: true }] });
		// more options than the row format holds: the row's problem, at the 选项 column
		const nine = parseRows([
			['题型', '题干', '选项', '答案'],
			['单选', '甲', '1|2|3|4|5|6|7|8|9', 'A']
		]);
		expect(nine.questions).toEqual([]);
		expect(nine.issues.map((i) => messageFor(i.code, i.data))).toEqual([
			'第2行“选项”列：有9个选项，最多8个'
		]);
	});

	it('drops labels in brackets and splits one 选项 cell at its labels, never at a line of an option', () => {
		const texts = (rows: string[][]) => {
			const r = parseRows(rows);
			expect(r.issues).toEqual([]);
			return r.questions.map((q) =>
				'options' in q ? q.options.map((o) => [o.text, o.correct]) : []
			);
		};
		// labels typed as (A) （B） 【C】, as some platforms' templates show them
		expect(
			texts([
				['题型', '题干', '选项A', '选项B', '选项C', '答案'],
				['单选', '甲', '(A)警告', '（Ｂ）罚款', '【C】记过', 'B']
			])
		).toEqual([
			[
				['警告', false],
				['罚款', true],
				['记过', false]
			]
		]);
		expect(
			texts([
				['题型', '题干', '选项', '答案'],
				// all on one line: was one option, and B no option at all
				['单选题', '听证几日前通知？', 'A.三日 B.七日 C.十日\u3000D.十五日', 'B'],
				// an option of two lines: its second line was option B, the answer naming it
				['单选题', '哪一项是行政处罚？', 'A．警告\n（含通报批评）\nB．罚款\nC．记过', 'B'],
				// two to a line
				['多选题', '属于行政处罚的有', '(A)警告 (B)罚款\n(C)记过 (D)拘留', 'ABD'],
				// a label inside a line of its own is text, not an option
				['单选', '乙', 'A.甲\nB.见 C. elegans\nC.丙', 'C']
			])
		).toEqual([
			[
				['三日', false],
				['七日', true],
				['十日', false],
				['十五日', false]
			],
			[
				['警告\n（含通报批评）', false],
				['罚款', true],
				['记过', false]
			],
			[
				['警告', true],
				['罚款', true],
				['记过', false],
				['拘留', true]
			],
			[
				['甲', false],
				['见 C. elegans', false],
				['丙', true]
			]
		]);
	});

	it('reads cells and headers as they look, without zero-width characters copied from the web', () => {
		const r = parseRows([
			['题型', '\u200b题干', '选项A', '选项B', '答案\ufeff'],
			['单选题', '听证\u200b几日前通知？', '三日', '七日\u2060', 'B\u200b']
		]);
		expect(r.issues).toEqual([]);
		expect(r.questions).toEqual([
			expect.objectContaining({
				stem: '听证几日前通知？',
				options: [
					expect.objectContaining({ text: '三日', correct: false }),
					expect.objectContaining({ text: '七日', correct: true })
				]
			})
		]);
	});

	it('refuses a row with an option past H rather than import it without, and asks nothing about the column', () => {
		const header = ['题型', '题干', ...'ABCDEFGHI'.split('').map((l) => `选项${l}`), '答案'];
		const nine = [...'一二三四五六七八九'];
		const rows = [
			header,
			['多选题', '甲', ...nine, 'AB'],
			['单选题', '乙', '三日', '七日', '', '', '', '', '', '', '', 'B']
		];
		expect(resolveRowHeaders(header).unknown).toEqual([]);
		const r = parseRows(rows, { partial: true });
		expect(r.issues.map((i) => [i.line, i.path, messageFor(i.code, i.data)])).toEqual([
			[2, '选项I', '第2行“选项I”列：有9个选项，最多8个']
		]);
		expect(r.questions.map((q) => q.stem)).toEqual(['乙']);
	});

	it('reads blanks written （  ） or ＿＿＿ and answers separated by / ; |', () => {
		const r = parseRows([
			['题型', '题干', '选项A', '选项B', '选项C', '答案'],
			['填空题', '处罚由（  ）以上地方人民政府（ ）管辖。', '', '', '', '县级;行政部门'],
			['填空题', '听证应在＿＿＿日前通知。', '', '', '', '七'],
			['填空题', '函数f()与g()', '', '', '', '甲'],
			['多选题', '甲', '一', '二', '三', 'A/C'],
			['多选题', '乙', '一', '二', '三', 'A；B|C']
		]);
		expect(r.issues).toEqual([]);
		expect(r.questions.map((q) => q.stem)).toEqual([
			'处罚由___以上地方人民政府___管辖。',
			'听证应在___日前通知。',
			// two empty brackets, one blank: not the blanks
			'函数f()与g()',
			'甲',
			'乙'
		]);
		expect(
			r.questions.slice(3).map((q) => q.type === 'multiple' && q.options.map((o) => o.correct))
		).toEqual([
			[true, false, true],
			[true, true, true]
		]);
		// gaps the answer does not fill are refused, never shown as two gaps with one field
		const gaps = parseRows(
			[
				['题型', '题干', '答案'],
				['填空题', '处罚由（  ）以上地方人民政府（ ）管辖。', '县级'],
				['填空题', '处罚由( )以上地方人民政府管辖。', '县级;乙'],
				['填空题', '处罚由（ ）以上___管辖。', '县级']
			],
			{ partial: true }
		);
		expect(gaps.issues.map((i) => [i.code, i.line, i.data])).toEqual([
			['format.row.fill_brackets', 2, expect.objectContaining({ brackets: 2, blanks: 1 })],
			['format.row.fill_brackets', 3, expect.objectContaining({ brackets: 1, blanks: 2 })]
		]);
	});

	it('says how to write a blank’s alternatives when ； splits an answer into more blanks than the stem has', () => {
		const r = parseRows(
			[
				['题型', '题干', '答案'],
				['填空题', '听证应当在举行___日前通知。', '七；7'],
				['填空题', '听证应当在举行___日前通知。', '七|7'],
				['填空题', '对违法行为给予行政处罚的规定必须___。', '公布或公开']
			],
			{ partial: true }
		);
		expect(r.issues.map((i) => [i.code, i.line, i.path])).toEqual([
			['format.row.fill_alternatives', 2, '答案']
		]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data, 'zh-CN')).toContain('七|7');
		// | is the blank's alternatives; 或 is the answer's own word (作为或不作为), kept as written
		expect(r.questions.map((q) => q.type === 'fill' && q.blanks)).toEqual([
			[{ answers: ['七', '7'] }],
			[{ answers: ['公布或公开'] }]
		]);
	});

	it('reads the answers of several blanks separated as other systems write them, when they fit', () => {
		const r = parseRows([
			['题型', '题干', '答案'],
			['填空题', '听证应在举行____日前通知当事人及有关人员召开____会。', '七|听证'],
			['填空题', '处罚由（  ）以上地方人民政府（  ）管辖。', '县级、行政执法部门'],
			['填空题', '宪法是国家的＿＿＿，具有最高的＿＿＿。', '根本法, 法律效力'],
			['填空题', '___和___是行政处罚的种类。', '警告 罚款'],
			// alternatives within a blank, the blanks separated by 、
			['填空题', '___和___是行政处罚的种类。', '警告|通报批评、罚款']
		]);
		expect(r.issues).toEqual([]);
		expect(r.questions.map((q) => q.type === 'fill' && q.blanks)).toEqual([
			[{ answers: ['七'] }, { answers: ['听证'] }],
			[{ answers: ['县级'] }, { answers: ['行政执法部门'] }],
			[{ answers: ['根本法'] }, { answers: ['法律效力'] }],
			[{ answers: ['警告'] }, { answers: ['罚款'] }],
			[{ answers: ['警告', '通报批评'] }, { answers: ['罚款'] }]
		]);
		// one blank keeps its alternatives and its 、; answers that do not fit the blanks are refused
		const other = parseRows(
			[
				['题型', '题干', '答案'],
				['填空题', '听证应在___日前通知。', '七|7'],
				['填空题', '___的种类有哪些', '警告、罚款'],
				['填空题', '___和___是种类。', '警告、罚款、拘留'],
				// two empty () after names are text, not blanks to split the answer over
				['填空题', '函数f()与g()的区别是', '前者 后者']
			],
			{ partial: true }
		);
		expect(other.questions.map((q) => q.type === 'fill' && q.blanks)).toEqual([
			[{ answers: ['七', '7'] }],
			[{ answers: ['警告、罚款'] }],
			[{ answers: ['前者 后者'] }]
		]);
		expect(other.issues.map((i) => [i.line, i.path, i.data?.issue])).toEqual([
			[4, '答案', { code: 'question.fill.blank_count', data: { markers: 2, blanks: 1 } }]
		]);
	});

	it('reads 2分 as points, tags split by ; or |, and the type names 单项选择, 多项选择, 不定项选择, 是非题, 名词解释', () => {
		const r = parseRows([
			['题型', '题干', '选项A', '选项B', '答案', '分值', '标签'],
			['单项选择', '甲', '一', '二', 'A', '2分', '听证;程序｜期限'],
			['多项选择', '乙', '一', '二', 'AB', '1.5 分'],
			['是非题', '丙', '', '', '对', ''],
			['名词解释', '行政许可', '', '', '', '5'],
			['不定项选择', '丁', '一', '二', 'B', '2']
		]);
		expect(r.issues).toEqual([]);
		expect(r.questions.map((q) => [q.type, q.points])).toEqual([
			['single', 2],
			['multiple', 1.5],
			['truefalse', undefined],
			['essay', 5],
			['multiple', 2]
		]);
		expect(r.questions[0]!.tags).toEqual(['听证', '程序', '期限']);
		expect(
			parseRows([
				['题型', '题干', '分值'],
				['简答', '甲', '两分']
			]).issues[0]
		).toMatchObject({
			code: 'format.row.number',
			data: { value: '两分' }
		});
	});

	it('reads the type with its points or numbering (单选题（2分）, 一、判断题), 判断正误, 案例题, answers 对的/不对/V and difficulty as stars or 高/低', () => {
		const r = parseRows([
			['题型', '题干', '选项A', '选项B', '答案', '难度'],
			['单选题（2分）', '甲', '一', '二', 'A', '★★★☆☆'],
			['一、判断题', '乙', '', '', '对的', '4星'],
			['判断正误', '丙', '', '', '不对', '高'],
			['对错题', '丁', '', '', 'V', '低'],
			['判断', '戊', '', '', '错的', '★']
		]);
		expect(r.issues).toEqual([]);
		expect(r.questions.map((q) => [q.type, 'answer' in q ? q.answer : null, q.difficulty])).toEqual(
			[
				['single', null, 3],
				['truefalse', true, 4],
				['truefalse', false, 5],
				['truefalse', true, 1],
				['truefalse', false, 1]
			]
		);
		// still refused: a type no module names, six stars, and a word that is neither right nor wrong
		const bad = parseRows(
			[
				['题型', '题干', '答案', '难度'],
				['计算题', '甲', '1', ''],
				['判断', '乙', '对的', '★★★★★★'],
				['判断', '丙', '也许', '']
			],
			{ partial: true }
		);
		expect(bad.issues.map((i) => [i.code, i.line])).toEqual([
			['format.row.type', 2],
			['format.row.difficulty', 3],
			['format.row.answer_truefalse', 4]
		]);
	});

	/** Which options of each question the 答案 cells mark, and the rows refused. */
	const marked = (rows: string[][]) => {
		const r = parseRows([['题型', '题干', '选项A', '选项B', '选项C', '答案'], ...rows], {
			partial: true
		});
		return {
			correct: r.questions.map((q) => 'options' in q && q.options.map((o) => o.correct)),
			issues: r.issues.map((i) => [i.code, i.line])
		};
	};

	it('reads keys as answer sheets print them: （√） 【错】 正确。, a separator after the last blank, ＿＿', () => {
		const r = parseRows([
			['题型', '题干', '选项A', '选项B', '答案'],
			['判断题', '甲', '', '', '（√）'],
			['判断题', '乙', '', '', '【错】'],
			['判断题', '丙', '', '', '正确。'],
			['判断题', '丁', '错误', '正确', '(A)'],
			['填空题', '处罚由___以上___管辖。', '', '', '县级；行政部门；'],
			['填空题', '听证应在＿＿日前通知。', '', '', '七|7|']
		]);
		expect(r.issues).toEqual([]);
		expect(r.questions.map((q) => (q.type === 'truefalse' ? q.answer : q.stem))).toEqual([
			true,
			false,
			true,
			false,
			'处罚由___以上___管辖。',
			'听证应在___日前通知。'
		]);
		expect(r.questions.slice(4).map((q) => q.type === 'fill' && q.blanks)).toEqual([
			[{ answers: ['县级'] }, { answers: ['行政部门'] }],
			[{ answers: ['七', '7'] }]
		]);
	});

	it('says what is wrong with an answer or a difficulty, as the organiser can mend it', () => {
		const r = parseRows(
			[
				['题型', '题干', '选项A', '选项B', '答案', '难度'],
				['单选题', '甲', '三日', '七日', '', ''],
				['单选题', '乙', '三日', '七日', 'AB', ''],
				['判断题', '丙', '', '', 'A', ''],
				['填空题', '丁___', '', '', '', ''],
				['单选题', '戊', '三日', '七日', 'A', '0.6'],
				['单选题', '己', '三日', '七日', 'A', '60']
			],
			{ partial: true }
		);
		const said = (locale: 'zh-CN' | 'en') =>
			r.issues.map((i) => messageFor(i.code, i.data, locale));
		expect(said('zh-CN')).toEqual([
			'第2行“答案”列：没有填写答案',
			'第3行“答案”列：单选题只能有一个答案，却写了“AB”；有多个正确选项的题请把题型写成多选题',
			'第4行“答案”列：无法识别判断题的答案“A”；请写“对”或“错”（也可写 正确/错误、√/×、T/F、是/否）',
			'第5行“答案”列：没有填写答案',
			'第7行“难度”列：无法识别的难度“60”；请写 1–5 的整数（5 最难）、易/较易/中/较难/难，或 0–1 的难度系数（如 0.35 或 35%，越大越容易）'
		]);
		expect(said('en')[0]).toBe('Row 2, column “答案”: the answer is missing');
		expect(said('en')[1]).toContain('a single-choice question has one answer, not “AB”');
	});

	it('reads answer letters written as options are labelled: A. （A） 【AB】 Ａ．', () => {
		expect(
			marked([
				['单选', '甲', '三日', '五日', '七日', 'C.'],
				['单选', '乙', '三日', '五日', '七日', '（B）'],
				['多选', '丙', '警告', '罚款', '记过', '【AB】'],
				['单选', '丁', '三日', '五日', '七日', 'Ａ．'],
				['单选', '戊', '三日', '五日', '七日', '(B']
			])
		).toEqual({
			correct: [
				[false, false, true],
				[false, true, false],
				[true, true, false],
				[true, false, false]
			],
			issues: [['format.row.answer_choice', 6]]
		});
	});

	it('reads letters joined as other systems write them: [AC] A.C A+C', () => {
		expect(
			marked([
				['多选', '甲', '警告', '罚款', '记过', '[AC]'],
				['多选', '乙', '警告', '罚款', '记过', 'A.C'],
				['多选', '丙', '警告', '罚款', '记过', 'A + C'],
				['多选', '丁', '警告', '罚款', '记过', '［Ａ．Ｃ］'],
				['单选', '戊', '三日', '五日', '七日', '[C]'],
				// an option whose text is the answer is that option, not letters
				['单选', '己', 'A+B', 'A+C', 'B+C', 'A+C'],
				// a single choice has one answer still; a letter past the options is still no option
				['单选', '庚', '三日', '五日', '七日', 'A.C'],
				['多选', '辛', '警告', '罚款', '记过', 'A+E']
			])
		).toEqual({
			correct: [
				[true, false, true],
				[true, false, true],
				[true, false, true],
				[true, false, true],
				[false, false, true],
				[false, true, false]
			],
			issues: [
				['format.row.answer_one', 8],
				['format.row.answer_option', 9]
			]
		});
		// other types keep such characters as written
		const fill = parseRows([
			['题型', '题干', '答案'],
			['填空', '公式为___', 'A+C'],
			['简答', '简述', 'A.C两项']
		]);
		expect(fill.issues).toEqual([]);
		expect(fill.questions.map((q) => (q.type === 'fill' ? q.blanks[0]!.answers : q.type))).toEqual([
			['A+C'],
			'essay'
		]);
	});

	it('reads an answer that names its options by their texts', () => {
		expect(
			marked([
				['单选', '甲', '三日', '五日', '七日', '七日'],
				['多选', '乙', '警告', '罚款', '记过', '警告、罚款'],
				['多选', '丙', '警告、通报批评', '罚款', '记过', '警告、通报批评'],
				['单选', '丁', '三日', '五日', '七日', '十日'],
				// the letter with its option's text, as a key prints it; a letter with another's is no answer
				['单选', '戊', '三日', '五日', '七日', 'C.七日'],
				['多选', '己', '警告', '罚款', '记过', 'A．警告\nC．记过'],
				['单选', '庚', '三日', '五日', '七日', 'B.七日']
			])
		).toEqual({
			correct: [
				[false, false, true],
				[true, true, false],
				[true, false, false],
				[false, false, true],
				[true, false, true]
			],
			issues: [
				['format.row.answer_choice', 5],
				['format.row.answer_choice', 8]
			]
		});
	});

	it('refuses a picture WPS placed in a cell at its row and column, never imports its formula as text', () => {
		const r = parseRows(
			[
				['题型', '题干', '选项A', '选项B', '答案'],
				['单选', '下图所示标志的含义是', '=DISPIMG("ID_0D2E4C9A",1)', '注意安全', 'A'],
				['单选', '=DISPIMG("ID_77AB",1)', '禁止通行', '注意安全', 'A'],
				['单选', '公式DISPIMG(x)的含义', '禁止通行', '注意安全', 'B']
			],
			{ partial: true }
		);
		expect(r.issues.map((i) => [i.code, i.line, i.path])).toEqual([
			['format.row.picture', 2, '选项A'],
			['format.row.picture', 3, '题干']
		]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data)).toContain('第2行“选项A”列');
		expect(r.questions.map((q) => q.stem)).toEqual(['公式DISPIMG(x)的含义']);
	});

	it('reads the options of a choice written into its stem, as one-cell exports keep them', () => {
		const r = parseRows(
			[
				['题型', '题干', '答案'],
				['单项选择题', '听证应当在几日前通知？\nA.三日\nB.七日\nC.十日\nD.十五日', 'B'],
				['多项选择题', '下列属于行政处罚的是（ ）A、警告 B、罚款 C、记过 D、没收违法所得', 'ABD'],
				['判断题', '行政机关可以自行设定罚款。（ ）\nA.正确 B.错误', 'B'],
				// a 简答's labelled list is its own text, not options
				['简答题', '比较下列两种情形：\nA.当场处罚 B.普通程序', '要点']
			],
			{ partial: true }
		);
		expect(r.issues).toEqual([]);
		const [single, multiple, truefalse, essay] = r.questions;
		expect(single).toMatchObject({ stem: '听证应当在几日前通知？' });
		expect(single && 'options' in single && single.options.map((o) => [o.text, o.correct])).toEqual(
			[
				['三日', false],
				['七日', true],
				['十日', false],
				['十五日', false]
			]
		);
		expect(multiple).toMatchObject({ stem: '下列属于行政处罚的是（ ）' });
		expect(
			multiple &&
				'options' in multiple &&
				multiple.options.filter((o) => o.correct).map((o) => o.text)
		).toEqual(['警告', '罚款', '没收违法所得']);
		expect(truefalse).toMatchObject({ type: 'truefalse', answer: false });
		expect(essay).toMatchObject({ type: 'essay', stem: expect.stringContaining('B.普通程序') });
	});

	it('reads an answer copied with its label (答案：B, 正确答案: AB)', () => {
		const r = parseRows(
			[
				['题型', '题干', '选项A', '选项B', '选项C', '答案'],
				['单选', '听证应当在几日前通知？', '三日', '七日', '十日', '答案：B'],
				['多选', '下列属于行政处罚的是', '警告', '罚款', '记过', '正确答案: AB'],
				['判断', '行政机关可以自行设定罚款。', '', '', '', '参考答案：错误'],
				['填空', '行政机关应当依法____行政。', '', '', '', '答案：全面']
			],
			{ partial: true }
		);
		expect(r.issues).toEqual([]);
		expect(
			r.questions.map((q) =>
				'options' in q
					? q.options.filter((o) => o.correct).map((o) => o.id)
					: 'answer' in q
						? q.answer
						: 'blanks' in q
							? q.blanks
							: null
			)
		).toEqual([['B'], ['A', 'B'], false, [{ answers: ['全面'] }]]);
	});

	it('refuses a long number the reader marked as rounded by Excel, where its lost digits matter', () => {
		const r = parseRows(
			[
				['编号', '题型', '题干', '答案', '分值'],
				[`110101199003071000${EXCEL_ROUNDED_MARK}`, '判断', '听证应当公开举行。', '对', ''],
				[
					'',
					'填空',
					'该企业的统一社会信用代码是____。',
					`914403001234567000${EXCEL_ROUNDED_MARK}`,
					''
				],
				// an 18-digit text ending in 000, as typed: no number was rounded
				['110101199003072000', '判断', '听证应当公开举行。', '对', '']
			],
			{ partial: true }
		);
		expect(r.issues.map((i) => [i.code, i.line, i.path, i.data?.['value']])).toEqual([
			['format.row.rounded', 2, '编号', '110101199003071000'],
			['format.row.rounded', 3, '答案', '914403001234567000']
		]);
		expect(r.questions.map((q) => q.id)).toEqual(['110101199003072000']);
		const [zh, en] = (['zh-CN', 'en'] as const).map((locale) =>
			messageFor(r.issues[0]!.code, r.issues[0]!.data, locale)
		);
		expect(zh).toContain('第2行“编号”列：“110101199003071000”超过了 Excel 能保存的 15 位数字');
		expect(en).toContain('Row 2, column “编号”: “110101199003071000” has more digits');
	});

	it('refuses a long number Excel wrote in scientific notation, where its lost digits matter', () => {
		const r = parseRows(
			[
				['编号', '题型', '题干', '选项A', '选项B', '答案', '分值'],
				['1.23457E+17', '判断', '听证应当公开举行。', '', '', '对', ''],
				['', '填空', '统一社会信用代码共____位。', '', '', '1.8E+01', ''],
				['', '单选', '该企业的登记号是', '9.14403E+17', '9.1E+16', 'A', ''],
				// typed as the number it is: points, and text that only holds such a number
				['', '填空', '罚款以元计，写作____。', '', '', '1E3元', '1E+01'],
				['123456789012345678', '判断', '编号写作 1.23457E+17 时已经丢失数字。', '', '', '对', '']
			],
			{ partial: true }
		);
		expect(r.issues.map((i) => [i.code, i.line, i.path, i.data?.['value']])).toEqual([
			['format.row.scientific', 2, '编号', '1.23457E+17'],
			['format.row.scientific', 3, '答案', '1.8E+01'],
			['format.row.scientific', 4, '选项A', '9.14403E+17'],
			['format.row.scientific', 4, '选项B', '9.1E+16']
		]);
		expect(r.questions.map((q) => q.id)).toEqual(['row-5', '123456789012345678']);
		const [zh, en] = (['zh-CN', 'en'] as const).map((locale) =>
			messageFor(r.issues[0]!.code, r.issues[0]!.data, locale)
		);
		expect(zh).toContain('第2行“编号”列：“1.23457E+17”是 Excel 把一长串数字显示成的科学计数法');
		expect(zh).toContain('设为“文本”');
		expect(en).toContain('Row 2, column “编号”: “1.23457E+17” is how Excel shows a long number');
		expect(en).toContain('format the column’s cells as Text');
	});

	it('refuses a cell read as an object (Excel’s picture in a cell) rather than take it as empty', () => {
		const r = parseRows(
			[
				['题型', '题干', '选项A', '选项B', '选项C', '答案'],
				['单选', '下图所示标志的含义是', '禁止通行', '\uFFFC', '注意安全', 'C'],
				['单选', '标志￼的含义', '禁止通行', '注意安全', '', 'A']
			],
			{ partial: true }
		);
		expect(r.issues.map((i) => [i.code, i.line, i.path])).toEqual([
			['format.row.picture', 2, '选项B']
		]);
		expect(r.questions.map((q) => q.stem)).toEqual(['标志￼的含义']);
	});

	it('says how to bring a case analysis without sub-questions', () => {
		const r = parseRows([
			['题型', '题干', '答案'],
			['案例分析题', '某局对甲作出罚款决定……请分析。', '参考答案']
		]);
		expect(r.issues.map((i) => [i.code, i.line, i.path])).toEqual([
			['format.row.case_no_parts', 2, '题型']
		]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data)).toContain('请将题型写作“简答”');
	});

	it('refuses a case of more sub-questions than a case may have, at the case row', () => {
		const part = (i: number) => ['判断', `小题${i}`, '对', 'C1'];
		const rows = (n: number) => [
			['编号', '题型', '题干', '答案', '所属案例'],
			['C1', '案例分析', '某局对甲作出罚款决定。', '', ''],
			...Array.from({ length: n }, (_, i) => ['', ...part(i)])
		];
		expect(parseRows(rows(MAX_CASE_PARTS)).questions).toHaveLength(1);
		const r = parseRows(rows(MAX_CASE_PARTS + 1), { partial: true });
		expect(r.questions).toEqual([]);
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([['format.row.question', 2]]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data)).toContain('最多50道');
	});
});

describe('row cells are plain text', () => {
	// statute text as organisers paste it: numbered items, a footnote mark, angle brackets, a hash
	const STATUTE = [
		'第一条 为了规范行政处罚的设定和实施，制定本法。',
		'（一）警告、通报批评；',
		'1. 罚款*',
		'# 注：<以下简称“本法”>',
		'- 当事人_不_服的，可以申请复议。'
	].join('\n');

	it('stores statute-like text so that it shows as written, and writes it back as written', () => {
		const rows = [
			['题型', '题干', '选项A', '选项B', '答案', '解析'],
			['单选', STATUTE, '1. 三日', '*七日*', 'B', '见第六十四条 <第2款>']
		];
		const { questions, issues } = parseRows(rows);
		expect(issues).toEqual([]);
		const q = questions[0]!;
		expect(q.stem).toBe(
			[
				'第一条 为了规范行政处罚的设定和实施，制定本法。',
				'（一）警告、通报批评；',
				'1\\. 罚款\\*',
				'\\# 注：\\<以下简称“本法”\\>',
				'\\- 当事人_不_服的，可以申请复议。'
			].join('\n')
		);
		expect(q.type === 'single' && q.options.map((o) => o.text)).toEqual([
			'1\\. 三日',
			'\\*七日\\*'
		]);
		expect(q.explanation).toBe('见第六十四条 \\<第2款\\>');
		const { output, notes } = questionsToRows(questions);
		expect(notes).toBeUndefined();
		expect(output[1]).toEqual(expect.arrayContaining([STATUTE, '1. 三日', '*七日*']));
	});

	it('keeps a fill-in’s blanks as blanks and its answers as typed', () => {
		const { questions, issues } = parseRows([
			['题型', '题干', '答案'],
			['填空', '依照第*条，罚款____元以下的，可以____。', '200|二百;当场收缴*']
		]);
		expect(issues).toEqual([]);
		expect(questions[0]).toMatchObject({
			stem: '依照第\\*条，罚款____元以下的，可以____。',
			blanks: [{ answers: ['200', '二百'] }, { answers: ['当场收缴*'] }]
		});
		expect(parseRows(questionsToRows(questions).output).questions).toEqual(questions);
	});

	it('writes a question with Markdown formatting with its marks, and says the sheet will read them as text', () => {
		const bold = makeQuestion('single', 1, { stem: '下列说法**错误**的是' });
		const plain = makeQuestion('single', 2, { stem: '下列说法错误的是' });
		const { output, issues, notes } = questionsToRows([bold, plain]);
		expect(issues).toEqual([]);
		expect(output[1]).toContain('下列说法**错误**的是');
		expect(notes).toEqual([
			{
				code: 'format.export.markdown_in_cells',
				data: { questionId: bold.id, type: 'single', format: 'rows' }
			}
		]);
		expect(messageFor(notes![0]!.code, notes![0]!.data, 'zh-CN')).toContain(
			'再次导入时这些标记按文字显示'
		);
	});
});

describe('a template’s example row left under the header', () => {
	it('is left out and named, never imported as a question', () => {
		const r = parseRows([
			['编号', '题型', '题干', '选项A', '选项B', '答案', '解析'],
			['示例', '单选题', '听证应当在几日前通知？', '三日', '七日', 'B', ''],
			['', '单选题', '例：听证应当在几日前通知？', '三日', '七日', 'B', ''],
			['', '【示例】单选题', '听证应当在几日前通知？', '三日', '七日', 'B', ''],
			['', '单选题', '听证应当在几日前通知？', '三日', '七日', 'B', '此行为示例，导入前请删除'],
			['', '单选题', '例如，听证应当在几日前通知？', '三日', '七日', 'B', '例：第六十四条'],
			['', '判断题', '示例中的做法符合法律规定。', '', '', '对', ''],
			[
				'',
				'单选题',
				'下列示例中，应当删除个人信息的是',
				'甲',
				'乙',
				'A',
				'示例中的情形应当删除，见第四十七条'
			],
			['', '判断题', '甲', '', '', '对', '示例行，导入时请删除']
		]);
		expect(r.issues).toEqual([]);
		expect(r.exampleRows).toEqual([2, 3, 4, 5, 9]);
		expect(r.questions.map((q) => q.id)).toEqual(['row-6', 'row-7', 'row-8']);
	});

	it('is told by 示例 in a 序号 column not read, and by an English template’s Example', () => {
		const r = parseRows(
			[
				['序号', '题型', '题干', '选项A', '选项B', '答案'],
				['示例', '单选题', '听证应当在几日前通知？', '三日', '七日', 'B'],
				['例1', '单选题', '听证应当在几日前通知？', '三日', '七日', 'B'],
				['1', 'Example', '听证应当在几日前通知？', '三日', '七日', 'B'],
				['2', '单选题', 'e.g. 听证应当在几日前通知？', '三日', '七日', 'B'],
				['3', '单选题', 'Example: 听证应当在几日前通知？', '三日', '七日', 'B'],
				['4', '单选题', '听证应当在几日前通知？', '三日', '七日', 'B']
			],
			{ columns: { 序号: '' } }
		);
		expect(r.issues).toEqual([]);
		expect(r.exampleRows).toEqual([2, 3, 4, 5, 6]);
		expect(r.questions.map((q) => q.id)).toEqual(['row-7']);
	});

	it('leaves a sheet without one as it was', () => {
		const r = parseRows([
			['题型', '题干', '答案'],
			['判断', '甲', '对']
		]);
		expect(r).not.toHaveProperty('exampleRows');
	});
});

describe('难度 as a 难度系数', () => {
	it('reads 0–1 as the share expected to answer right: the higher, the easier', () => {
		const r = parseRows([
			['题型', '题干', '答案', '难度系数'],
			...['0.95', '0.8', '0.65', '.5', '0.35', '0.1', '0.0', '1.0', '1', '5'].map((d, i) => [
				'判断',
				`题${i}`,
				'对',
				d
			])
		]);
		expect(r.issues).toEqual([]);
		expect(r.questions.map((q) => q.difficulty)).toEqual([1, 1, 2, 3, 4, 5, 5, 1, 1, 5]);
	});

	it('reads a percentage and 0 as a 难度系数, and refuses a number on another scale saying what is read', () => {
		const r = parseRows(
			[
				['题型', '题干', '答案', '难度'],
				...['85%', '30 %', '0', '0%', '100%', '6', '0.5分', '150%'].map((d, i) => [
					'判断',
					`题${i}`,
					'对',
					d
				])
			],
			{ partial: true }
		);
		expect(r.questions.map((q) => q.difficulty)).toEqual([1, 4, 5, 5, 1]);
		expect(r.issues.map((i) => [i.line, i.code, i.data?.value])).toEqual([
			[7, 'format.row.difficulty', '6'],
			[8, 'format.row.difficulty', '0.5分'],
			[9, 'format.row.difficulty', '150%']
		]);
	});
});
