import { describe, expect, it } from 'vitest';
import { MAX_CASE_PARTS, type QuestionVersion, sameContent, validateQuestion } from '@xuefa/core';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { applyIntent, contentOfDraft, draftOf, emptyDraft, readDraft } from './draft.ts';

const meta = { id: '7', version: 3, difficulty: 2, laws: [], tags: [] };
const EVERY_TYPE: QuestionVersion[] = [
	{
		...meta,
		type: 'single',
		stem: '单选',
		laws: [{ lawId: '行政处罚法', articleNo: 42 }, { lawId: '宪法' }],
		tags: ['甲', '乙'],
		topic: '程序',
		points: 2,
		options: [
			{ id: 'A', text: '一', correct: false, feedback: '不对' },
			{ id: 'B', text: '二', correct: true }
		]
	},
	{
		...meta,
		type: 'multiple',
		stem: '多选',
		explanation: '**因为**',
		options: [
			{ id: 'x', text: '一', correct: true },
			{ id: 'y', text: '二', correct: true }
		]
	},
	{ ...meta, type: 'truefalse', stem: '判断', answer: false },
	{
		...meta,
		type: 'fill',
		stem: '第___条与第___条',
		blanks: [{ answers: ['四十二', '42'] }, { answers: ['一'] }]
	},
	{ ...meta, type: 'essay', stem: '简答', referenceAnswer: '要点', rubric: '每点一分' },
	{
		...meta,
		type: 'case',
		stem: '案情',
		parts: [
			{ type: 'truefalse', stem: '甲', answer: true, weight: 2 },
			{
				type: 'single',
				stem: '乙',
				options: [
					{ id: 'A', text: '对', correct: true },
					{ id: 'B', text: '错', correct: false }
				]
			}
		]
	}
];

/** What the browser would post for a draft: every field the editor renders. */
function post(d: ReturnType<typeof draftOf>): FormData {
	const f = new FormData();
	const body = (p: string, b: typeof d | (typeof d.parts)[number]) => {
		f.set(`${p}type`, b.type);
		f.set(`${p}stem`, b.stem);
		f.set(`${p}explanation`, b.explanation);
		f.set(`${p}optionCount`, String(b.options.length));
		b.options.forEach((o, k) => {
			f.set(`${p}options.${k}.id`, o.id);
			f.set(`${p}options.${k}.text`, o.text);
			f.set(`${p}options.${k}.feedback`, o.feedback);
			if (o.correct) {
				if (b.type === 'single') f.set(`${p}correct`, String(k));
				else f.set(`${p}options.${k}.correct`, 'on');
			}
		});
		if (b.answer) f.set(`${p}answer`, b.answer);
		f.set(`${p}blankCount`, String(b.blanks.length));
		b.blanks.forEach((x, k) => f.set(`${p}blanks.${k}`, x));
		f.set(`${p}referenceAnswer`, b.referenceAnswer);
		f.set(`${p}rubric`, b.rubric);
	};
	body('', d);
	for (const k of ['difficulty', 'topic', 'tags', 'points'] as const) f.set(k, d[k]);
	f.set('lawCount', String(d.laws.length));
	d.laws.forEach((l, i) => {
		f.set(`laws.${i}.law`, l.law);
		f.set(`laws.${i}.article`, l.article);
	});
	f.set('partCount', String(d.parts.length));
	d.parts.forEach((p, i) => {
		body(`parts.${i}.`, p);
		f.set(`parts.${i}.weight`, p.weight);
	});
	return f;
}

