/**
 * The question editor's form model: what the form shows and posts, for every type at once, so that
 * switching the type (with or without JavaScript) never loses what was typed. `readDraft` reads it
 * from a posted form, `draftOf` from a stored version, and `contentOfDraft` turns it into the core's
 * content (which the core then validates). Client-safe: no server imports.
 */
import {
	type CasePart,
	MAX_CASE_PARTS,
	OPTION_LABELS,
	type PartType,
	QUESTION_TYPES,
	type QuestionType,
	type QuestionVersion,
	parseArticleNo,
	stripControlChars
} from '@xuefa/core';
import { typeUi } from '$lib/components/questions/types/registry.ts';
import { m } from '$lib/i18n.ts';
import { articleInput } from '$lib/laws.ts';
import { trimTrailing } from './trim.ts';

export interface OptionDraft {
	id: string;
	text: string;
	correct: boolean;
	feedback: string;
}

export interface BodyDraft {
	type: QuestionType;
	stem: string;
	explanation: string;
	options: OptionDraft[];
	/** true/false: '' until chosen. */
	answer: '' | 'true' | 'false';
	/** Fill-in: one entry per blank, alternatives separated by `|`. */
	blanks: string[];
	referenceAnswer: string;
	rubric: string;
}

export interface PartDraft extends BodyDraft {
	weight: string;
}

export interface LawDraft {
	law: string;
	/** 42 or 第四十二条, as typed. */
	article: string;
}

export interface QuestionDraft extends BodyDraft {
	difficulty: string;
	topic: string;
	/** Comma-separated. */
	tags: string;
	points: string;
	laws: LawDraft[];
	parts: PartDraft[];
}

/** How many empty rows a new form offers. */
export const NEW_OPTIONS = 4;
export const NEW_PARTS = 2;
export const NEW_LAWS = 1;
export const PART_TYPES = QUESTION_TYPES.filter((t) => t !== 'case') as PartType[];

const emptyOption = (i: number): OptionDraft => ({
	id: OPTION_LABELS[i] ?? `o${i + 1}`,
	text: '',
	correct: false,
	feedback: ''
});

function emptyBody(type: QuestionType): BodyDraft {
	return {
		type,
		stem: '',
		explanation: '',
		options: Array.from({ length: NEW_OPTIONS }, (_, i) => emptyOption(i)),
		answer: '',
		blanks: [''],
		referenceAnswer: '',
		rubric: ''
	};
}

export const emptyPart = (): PartDraft => ({ ...emptyBody('single'), weight: '' });
export const emptyLaw = (): LawDraft => ({ law: '', article: '' });

export function emptyDraft(type: QuestionType = 'single'): QuestionDraft {
	return {
		...emptyBody(type),
		difficulty: '3',
		topic: '',
		tags: '',
		points: '',
		laws: Array.from({ length: NEW_LAWS }, emptyLaw),
		parts: Array.from({ length: NEW_PARTS }, emptyPart)
	};
}

/** Adds an empty option row with a fresh id. */
export function addOption(body: BodyDraft): void {
	const used = new Set(body.options.map((o) => o.id));
	let i = body.options.length;
	while (used.has(emptyOption(i).id)) i++;
	body.options.push(emptyOption(i));
}

type AnyBody = QuestionVersion | CasePart;

function bodyDraftOf(q: AnyBody): BodyDraft {
	return {
		...emptyBody(q.type),
		stem: q.stem,
		explanation: q.explanation ?? '',
		...typeUi(q.type).draftOf(q)
	};
}

/** The form for editing a stored version. */
export function draftOf(q: QuestionVersion): QuestionDraft {
	return {
		...bodyDraftOf(q),
		difficulty: String(q.difficulty),
		topic: q.topic ?? '',
		tags: q.tags.join(m.common_comma()),
		points: q.points === undefined ? '' : String(q.points),
		laws: q.laws.length
			? q.laws.map((l) => ({
					law: l.lawId,
					article: l.articleNo === undefined ? '' : articleInput(l.articleNo)
				}))
			: [emptyLaw()],
		parts:
			q.type === 'case'
				? q.parts.map((p) => ({
						...bodyDraftOf(p),
						weight: p.weight === undefined ? '' : String(p.weight)
					}))
				: Array.from({ length: NEW_PARTS }, emptyPart)
	};
}

const count = (form: FormData, name: string, max: number) =>
	Math.min(max, Math.max(0, Number(form.get(name)) || 0));

/** A typed field, without control characters (tab and line feed stay; CRLF becomes LF). */
const field = (form: FormData, name: string) => stripControlChars(String(form.get(name) ?? ''));

function readBody(form: FormData, p: string, fallback: QuestionType): BodyDraft {
	const s = (name: string) => field(form, `${p}${name}`);
	const type = (QUESTION_TYPES as readonly string[]).includes(s('type'))
		? (s('type') as QuestionType)
		: fallback;
	const correctRadio = s('correct');
	const options = Array.from({ length: count(form, `${p}optionCount`, 26) }, (_, k) => ({
		id: s(`options.${k}.id`) || emptyOption(k).id,
		text: s(`options.${k}.text`),
		correct:
			type === 'single'
				? correctRadio === String(k)
				: form.get(`${p}options.${k}.correct`) === 'on',
		feedback: s(`options.${k}.feedback`)
	}));
	const answer = s('answer');
	return {
		type,
		stem: s('stem'),
		explanation: s('explanation'),
		options,
		answer: answer === 'true' || answer === 'false' ? answer : '',
		blanks: Array.from({ length: count(form, `${p}blankCount`, 50) }, (_, k) => s(`blanks.${k}`)),
		referenceAnswer: s('referenceAnswer'),
		rubric: s('rubric')
	};
}

