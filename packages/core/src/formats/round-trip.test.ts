import { describe, expect, it } from 'vitest';
import {
	escapeMarkdown,
	leastEscaped,
	parseAiken,
	parseGift,
	parseRows,
	questionsToRows,
	writeAiken,
	writeGift
} from '../index.ts';

// Stems as people type them, which Markdown would show as typed without a backslash
const LITERAL = [
	'A&B 与 R&D 的区别是什么？',
	'变量 snake_case 与 甲_乙_丙 的写法，哪一个对？',
	'甲|乙|丙 三人中谁应当回避？',
	'期限为 3~7 日的是哪一项？'
];
// and stems that do need one, which must come back just the same
const MARKED = ['（_注_）所称“日”是指哪一种？', '罚款*的数额 &amp; 没收，哪项属于 <处罚>？'];

const imported = () =>
	parseRows([
		['题型', '题干', '选项A', '选项B', '答案'],
		...[...LITERAL, ...MARKED].map((stem) => ['单选', stem, 'A&B_1', '甲|乙', 'A'])
	]);

describe('a plain-text stem imported, shown and exported is the text the file had', () => {
	it('is stored without backslashes where it shows as typed without them', () => {
		const { questions, issues } = imported();
		expect(issues).toEqual([]);
		expect(questions.slice(0, LITERAL.length).map((q) => q.stem)).toEqual(LITERAL);
		expect(questions[0]!.type === 'single' && questions[0]!.options.map((o) => o.text)).toEqual([
			'A&B_1',
			'甲|乙'
		]);
		expect(questions.slice(LITERAL.length).map((q) => q.stem)).toEqual(MARKED.map(escapeMarkdown));
	});

	it('rows: the cells written are the cells read, with no note of formatting', () => {
		const { questions } = imported();
		const { output, notes } = questionsToRows(questions);
		expect(notes).toBeUndefined();
		const stem = output[0]!.indexOf('题干');
		expect(output.slice(1).map((row) => row[stem])).toEqual([...LITERAL, ...MARKED]);
		expect(parseRows(output).questions).toEqual(questions);
	});

	it('GIFT: the stem is written without backslashes GIFT does not need, and reads back the same', () => {
		const { questions } = imported();
		const { output, issues } = writeGift(questions);
		expect(issues).toEqual([]);
		for (const stem of LITERAL.slice(0, 3)) expect(output).toContain(stem);
		// GIFT's own escape of ~
		expect(output).toContain('期限为 3\\~7 日的是哪一项？');
		expect(parseGift(output).questions.map((q) => q.stem)).toEqual(questions.map((q) => q.stem));
	});

	it('Aiken: the lines written are the stems typed, and read back the same', () => {
		const { questions } = imported();
		const { output, issues } = writeAiken(questions);
		expect(issues).toEqual([]);
		expect(output.split('\n').filter((line) => line.endsWith('？'))).toEqual([
			...LITERAL,
			...MARKED
		]);
		expect(parseAiken(output).questions).toEqual(
			questions.map((q) => expect.objectContaining({ stem: q.stem }))
		);
	});

	it('a question stored with the backslashes an older import added exports as typed, and compares as itself', () => {
		const { questions } = imported();
		const old = { ...questions[0]!, stem: 'A\\&B 与 R\\&D 的区别是什么？' };
		const { output, notes } = questionsToRows([old]);
		expect(notes).toBeUndefined();
		expect(output[1]).toContain(LITERAL[0]);
		expect(leastEscaped(old)).toEqual(questions[0]);
		// formatting is no escape: bold stays bold, and is noted when written to cells
		const bold = { ...old, stem: '**A&B**' };
		expect(leastEscaped(bold)).toEqual(bold);
		expect(questionsToRows([bold]).notes).toHaveLength(1);
	});
});