describe('the editor draft', () => {
	it.each(EVERY_TYPE.map((q) => [q.type, q] as const))(
		'round-trips a %s question through the form unchanged (so saving without edits writes nothing)',
		(_, q) => {
			const { content, issues } = contentOfDraft(readDraft(post(draftOf(q))));
			expect(issues).toEqual([]);
			expect(sameContent(content!, q)).toBe(true);
		}
	);

	it('drops empty trailing rows, reads 第四十二条 and 42 alike, and reports an unreadable article', () => {
		const d = emptyDraft('single');
		d.stem = '题干';
		d.options[0]!.text = '甲';
		d.options[1]!.text = '乙';
		d.options[1]!.correct = true;
		d.laws = [
			{ law: '《行政处罚法》', article: '第四十二条' },
			{ law: '宪法', article: '27' }
		];
		const { content } = contentOfDraft(d);
		expect(content && validateQuestion(content).errors).toEqual([]);
		expect(content).toMatchObject({
			options: [{ text: '甲' }, { text: '乙', correct: true }],
			laws: [
				{ lawId: '行政处罚法', articleNo: 42 },
				{ lawId: '宪法', articleNo: 27 }
			]
		});
		d.laws[1]!.article = '第某条';
		expect(contentOfDraft(d).issues).toEqual([
			{ path: 'laws.1.article', code: 'bank_editor_article_invalid' }
		]);
	});

	it('splits tags where a spreadsheet’s 标签 cell is split, so that each survives a re-import', () => {
		const d = emptyDraft('single');
		d.stem = '题干';
		d.options[0]!.text = '甲';
		d.options[1]!.text = '乙';
		d.options[1]!.correct = true;
		d.tags = '听证，程序、期限;时效；处罚|证据｜听证';
		expect(contentOfDraft(d).content?.tags).toEqual([
			'听证',
			'程序',
			'期限',
			'时效',
			'处罚',
			'证据'
		]);
	});

	it('refills tags with the reader’s comma, and reads them back either way', () => {
		const q = EVERY_TYPE[0]!;
		expect(draftOf(q).tags).toBe('甲，乙');
		overwriteGetLocale(() => 'en');
		try {
			expect(draftOf(q).tags).toBe('甲, 乙');
			expect(contentOfDraft(draftOf(q)).content?.tags).toEqual(['甲', '乙']);
		} finally {
			overwriteGetLocale(() => 'zh-CN');
		}
	});

	it('adds and removes rows for the no-JavaScript buttons', () => {
		const d = emptyDraft('case');
		applyIntent(d, 'add_option:parts.1.');
		applyIntent(d, 'remove_option::0');
		applyIntent(d, 'add_part');
		applyIntent(d, 'add_law');
		expect(d.parts[1]!.options.map((o) => o.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(d.options.map((o) => o.id)).toEqual(['B', 'C', 'D']);
		expect([d.parts.length, d.laws.length]).toEqual([3, 2]);
		// no more parts than a case may have (and an answer may carry)
		for (let i = 0; i < 60; i++) applyIntent(d, 'add_part');
		expect(d.parts.length).toBe(MAX_CASE_PARTS);
	});
});

describe('typed text and part-credit answers', () => {
	it('keeps a blank’s part-credit answers through edit and save, and strips control characters', () => {
		const form = new FormData();
		form.set('type', 'fill');
		form.set('stem', '听证应在___日前\u0000通知');
		form.set('blankCount', '1');
		form.set('blanks.0', '七|7|%50%五');
		form.set('difficulty', '3');
		const { content } = contentOfDraft(readDraft(form));
		expect(content).toMatchObject({
			stem: '听证应在___日前通知',
			blanks: [{ answers: ['七', '7'], partial: [{ text: '五', fraction: 0.5 }] }]
		});
		expect(draftOf(content!).blanks).toEqual(['七|7|%50%五']);
		form.set('blanks.0', '七|%0%五');
		expect(contentOfDraft(readDraft(form)).issues).toEqual([
			{ path: 'blanks.0', code: 'bank_editor_blank_invalid' }
		]);
	});
});

describe('a fill-in blank left without its answer', () => {
	it('is named at its own answer field, not reported as a question without blanks', () => {
		const d = emptyDraft('fill');
		d.stem = '听证应在___日前通知';
		d.blanks = ['', ''];
		const { content } = contentOfDraft(d);
		expect(validateQuestion(content!).errors.map((e) => [e.code, e.path])).toEqual([
			['question.fill.blank_empty', 'blanks.0']
		]);
		// the second of two marked blanks; an extra row left empty is only a row offered
		d.stem = '___日内，向___申请';
		d.blanks = ['七', '', ''];
		expect(validateQuestion(contentOfDraft(d).content!).errors).toMatchObject([
			{ code: 'question.fill.blank_empty', path: 'blanks.1', data: { blank: 2 } }
		]);
		d.blanks = ['七', '复议机关', ''];
		expect(validateQuestion(contentOfDraft(d).content!).errors).toEqual([]);
	});
});
