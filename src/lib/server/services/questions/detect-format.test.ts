/**
 * Text files as other systems write them, read by what they hold: GIFT as Moodle exports it (its
 * comment, category and title lines full of commas), Aiken with commas in its stems, and tables
 * separated by commas, tabs or semicolons whose quoted cells hold the other separators.
 */
import { describe, expect, it } from 'vitest';
import { gbk } from '../../testing/encodings.ts';
import { readQuestionFile } from './read-upload.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (name: string, text: string) => readQuestionFile({ name, bytes: utf8(text) });

// What Moodle's GIFT export writes (question bank → 导出 → GIFT): a comment per question naming
// it, a category line, titles escaped, [html] texts, answers over several lines, escapes.
const MOODLE_GIFT = [
	'// question: 0  name: Switch category to $course$/top/默认/行政法, 第一章',
	'$CATEGORY: $course$/top/默认/行政法, 第一章',
	'',
	'',
	'// question: 101  name: 听证程序, 期限',
	'::听证程序, 期限::[html]<p>依照《行政处罚法》, 听证应当在举行几日前通知当事人, 及有关人员？</p>{',
	'\t~%-100%三日',
	'\t=七日',
	'\t~%-100%十日',
	'}',
	'',
	'// question: 102  name: 集合记号',
	'::集合记号::[moodle]书面通知写作 \\{甲, 乙\\}, 其中 a\\=b, 3\\~7人, 第\\#1号, 时间 9\\:30。{TRUE}',
	'',
	'// question: 103  name: 多行题干',
	'::多行题干::[html]<p>甲, 乙, 丙三人共同违法,</p>',
	'<p>应当如何处罚？</p>{',
	'\t=分别处罚',
	'\t~合并处罚',
	'}',
	''
].join('\r\n');

