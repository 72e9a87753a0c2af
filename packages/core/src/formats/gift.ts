/**
 * GIFT (Moodle's text format): parse and write.
 *
 * Supported: multiple choice (`=right ~wrong`) → `single`; multiple response with weights
 * (`~%50%a ~%50%b ~%-100%c`; an option is correct when its weight is positive, and `=` options too)
 * → `multiple`; true/false (`{T}` `{TRUE}` `{F}` `{FALSE}`) → `truefalse`; short answer (`{=a =b}`) and
 * missing word (`text {=a} text`) → `fill` with one blank (mid-sentence blocks leave a `___` marker);
 * essay (`{}`) → `essay`; `$CATEGORY:` → `topic`; `::title::` → question id; `// comments`;
 * per-answer feedback `#…` (kept on choice options, ignored for true/false); general feedback `####…`
 * → explanation; `[markdown]`/`[html]`/`[plain]`/`[moodle]` format prefixes (dropped); escapes
 * `\~ \= \# \{ \} \: \\ \n`.
 *
 * Not supported, reported per question with its line (`format.gift.unsupported`, `kind`): matching
 * (`->`), numeric (`{#…}`), descriptions (no answer block).
 *
 * Metadata GIFT cannot express (difficulty, laws, tags, topic, points, reference answer, rubric) is
 * written as a comment line `// xuefa: {json}` before each question and read back, so export → import
 * round-trips; Moodle ignores the comment. Untitled questions get the id `gift-<line>`.
 */
import type { Issue } from '../errors.ts';
import type { ChoiceOption, FillBody, QuestionVersion } from '../question/model.ts';
import { BLANK_MARKER } from '../question/model.ts';
import { validateQuestion } from '../question/validate.ts';
import { finish, type ExportResult, type ImportOptions, type ImportResult } from './result.ts';