/** Every list with at least its empty rows, so that a type switched to has fields to fill. */
function withRows<B extends BodyDraft>(b: B): B {
	if (b.options.length === 0)
		b.options = Array.from({ length: NEW_OPTIONS }, (_, i) => emptyOption(i));
	if (b.blanks.length === 0) b.blanks = [''];
	return b;
}

/** The draft a posted editor form holds. */
export function readDraft(form: FormData): QuestionDraft {
	const s = (name: string) => field(form, name);
	const d: QuestionDraft = {
		...readBody(form, '', 'single'),
		difficulty: s('difficulty'),
		topic: s('topic'),
		tags: s('tags'),
		points: s('points'),
		laws: Array.from({ length: count(form, 'lawCount', 50) }, (_, i) => ({
			law: s(`laws.${i}.law`),
			article: s(`laws.${i}.article`)
		})),
		parts: Array.from({ length: count(form, 'partCount', MAX_CASE_PARTS) }, (_, i) =>
			withRows({ ...readBody(form, `parts.${i}.`, 'single'), weight: s(`parts.${i}.weight`) })
		)
	};
	if (d.laws.length === 0) d.laws = [emptyLaw()];
	if (d.parts.length === 0) d.parts = Array.from({ length: NEW_PARTS }, emptyPart);
	return withRows(d);
}

/**
 * Applies a no-JavaScript editing button (`add_option:<prefix>`, `remove_option:<prefix>:<k>`,
 * `add_blank:<prefix>`, `add_part`, `remove_part:<i>`, `add_law`, `remove_law:<i>`); other intents
 * (preview, switching the type) only show the form again.
 */
export function applyIntent(d: QuestionDraft, intent: string): void {
	const [verb = '', target = '', index = ''] = intent.split(':');
	const body = (): BodyDraft | undefined =>
		target === '' ? d : d.parts[Number(/^parts\.(\d+)\.$/.exec(target)?.[1] ?? -1)];
	const i = Number(index || target);
	switch (verb) {
		case 'add_option': {
			const b = body();
			if (b) addOption(b);
			break;
		}
		case 'remove_option':
			body()?.options.splice(i, 1);
			break;
		case 'add_blank':
			body()?.blanks.push('');
			break;
		case 'add_part':
			if (d.parts.length < MAX_CASE_PARTS) d.parts.push(emptyPart());
			break;
		case 'remove_part':
			d.parts.splice(i, 1);
			break;
		case 'add_law':
			d.laws.push(emptyLaw());
			break;
		case 'remove_law':
			d.laws.splice(i, 1);
			break;
	}
}

/** Field errors as message codes with data, keyed by form field path. */
export type DraftIssue = { path: string; code: string; data?: Record<string, unknown> };

function number(
	text: string,
	path: string,
	issues: DraftIssue[],
	integer = false
): number | undefined {
	const t = text.trim().normalize('NFKC');
	if (!t) return undefined;
	const n = Number(t);
	if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
		issues.push({ path, code: 'bank_editor_not_a_number' });
		return undefined;
	}
	return n;
}

function bodyContent(b: BodyDraft, p: string, issues: DraftIssue[]) {
	const explanation = b.explanation.trim();
	return {
		stem: b.stem.trim(),
		...(explanation ? { explanation } : {}),
		...typeUi(b.type).contentOf(b, p, issues)
	};
}

/**
 * The content a draft describes, or the problems only the form can see (an unreadable article
 * number or difficulty); the rest is left to the core's validation, whose issue paths name the same
 * fields. Empty trailing option, blank, citation and sub-question rows are left out.
 */
export function contentOfDraft(d: QuestionDraft): {
	content: QuestionVersion | null;
	issues: DraftIssue[];
} {
	const issues: DraftIssue[] = [];
	const difficulty = number(d.difficulty, 'difficulty', issues, true) ?? 3;
	const points = number(d.points, 'points', issues);
	const laws = d.laws.flatMap((l, i) => {
		const lawId = l.law.trim().replace(/[《》]/g, '');
		if (!lawId) {
			if (l.article.trim())
				issues.push({ path: `laws.${i}.law`, code: 'bank_editor_law_required' });
			return [];
		}
		if (!l.article.trim()) return [{ lawId }];
		const articleNo = parseArticleNo(l.article.trim());
		if (articleNo === undefined) {
			issues.push({ path: `laws.${i}.article`, code: 'bank_editor_article_invalid' });
			return [];
		}
		return [{ lawId, articleNo }];
	});
	const topic = d.topic.trim();
	const tags = [
		...new Set(
			d.tags
				// the separators a spreadsheet's 标签 cell is split at, so that a tag saved here
				// survives an export and a re-import
				.split(/[,，、;；|｜]/)
				.map((t) => t.trim())
				.filter(Boolean)
		)
	];
	const body = bodyContent(d, '', issues);
	const parts =
		d.type === 'case'
			? trimTrailing(d.parts, (p) => !p.stem.trim()).map((p, i) => {
					const weight = number(p.weight, `parts.${i}.weight`, issues);
					return {
						...bodyContent(p, `parts.${i}.`, issues),
						...(weight === undefined ? {} : { weight })
					} as CasePart;
				})
			: [];
	const content = {
		...body,
		...(d.type === 'case' ? { parts } : {}),
		id: 'draft',
		version: 1,
		difficulty,
		laws,
		...(topic ? { topic } : {}),
		tags,
		...(points === undefined ? {} : { points })
	} as QuestionVersion;
	return { content: issues.length ? null : content, issues };
}