describe('GIFT and Aiken are not taken for tables for the commas in them', () => {
	it('reads a Moodle GIFT export as GIFT: its comments, category, escapes and questions over several lines', async () => {
		const file = await read('moodle-export.txt', MOODLE_GIFT);
		expect(file.format).toBe('gift');
		expect(file.result.issues).toEqual([]);
		expect(file.result.questions).toEqual([
			expect.objectContaining({
				id: '听证程序, 期限',
				type: 'single',
				topic: '默认/行政法, 第一章',
				options: [
					expect.objectContaining({ text: '三日', correct: false }),
					expect.objectContaining({ text: '七日', correct: true }),
					expect.objectContaining({ text: '十日', correct: false })
				]
			}),
			expect.objectContaining({ id: '集合记号', type: 'truefalse', answer: true }),
			expect.objectContaining({ id: '多行题干', type: 'single' })
		]);
		const [first, second, third] = file.result.questions;
		expect(first!.stem).toContain('听证应当在举行几日前通知当事人, 及有关人员？');
		// the escaped characters are the characters, shown as written
		expect(second!.stem).toContain('{甲, 乙}');
		expect(second!.stem).toMatch(/a\\?=b, 3\\?~7人, 第\\?#1号, 时间 9:30/);
		expect(third!.stem).toMatch(/甲, 乙, 丙三人共同违法,\s+应当如何处罚？/);
	});

	it('reads as GIFT a file whose first lines are a comment or a title of commas, without braces', async () => {
		const questions = '甲, 乙, 丙, 丁中, 哪一个是行政处罚？{\n=乙\n~甲\n}\n';
		for (const head of [
			'// 2026年学法题库, 行政法, 第一套\n\n',
			'$CATEGORY: 行政法, 行政处罚, 听证\n\n',
			'::行政处罚, 种类, 第一题::\n'
		]) {
			const file = await read('题库.txt', head + questions);
			expect(file.format).toBe('gift');
			expect(file.result.questions).toEqual([
				expect.objectContaining({ type: 'single', stem: '甲, 乙, 丙, 丁中, 哪一个是行政处罚？' })
			]);
		}
		// a stem of commas on two lines, its answer block opened on the second
		const twoLines = '下列行为, 即警告, 罚款, 没收中,\n哪些属于行政处罚？{~拘留 =警告}\n';
		expect((await read('题库.txt', twoLines)).format).toBe('gift');
		// a title line of commas above the questions: GIFT still, the title refused at its line
		const titled = await read('题库.txt', `2026年学法题库, 行政法, 第一套\n\n${questions}`);
		expect(titled.format).toBe('gift');
		expect(titled.result.issues).toEqual([expect.objectContaining({ line: 1 })]);
	});

	it('reads as Aiken a file whose stems and options have commas', async () => {
		const aiken = [
			'行政处罚的种类, 依照《行政处罚法》第九条, 不包括下列哪一项？',
			'A. 警告, 通报批评',
			'B. 罚款, 没收违法所得',
			'C. 记过, 降级',
			'ANSWER: C',
			'',
			'听证由谁主持, 谁可以委托代理人？',
			'A. 调查人员, 当事人',
			'B. 非本案调查人员, 当事人',
			'答案：B',
			''
		].join('\r\n');
		for (const bytes of [utf8(aiken), gbk(aiken)]) {
			const file = await readQuestionFile({ name: '题库.txt', bytes });
			expect(file.format).toBe('aiken');
			expect(file.result.issues).toEqual([]);
			expect(file.result.questions.map((q) => q.stem)).toEqual([
				'行政处罚的种类, 依照《行政处罚法》第九条, 不包括下列哪一项？',
				'听证由谁主持, 谁可以委托代理人？'
			]);
		}
	});
});

// One question bank as each separator writes it: every text that holds another separator (or its
// own) in quotes, as Excel and exam systems quote them.
const TABLES = {
	comma: [
		'题型,题干,选项A,选项B,答案,解析',
		'单选题,"听证应当在几日前通知当事人;及其代理人?",三日\t(工作日),"七日,含节假日",B,"见第六十四条;第二款"',
		'判断题,"行政机关可以口头作出罚款决定,对吗?",,,错,'
	],
	tab: [
		'题型\t题干\t选项A\t选项B\t答案\t解析',
		'单选题\t听证应当在几日前通知当事人;及其代理人?\t"三日\t(工作日)"\t七日,含节假日\tB\t见第六十四条;第二款',
		'判断题\t行政机关可以口头作出罚款决定,对吗?\t\t\t错\t'
	],
	semicolon: [
		'"题型";"题干";"选项A";"选项B";"答案";"解析"',
		'单选题;"听证应当在几日前通知当事人;及其代理人?";三日\t(工作日);七日,含节假日;B;"见第六十四条;第二款"',
		'判断题;行政机关可以口头作出罚款决定,对吗?;;;错;'
	]
};

describe('a table separated by commas, tabs or semicolons', () => {
	for (const [separator, lines] of Object.entries(TABLES))
		for (const name of ['题库.csv', '题库.txt'])
			it(`reads a ${name.slice(-3)} of ${separator}s, its quoted cells holding the others`, async () => {
				for (const bytes of [utf8(lines.join('\r\n')), gbk(lines.join('\r\n'))]) {
					const file = await readQuestionFile({ name, bytes });
					expect(file.format).toBe('rows');
					expect(file.result.issues).toEqual([]);
					expect(file.result.questions).toEqual([
						expect.objectContaining({
							type: 'single',
							stem: '听证应当在几日前通知当事人;及其代理人?',
							explanation: '见第六十四条;第二款',
							options: [
								expect.objectContaining({ text: '三日\t(工作日)', correct: false }),
								expect.objectContaining({ text: '七日,含节假日', correct: true })
							]
						}),
						expect.objectContaining({
							type: 'truefalse',
							stem: '行政机关可以口头作出罚款决定,对吗?',
							answer: false
						})
					]);
				}
			});

	it('reads a .txt of semicolons with columns it does not know as a table: commas in its texts are no separators', async () => {
		const file = await read(
			'exam-export.txt',
			['题号;内容;选项1;选项2;答案', '1;甲,乙,丙中,哪个是行政处罚?;甲;乙;B'].join('\n')
		);
		expect(file.format).toBe('rows');
		expect(file.unknownColumns).toEqual(['题号', '内容', '选项1', '选项2']);
		expect(file.sheets?.[0]?.rows[1]).toEqual(['1', '甲,乙,丙中,哪个是行政处罚?', '甲', '乙', 'B']);
	});
});
