import { describe, expect, it } from 'vitest';
import { messageFor, gradeItem, parseGift, writeGift } from '../index.ts';
import type { QuestionVersion } from '../index.ts';

const issues = (text: string) =>
	parseGift(text, { partial: true }).issues.map((i) => [i.code, i.line]);
const only = (text: string) => {
	const r = parseGift(text);
	expect(r.issues).toEqual([]);
	expect(r.questions).toHaveLength(1);
	return r.questions[0]!;
};
const item = (question: QuestionVersion) => ({ question, points: 10 });

describe('GIFT read as Moodle reads it', () => {
	it('a question ends at a blank line; a second question without one is reported at its line', () => {
		const merged = '::q1:: 行政处罚可以口头作出。{F}\n::q2:: 听证应当公开举行。{T}';
		expect(issues(merged)).toEqual([['format.gift.second_block', 2]]);
		const r = parseGift(merged, { partial: true });
		expect(r.questions).toEqual([]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data)).toContain('须空一行');
		// the same without a title: a second answer block on the next line
		expect(issues('甲 {T}\n\n乙 {=a}\n丙 {F}')).toEqual([['format.gift.second_block', 4]]);
	});

	it('reads CR-only and CRLF line ends as lines', () => {
		const cr = '::q1:: 甲 {F}\r\r::q2:: 乙 {T}\r';
		expect(parseGift(cr).questions.map((q) => [q.id, q.type])).toEqual([
			['q1', 'truefalse'],
			['q2', 'truefalse']
		]);
		expect(parseGift('::a:: 甲 {T}\r\n\r\n::b:: 乙 {F}').questions).toHaveLength(2);
	});

	it('reads text copied from a web page as it looks: zero-width characters take no part', () => {
		// a line of a zero-width space only is the blank line it looks like; the answers lose theirs
		const r = parseGift(
			'::q1:: 行政处罚可以口头作出。{F}\n\u200b\n::q2:: 听证\u200b应当{=公开\u200b ~不公开}举行。'
		);
		expect(r.issues).toEqual([]);
		expect(r.questions).toMatchObject([
			{ id: 'q1', type: 'truefalse', answer: false },
			{ id: 'q2', stem: '听证应当___举行。', options: [{ text: '公开' }, { text: '不公开' }] }
		]);
	});

	it('never leaves an answer block in a stem', () => {
		for (const text of ['a {T} b {F}', 'a {=x} }', '::t:: a {T}\n::u::']) {
			const r = parseGift(text, { partial: true });
			for (const q of r.questions) expect(q.stem).not.toMatch(/[{}]/);
			expect(r.issues.length).toBeGreaterThan(0);
		}
	});

	it('[html], [plain], [markdown] and [moodle] are formats, not text', () => {
		const html = only(
			'::h::[html]<p>下列<b>属于</b>行政处罚的是：</p>{=[plain]<警告> ~[html]<i>批评</i>#[html]<p>不是</p> ####[html]<p>见<b>第九条</b></p>}'
		);
		expect(html.stem).not.toMatch(/<\/?p>|<b>/);
		expect(html.stem).toContain('属于');
		expect(html.type === 'single' && html.options.map((o) => o.text)).toEqual([
			'\\<警告\\>',
			'批评'
		]);
		expect(html.type === 'single' && html.options[1]!.feedback).toBe('不是');
		expect(html.explanation).toBe('见第九条');
		// a converter given by the app is used for HTML
		const md = parseGift('[html]<b>粗</b> {T}', { html: (h) => h.replace(/<\/?b>/g, '**') });
		expect(md.questions[0]!.stem).toBe('**粗**');
		expect(only('[plain]1 *2* {T}').stem).toBe('1 \\*2\\*');
		expect(only('[markdown]**粗** {T}').stem).toBe('**粗**');
		expect(only('[moodle]第一行\n第二行 {T}').stem).toBe('第一行\n\n第二行');
		// options inherit the question's format; a missing-word blank survives conversion
		const mw = only('[html]<p>处罚由 {=县级以上} 政府管辖</p>');
		expect(mw.stem).toBe('处罚由 ___ 政府管辖');
	});

	it('keeps the marking of short answers: partial credit carried, 0 % answers dropped', () => {
		const q = only('::frog:: 什么动物会呱呱叫？{=Frog =%50%Cat =%0%*}');
		expect(q).toMatchObject({
			type: 'fill',
			blanks: [{ answers: ['Frog'], partial: [{ text: 'Cat', fraction: 0.5 }] }]
		});
		expect(gradeItem(item(q), { type: 'fill', blanks: ['cat'] }).score).toBe(5);
		expect(gradeItem(item(q), { type: 'fill', blanks: ['frog'] }).score).toBe(10);
		expect(gradeItem(item(q), { type: 'fill', blanks: ['dog'] }).score).toBe(0);
		// Moodle's `{Frog}` is a short answer too
		expect(only('a {Frog}')).toMatchObject({ type: 'fill', blanks: [{ answers: ['Frog'] }] });
	});

	it('refuses what it cannot mark as the file says, with a clear issue', () => {
		expect(issues('a {=a ~%50%b ~c}')).toEqual([['format.gift.partial_single', 1]]);
		expect(issues('a {=a =b ~c}')).toEqual([['format.gift.several_right', 1]]);
		expect(issues('a {~%70%a ~%30%b ~%-100%c}')).toEqual([['format.gift.uneven_weights', 1]]);
		expect(issues('a {~%50%a ~%25%b ~c}')).toEqual([['format.gift.uneven_weights', 1]]);
		expect(issues('a {=Fro* =Frog}')).toEqual([['format.gift.wildcard', 1]]);
		expect(issues('a {=%50%Cat}')).toEqual([['format.gift.no_full_answer', 1]]);
		// a Chinese input method's ＝ and ～: not one short answer “＝甲 ～乙”, as Moodle would read it
		expect(issues('a {＝甲 ～乙}')).toEqual([['format.gift.full_width_marker', 1]]);
		expect(issues('a {=甲 ～乙}')).toEqual([['format.gift.full_width_marker', 1]]);
		expect(only('a {=1～3年}')).toMatchObject({ blanks: [{ answers: ['1～3年'] }] });
		// our own export of a text with a ～ reads back (its metadata says whose it is)
		const mr = only('a {~%50%甲 ~%50%五年 ~%-100%十年}');
		const own =
			mr.type === 'multiple'
				? { ...mr, options: mr.options.map((o, k) => (k ? o : { ...o, text: '1 ～ 3年' })) }
				: mr;
		expect(parseGift(writeGift([own]).output).questions).toEqual([own]);
		// equal shares of 100 % are what multiple choice means here
		expect(only('a {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}').type).toBe('multiple');
	});

	it('refuses a question whose picture the file does not carry, rather than import it without', () => {
		// as Moodle exports a question with a picture: the file itself is not in the GIFT
		const moodle = [
			'// question: 7  name: 标志',
			'::标志::[html]<p>下图所示标志的含义是：</p><p><img src\\="@@PLUGINFILE@@/sign.png" alt\\="" /></p>{',
			'\t=禁止通行',
			'\t~注意安全',
			'}',
			'',
			'::听证::听证应当公开举行。{T}'
		].join('\n');
		const r = parseGift(moodle, { partial: true });
		expect(r.issues.map((i) => [i.code, i.line, i.data?.tag])).toEqual([
			['format.gift.media', 2, 'img']
		]);
		expect(messageFor(r.issues[0]!.code, r.issues[0]!.data)).toContain('第2行');
		expect(r.questions.map((q) => q.id)).toEqual(['听证']);
		// in an option or the general feedback too, and in a recording
		expect(issues('a {=[html]<IMG src\\="x.png"> ~b}')).toEqual([['format.gift.media', 1]]);
		expect(issues('[html]<audio src\\="a.mp3"></audio>听到的是 {=a ~b}')).toEqual([
			['format.gift.media', 1]
		]);
		// plain text may speak of tags, as may Markdown that escapes them; a word that merely starts
		// like one is no tag
		expect(only('[plain]写作 <img> 的标签 {T}').stem).toContain('img');
		expect(only('写作 \\\\<img\\\\> 的标签 {T}').stem).toBe('写作 \\<img\\> 的标签');
		expect(only('[html]<p>images &lt;img&gt;</p><imgx>{T}').type).toBe('truefalse');
	});

	it('exports a wrong option of a multiple-answer question as -100 % and partial answers as weights', () => {
		const mr = only('a {~%50%x ~%50%y ~%-100%z ~%-100%w}');
		const { output } = writeGift([mr]);
		expect(output).toContain('~%-100%z');
		expect(output).toContain('~%-100%w');
		const frog = only('a {=Frog =%50%Cat}');
		expect(writeGift([frog]).output).toContain('=%50%Cat');
		expect(parseGift(writeGift([mr, { ...frog, id: 'f' }]).output).questions).toEqual([
			mr,
			{ ...frog, id: 'f' }
		]);
	});

	it('[tag:…] and [id:…] comments become tags and the question number', () => {
		const q = only(
			'// question: 12 name: x\n// [id:XF-042] [tag:听证] [tag:易错]\n::Title:: 甲 {T}'
		);
		expect(q).toMatchObject({ id: 'XF-042', tags: ['听证', '易错'] });
		const exported = writeGift([q]).output;
		expect(exported).toContain('// [tag:听证]');
		expect(parseGift(exported).questions[0]!.tags).toEqual(['听证', '易错']);
	});

	it('a title several questions share, as Moodle allows, becomes each one’s own; an [id:…] used twice is reported', () => {
		const moodle = [
			'// question: 101  name: 判断题',
			'::判断题:: 甲 {T}',
			'',
			'// question: 102  name: 其他',
			'::其他:: 乙 {F}',
			'',
			'// question: 103  name: 判断题',
			'::判断题:: 丙 {T}'
		].join('\n');
		const r = parseGift(moodle);
		expect(r.issues).toEqual([]);
		expect(r.questions.map((q) => [q.id, q.stem])).toEqual([
			['判断题#101', '甲'],
			['其他', '乙'],
			['判断题#103', '丙']
		]);
		// typed by hand, without Moodle's numbers: the line tells them apart
		expect(parseGift('::同名:: 甲 {T}\n\n::同名:: 乙 {F}').questions.map((q) => q.id)).toEqual([
			'同名#L1',
			'同名#L3'
		]);

		const r2 = parseGift(
			'// [id:X-1]\n::a:: 甲 {T}\n\n::其他:: 乙 {F}\n\n// [id:X-1]\n::b:: 丙 {T}',
			{
				partial: true
			}
		);
		// the comments before a question are its own, also after one that had none
		expect(r2.questions.map((q) => [q.id, q.stem])).toEqual([
			['X-1', '甲'],
			['其他', '乙']
		]);
		expect(r2.issues.map((i) => [i.code, i.line, i.data?.first])).toEqual([
			['format.gift.duplicate_id', 7, 2]
		]);
		expect(messageFor(r2.issues[0]!.code, r2.issues[0]!.data)).toBe(
			'第7行：题目名称（编号）“X-1”已在第2行用过，该题未导入'
		);
	});

	it('stays linear on hostile input: a block of a million answers is one issue', () => {
		const r = parseGift(`q {${'~a'.repeat(1_000_000)}}`, { partial: true });
		expect(r.issues.map((i) => i.code)).toEqual(['format.gift.too_many_answers']);
		expect(parseGift('{'.repeat(100_000), { partial: true }).issues).toHaveLength(1);
		const tags = `// ${'[tag:<x'.repeat(200_000)} [tag:y]\nq {T}`;
		expect(parseGift(tags).questions[0]!.tags).toEqual(['y']);
	});

	it('strips control characters from every text', () => {
		const q = only('::c:: 甲\u0007乙 {=丙\u0000}');
		expect(q.stem).toBe('甲乙');
		expect(q.type === 'fill' && q.blanks[0]!.answers).toEqual(['丙']);
	});
});