// Escaped characters become private-use placeholders while parsing.
const ESC: Record<string, string> = {
	'\\': '\uE000',
	'~': '\uE001',
	'=': '\uE002',
	'#': '\uE003',
	'{': '\uE004',
	'}': '\uE005',
	':': '\uE006'
};
const UNESC = new Map(Object.entries(ESC).map(([k, v]) => [v, k]));
const protect = (s: string) =>
	s.replace(/\\([\\~=#{}:n])/g, (_, c: string) => (c === 'n' ? '\n' : ESC[c]!));
const restore = (s: string) => s.replace(/[\uE000-\uE006]/g, (c) => UNESC.get(c)!);
const META = '// xuefa:';

interface Block {
	line: number;
	text: string;
	category?: string;
	meta?: Record<string, unknown>;
}

function splitBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	let category: string | undefined;
	let meta: Record<string, unknown> | undefined;
	let cur: { line: number; lines: string[] } | undefined;
	const flush = () => {
		if (cur)
			blocks.push({
				line: cur.line,
				text: cur.lines.join('\n'),
				...(category !== undefined ? { category } : {}),
				...(meta ? { meta } : {})
			});
		cur = undefined;
		meta = undefined;
	};
	text.split(/\r?\n/).forEach((raw, i) => {
		const t = raw.trim();
		if (t.startsWith('//')) {
			if (t.startsWith(META)) {
				try {
					meta = JSON.parse(t.slice(META.length)) as Record<string, unknown>;
				} catch {
					// an unreadable comment is still just a comment
				}
			}
			return;
		}
		// Like Moodle, a blank line always ends a question.
		if (t === '') return flush();
		if (/^\$CATEGORY:/i.test(t)) {
			flush();
			category =
				t
					.replace(/^\$CATEGORY:\s*/i, '')
					.replace(/^\$(course|system|module)\$\/(top\/)?/, '')
					.trim() || undefined;
			return;
		}
		if (!cur) cur = { line: i + 1, lines: [] };
		cur.lines.push(raw);
	});
	flush();
	return blocks;
}

/**
 * Parses GIFT text into question versions (see the module notes for what is supported).
 *
 * @param text - the GIFT file's text
 * @param options - `partial` for a preview
 * @returns questions and issues, each issue with the question's first `line`
 * @example
 * parseGift('::q1:: 行政处罚的种类包括警告。{T}').questions[0]; // → { id: 'q1', type: 'truefalse', answer: true, … }
 */
export function parseGift(text: string, options: ImportOptions = {}): ImportResult {
	return finish(splitBlocks(text).map(parseBlock), [], options);
}

function parseBlock(block: Block): { question?: QuestionVersion; issues: Issue[] } {
	const line = block.line;
	const fail = (code: string, data: Record<string, unknown> = {}) => ({
		issues: [{ code, line, data: { line, ...data } }]
	});
	let p = protect(block.text).trim();
	let id = `gift-${line}`;
	const title = /^::([\s\S]*?)::/.exec(p);
	if (title) {
		id = restore(title[1]!).trim() || id;
		p = p.slice(title[0].length).trim();
	}
	p = p.replace(/^\[(markdown|html|plain|moodle)\]/i, '');
	const open = p.indexOf('{');
	if (open < 0) return fail('format.gift.unsupported', { kind: 'description' });
	const close = p.indexOf('}', open);
	if (close < 0) return fail('format.gift.unclosed_brace');
	const before = p.slice(0, open);
	const afterRaw = p.slice(close + 1);
	const after = afterRaw.trim();
	let body = p.slice(open + 1, close).trim();
	let explanation: string | undefined;
	const general = body.indexOf('####');
	if (general >= 0) {
		explanation = restore(body.slice(general + 4)).trim() || undefined;
		body = body.slice(0, general).trim();
	}
	const m = block.meta ?? {};
	const str = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : undefined);
	// Our own export carries the topic in its metadata; other files only have categories.
	const topic = block.meta ? str('topic') : block.category;
	const meta = {
		id,
		version: 1,
		stem: restore(after ? `${before}___${afterRaw}` : before).trim(),
		...(explanation ? { explanation } : {}),
		difficulty: typeof m.difficulty === 'number' ? m.difficulty : 3,
		laws: Array.isArray(m.laws) ? (m.laws as QuestionVersion['laws']) : [],
		...(topic ? { topic } : {}),
		tags: Array.isArray(m.tags) ? (m.tags as string[]) : [],
		...(typeof m.points === 'number' ? { points: m.points } : {})
	};
	let q: QuestionVersion;
	if (body === '') {
		const referenceAnswer = str('referenceAnswer');
		const rubric = str('rubric');
		q = {
			...meta,
			type: 'essay',
			...(referenceAnswer ? { referenceAnswer } : {}),
			...(rubric ? { rubric } : {})
		};
	} else if (body.startsWith('#')) return fail('format.gift.unsupported', { kind: 'numeric' });
	else if (/^(T|TRUE|F|FALSE)\s*(#|$)/i.test(body)) {
		q = { ...meta, type: 'truefalse', answer: /^T/i.test(body) };
	} else if (body.includes('->')) return fail('format.gift.unsupported', { kind: 'matching' });
	else {
		const parts = body
			.split(/(?=[=~])/)
			.map((s) => s.trim())
			.filter(Boolean);
		if (parts.some((s) => s[0] !== '=' && s[0] !== '~'))
			return fail('format.gift.no_answer_marker');
		const answers: { mark: string; weight?: number; text: string; feedback?: string }[] = [];
		for (const part of parts) {
			let rest = part.slice(1).trim();
			let weight: number | undefined;
			const w = /^%(-?\d+(?:\.\d+)?)%/.exec(rest);
			if (w) {
				weight = Number(w[1]);
				rest = rest.slice(w[0].length);
			} else if (rest.startsWith('%'))
				return fail('format.gift.bad_weight', { value: restore(rest) });
			const hash = rest.indexOf('#');
			const textPart = hash >= 0 ? rest.slice(0, hash) : rest;
			const feedback = hash >= 0 ? restore(rest.slice(hash + 1)).trim() : '';
			answers.push({
				mark: part[0]!,
				...(weight === undefined ? {} : { weight }),
				text: restore(textPart).trim(),
				...(feedback ? { feedback } : {})
			});
		}
		const hasWrong = answers.some((a) => a.mark === '~');
		if (!hasWrong) {
			const blanks: FillBody['blanks'] = [{ answers: answers.map((a) => a.text) }];
			q = { ...meta, type: 'fill', blanks };
		} else {
			const options: ChoiceOption[] = answers.map((a, k) => ({
				id: String.fromCharCode(65 + k),
				text: a.text,
				correct: a.mark === '=' || (a.weight ?? 0) > 0,
				...(a.feedback ? { feedback: a.feedback } : {})
			}));
			const weighted = answers.some((a) => a.weight !== undefined && a.weight > 0);
			const equals = answers.filter((a) => a.mark === '=').length;
			q = { ...meta, type: weighted || equals > 1 ? 'multiple' : 'single', options };
		}
	}
	const issues = validateQuestion(q).map((i) => ({
		code: 'format.gift.question',
		line,
		path: i.path ?? '',
		data: { line, issue: { code: i.code, data: i.data ?? {} } }
	}));
	return issues.length ? { issues } : { question: q, issues: [] };
}

const escape = (s: string) => s.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
const weightText = (w: number) => String(Math.round(w * 100000) / 100000);

/**
 * Writes questions as GIFT (with a `// xuefa:` metadata comment per question, see the module notes).
 * Case questions and fill-ins with several blanks cannot be written and are reported.
 *
 * @param questions - the question versions
 * @returns `output`: the GIFT text; `issues`: `format.export.unsupported` per question left out
 * @example
 * const { output } = writeGift(questions);
 * parseGift(output).questions; // the same questions again (as version 1)
 */
export function writeGift(questions: readonly QuestionVersion[]): ExportResult<string> {
	const out: string[] = [];
	const issues: Issue[] = [];
	let category: string | undefined;
	for (const q of questions) {
		if (q.type === 'case' || (q.type === 'fill' && q.blanks.length !== 1)) {
			issues.push({
				code: 'format.export.unsupported',
				data: { questionId: q.id, type: q.type, format: 'GIFT' }
			});
			continue;
		}
		if (q.topic !== undefined && q.topic !== category) {
			out.push(`$CATEGORY: ${q.topic}`, '');
			category = q.topic;
		}
		const meta: Record<string, unknown> = { difficulty: q.difficulty, laws: q.laws, tags: q.tags };
		if (q.topic !== undefined) meta.topic = q.topic;
		if (q.points !== undefined) meta.points = q.points;
		if (q.type === 'essay') {
			if (q.referenceAnswer !== undefined) meta.referenceAnswer = q.referenceAnswer;
			if (q.rubric !== undefined) meta.rubric = q.rubric;
		}
		const general = q.explanation ? ` ####${escape(q.explanation)}` : '';
		let stem = escape(q.stem);
		let block: string;
		switch (q.type) {
			case 'single':
				block = q.options
					.map(
						(o) =>
							`${o.correct ? '=' : '~'}${escape(o.text)}${o.feedback ? `#${escape(o.feedback)}` : ''}`
					)
					.join(' ');
				break;
			case 'multiple': {
				const right = q.options.filter((o) => o.correct).length;
				const wrong = q.options.length - right;
				block = q.options
					.map(
						(o) =>
							`~%${weightText(o.correct ? 100 / right : -100 / Math.max(1, wrong))}%${escape(o.text)}${o.feedback ? `#${escape(o.feedback)}` : ''}`
					)
					.join(' ');
				break;
			}
			case 'truefalse':
				block = q.answer ? 'TRUE' : 'FALSE';
				break;
			case 'fill':
				block = q.blanks[0]!.answers.map((a) => `=${escape(a)}`).join(' ');
				break;
			case 'essay':
				block = '';
				break;
		}
		const text = `{${block}${general}}`;
		const markers = q.type === 'fill' ? (stem.match(BLANK_MARKER)?.length ?? 0) : 0;
		if (markers === 1) {
			// missing-word format; a marker at the very end is simply dropped (same question)
			const trimmed = stem.replace(/\s*_{3,}\s*$/, '');
			stem = trimmed !== stem ? `${trimmed} ${text}` : stem.replace(BLANK_MARKER, text);
		} else stem = `${stem} ${text}`;
		out.push(`${META} ${JSON.stringify(meta)}`, `::${escape(q.id)}::[markdown]${stem}`, '');
	}
	return { output: out.join('\n'), issues };
}
