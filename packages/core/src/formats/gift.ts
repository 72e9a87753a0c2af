/**
 * GIFT (Moodle's text format): parse and write, reading a file the way Moodle's `qformat_gift` does.
 *
 * Questions end at a blank line (CRLF, LF and CR-only line ends alike); comment lines (`//`) belong
 * to the question they stand in, and their `[id:…]` and `[tag:…]` tokens become the question id
 * (编号) and tags. A question holds one answer block: a second `{…}` or a `::title::` after it means
 * a blank line is missing, reported at its line, never read into the stem.
 *
 * Supported: multiple choice (`=right ~wrong`) → `single`; multiple response (no `=`, weights
 * `~%50%a ~%50%b ~%-100%c`: the options with a positive weight are the right ones, which must share
 * 100 % equally) → `multiple`; true/false (`{T}` `{TRUE}` `{F}` `{FALSE}`) → `truefalse`; short
 * answer (`{=a =%50%b}`) and missing word (`text {=a} text`) → `fill` with one blank (mid-sentence
 * blocks leave a `___` marker; `=%50%b` earns half the blank, a 0 % answer is dropped); essay (`{}`)
 * → `essay`; `$CATEGORY:` → `topic`; `::title::` → question id; per-answer feedback `#…` (kept on
 * choice options); general feedback `####…` → explanation; escapes `\~ \= \# \{ \} \: \\ \n`.
 * Format prefixes `[markdown]` (the default), `[plain]` (escaped to show as typed), `[html]` and
 * `[moodle]` (converted by `options.html`) apply to the question text and are inherited by its
 * answers, feedback and general feedback, each of which may carry its own.
 *
 * Refused with a clear issue rather than graded differently: a choice with partial credit in a
 * single-answer question (`{=a ~%50%b}`), several 100 % answers in one (`{=a =b ~c}`: Moodle makes
 * either one fully right), multiple-response weights that are unequal or do not add up to 100 %,
 * short answers with `*` wildcards, texts with pictures or recordings (`<img>`, `<audio>` …: the
 * file does not carry them and a question does not show them), answers marked with a full-width `＝` or `～` (a Chinese input
 * method's; Moodle would read the block as one short answer), matching (`->`), numeric (`{#…}`), descriptions (no answer
 * block), more than 26 options, and an `[id:…]` used twice (reported at the second, which is left
 * out). A title shared by several questions, which Moodle allows, gets each question's own suffix
 * (`title#123`, Moodle's number of it, or `title#L<line>`).
 *
 * Metadata GIFT cannot express (difficulty, laws, tags, topic, points, reference answer, rubric) is
 * written as a comment line `// xuefa: {json}` before each question and read back, so export → import
 * round-trips; Moodle ignores the comment. Untitled questions get the id `gift-<line>`.
 */
import type { Issue } from '../errors.ts';
import { BLANK_MARKER, type QuestionVersion } from '../question/model.ts';
import type { GiftAnswer, GiftRefusal, TypeBody } from '../question/types/module.ts';
import { QUESTION_TYPE_MODULES, questionTypeModules } from '../question/types/registry.ts';
import { validateQuestion } from '../question/validate.ts';
import {
	finish,
	tooManyQuestions,
	type ExportResult,
	type ImportOptions,
	type ImportResult
} from './result.ts';
import { escapeMarkdown, htmlToText, splitLines, stripInvisible } from './text.ts';

// Escaped characters become private-use placeholders while parsing (one character each, so that
// offsets still count lines).
const ESC: Record<string, string> = {
	'\\': '\uE000',
	'~': '\uE001',
	'=': '\uE002',
	'#': '\uE003',
	'{': '\uE004',
	'}': '\uE005',
	':': '\uE006',
	n: '\uE007'
};
const UNESC = new Map(Object.entries(ESC).map(([k, v]) => [v, k === 'n' ? '\n' : k]));
const protect = (s: string) => s.replace(/\\([\\~=#{}:n])/g, (_, c: string) => ESC[c]!);
const restore = (s: string) => s.replace(/[\uE000-\uE007]/g, (c) => UNESC.get(c)!);
// Stands for the `___` of a missing-word question while its text is converted from HTML or escaped.
const BLANK = '\uE010';
const META = '// xuefa:';
/** More answers than this in one block is not a question (a choice shows at most 26 options). */
const MAX_ANSWERS = 100;
const MAX_OPTIONS = 26;

type Format = 'markdown' | 'plain' | 'html' | 'moodle';

interface Block {
	line: number;
	text: string;
	comments: string[];
	category?: string;
	meta?: Record<string, unknown>;
}

function splitBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	let category: string | undefined;
	let cur: { line: number; lines: string[]; comments: string[] } | undefined;
	let comments: string[] = [];
	const flush = () => {
		if (cur) {
			let meta: Record<string, unknown> | undefined;
			for (const c of cur.comments) {
				if (!c.startsWith(META)) continue;
				try {
					meta = JSON.parse(c.slice(META.length)) as Record<string, unknown>;
				} catch {
					// an unreadable comment is still just a comment
				}
			}
			blocks.push({
				line: cur.line,
				text: cur.lines.join('\n'),
				comments: cur.comments,
				...(category !== undefined ? { category } : {}),
				...(meta ? { meta } : {})
			});
		}
		cur = undefined;
		// a fresh list: the flushed block keeps its own, even an empty one, which the comments
		// before the next question must not be added to
		comments = [];
	};
	splitLines(stripInvisible(text)).forEach((raw, i) => {
		const t = raw.trim();
		// Like Moodle, a blank line always ends a question.
		if (t === '') return flush();
		if (t.startsWith('//')) {
			(cur ? cur.comments : comments).push(t);
			return;
		}
		if (/^\$CATEGORY:/i.test(t)) {
			flush();
			category =
				t
					.replace(/^\$CATEGORY:\s*/i, '')
					.replace(/^\$(course|system|module)\$\/(top\/)?/, '')
					.trim() || undefined;
			return;
		}
		cur ??= { line: i + 1, lines: [], comments };
		cur.lines.push(raw);
	});
	flush();
	return blocks;
}

/**
 * Parses GIFT text into question versions (see the module notes for what is supported).
 *
 * @param text - the GIFT file's text
 * @param options - `partial` for a preview; `html` to convert `[html]` texts to Markdown;
 *   `maxQuestions` to stop at a number of questions
 * @returns questions and issues, each issue with the question's first `line` (or the line at fault)
 * @example
 * parseGift('::q1:: 行政处罚的种类包括警告。{T}').questions[0]; // → { id: 'q1', type: 'truefalse', answer: true, … }
 */
export function parseGift(text: string, options: ImportOptions = {}): ImportResult {
	const convert = (t: string, format: Format): string => {
		if (format === 'markdown') return t;
		if (format === 'plain') return escapeMarkdown(t);
		const html = format === 'moodle' ? t.replace(/\n/g, '<br>\n') : t;
		return options.html ? options.html(html) : escapeMarkdown(htmlToText(html));
	};
	const blocks = splitBlocks(text);
	const max = options.maxQuestions ?? Infinity;
	if (blocks.length > max) return tooManyQuestions(blocks[max]!.line, max);
	const parsed = distinguishRepeatedTitles(
		blocks,
		blocks.map((block) => parseBlock(block, convert))
	);
	const seen = new Map<string, number>();
	const entries = blocks.map((block, i) => {
		const entry = parsed[i]!;
		const id = entry.question?.id;
		if (id === undefined) return entry;
		const first = seen.get(id);
		if (first === undefined) {
			seen.set(id, block.line);
			return entry;
		}
		const line = block.line;
		return { issues: [{ code: 'format.gift.duplicate_id', line, data: { line, id, first } }] };
	});
	return finish(entries, [], options);
}

/** Moodle's own number of a question, from the comment its export writes before it (`// question: 123  name: …`). */
const MOODLE_NUMBER = /^\/\/\s*question:\s*(\d+)/;

/**
 * Moodle does not require question names to be unique, and real banks repeat them (a name per
 * type, or the stem's first words). A title that names more than one question of the file is made
 * each question's own: `title#123` with Moodle's number of the question when its export gave it,
 * else `title#L<line>`. Ids given on purpose (`[id:…]`, our own export's metadata) are left as
 * they are: one used twice is still reported.
 */
function distinguishRepeatedTitles<E extends { question?: QuestionVersion }>(
	blocks: readonly Block[],
	parsed: readonly E[]
): E[] {
	const titled = (i: number) =>
		blocks[i]!.meta === undefined && commentTokens(blocks[i]!.comments).id === undefined;
	const uses = new Map<string, number>();
	parsed.forEach((e, i) => {
		if (e.question && titled(i)) uses.set(e.question.id, (uses.get(e.question.id) ?? 0) + 1);
	});
	return parsed.map((e, i) => {
		const q = e.question;
		if (!q || !titled(i) || (uses.get(q.id) ?? 0) < 2) return e;
		const number = blocks[i]!.comments.map((c) => MOODLE_NUMBER.exec(c)?.[1]).find(Boolean);
		return { ...e, question: { ...q, id: `${q.id}#${number ?? `L${blocks[i]!.line}`}` } };
	});
}

/** A text's own `[format]` prefix, or the inherited one (Moodle's `parse_text_with_format`). */
function withFormat(text: string, inherited: Format): { text: string; format: Format } {
	const m = /^\s*\[(markdown|html|plain|moodle)\]/i.exec(text);
	return m
		? { text: text.slice(m[0].length), format: m[1]!.toLowerCase() as Format }
		: { text, format: inherited };
}

/** The first `]` at or after `from` that no backslash escapes, or -1. */
function closingBracket(line: string, from: number): number {
	let end = line.indexOf(']', from);
	while (end > 0 && line[end - 1] === '\\') end = line.indexOf(']', end + 1);
	return end;
}

/**
 * The values of `[name:…]` tokens in comment lines (`\]` escapes a bracket), read as Moodle's
 * pattern reads them but by a scan that only moves forward: a crafted line of unclosed tokens
 * stays linear.
 */
function tokenValues(lines: string[], name: string, forbidden: RegExp): string[] {
	const out: string[] = [];
	const open = `[${name}:`;
	const bad = new RegExp(forbidden.source, 'g');
	for (const line of lines) {
		let close = -1;
		let next = -2; // the first forbidden character from the current token on; -1: none left
		for (let at = line.indexOf(open); at >= 0; at = line.indexOf(open, at + 1)) {
			const start = at + open.length;
			if (close < start) close = closingBracket(line, start);
			if (close < 0) break; // nothing later on this line can close either
			if (next !== -1 && next < start) {
				bad.lastIndex = start;
				next = bad.exec(line)?.index ?? -1;
			}
			// every token that starts before a forbidden character contains it: go past it
			if (next >= 0 && next < close) {
				at = next;
				continue;
			}
			const clean = line.slice(start, close).replace(/\\\]/g, ']').trim();
			if (clean) out.push(clean);
			at = close;
		}
	}
	return out;
}

/** Moodle's `[id:…]` and `[tag:…]` tokens in a question's comments: the first id, every tag. */
function commentTokens(comments: string[]): { id?: string; tags: string[] } {
	const id = tokenValues(comments, 'id', /\[/)[0];
	return { ...(id ? { id } : {}), tags: tokenValues(comments, 'tag', /[<>[]/) };
}

function lineAt(text: string, offset: number, first: number): number {
	let line = first;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

type Convert = (text: string, format: Format) => string;

/** An HTML tag of a picture, a recording or an embedded page: what a question cannot hold. */
const MEDIA = /(?<!\\)<(img|image|svg|video|audio|iframe|object|embed)\b/i;

function parseBlock(
	block: Block,
	convert: Convert
): { question?: QuestionVersion; issues: Issue[] } {
	const line = block.line;
	const fail = (code: string, data: Record<string, unknown> = {}, at = line) => ({
		issues: [{ code, line: at, data: { line: at, ...data } }]
	});
	const raw = protect(block.text);
	const lead = raw.length - raw.trimStart().length;
	let p = raw.trim();
	let offset = lead; // where p starts within raw, for line numbers
	const tokens = commentTokens(block.comments);
	let id = `gift-${line}`;
	if (p.startsWith('::')) {
		const end = p.indexOf('::', 2);
		if (end >= 0) {
			id = restore(p.slice(2, end)).trim() || id;
			const rest = p.slice(end + 2);
			offset += end + 2 + (rest.length - rest.trimStart().length);
			p = rest.trim();
		}
	}
	if (tokens.id) id = tokens.id;
	const open = p.indexOf('{');
	const close = p.indexOf('}');
	if (open < 0 && close < 0) return fail('format.gift.unsupported', { kind: 'description' });
	if (open < 0 || close < open) return fail('format.gift.unclosed_brace');
	const afterRaw = p.slice(close + 1);
	// A second answer block, or a title, after the first: the next question with no blank line.
	const next = /[{}]|\n[ \t]*::/.exec(afterRaw);
	if (next) {
		return fail(
			'format.gift.second_block',
			{},
			lineAt(raw, offset + close + 1 + next.index + (next[0][0] === '\n' ? 1 : 0), line)
		);
	}
	let body = p.slice(open + 1, close).trim();
	let general: string | undefined;
	const sep = body.lastIndexOf('####');
	if (sep >= 0) {
		general = body.slice(sep + 4);
		body = body.slice(0, sep).trim();
	}
	// Text without a prefix is Markdown here: our own format, and what people type in plain files.
	const question = withFormat(
		`${p.slice(0, open)}${afterRaw.trim() ? BLANK : ''}${afterRaw}`,
		'markdown'
	);
	// a picture or a recording in a text: the GIFT file does not carry it (Moodle's export leaves
	// `@@PLUGINFILE@@` links behind) and stems do not show it; imported, the question would lack it
	let media: string | undefined;
	const text = (t: string, inherited = question.format) => {
		const f = withFormat(t, inherited);
		const written = restore(f.text.trim());
		// our own export's texts are as the bank holds them: they read back unchanged
		if (f.format !== 'plain' && !block.meta) media ??= MEDIA.exec(written)?.[1]?.toLowerCase();
		return convert(written, f.format).trim();
	};
	const m = block.meta ?? {};
	const str = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : undefined);
	// Our own export carries the topic in its metadata; other files only have categories.
	const topic = block.meta ? str('topic') : block.category;
	const explanation = general === undefined ? '' : text(general);
	const metaTags = Array.isArray(m.tags) ? (m.tags as string[]) : [];
	const meta = {
		id,
		version: 1,
		// our own export says how its stem drew the blank (see writeGift)
		stem:
			text(question.text, question.format).replace(BLANK, drawn(str('blank'), MARKER) ?? '___') +
			(drawn(str('blankEnd'), MARKER_AT_END) ?? ''),
		...(explanation ? { explanation } : {}),
		difficulty: typeof m.difficulty === 'number' ? m.difficulty : 3,
		laws: Array.isArray(m.laws) ? (m.laws as QuestionVersion['laws']) : [],
		...(topic ? { topic } : {}),
		tags: [...new Set([...metaTags, ...tokens.tags])],
		...(typeof m.points === 'number' ? { points: m.points } : {})
	};
	if (body.startsWith('#')) return fail('format.gift.unsupported', { kind: 'numeric' });
	// typed with a Chinese input method: Moodle would read `{＝甲 ～乙}` as one short answer (our
	// own export, with its metadata, may hold a `～` in a text)
	const wide = block.meta ? null : /(?:^|\s)([＝～])/.exec(body);
	if (wide) return fail('format.gift.full_width_marker', { value: wide[1] });
	if (!body.includes('~') && body.includes('=') && body.includes('->'))
		return fail('format.gift.unsupported', { kind: 'matching' });
	const read = (): GiftAnswer[] | GiftRefusal => {
		let markers = 0;
		for (const c of body) if (c === '~' || c === '=') markers++;
		if (markers > MAX_ANSWERS)
			return { issue: 'format.gift.too_many_answers', data: { count: markers, max: MAX_OPTIONS } };
		return readAnswers(body, text);
	};
	let answers: GiftAnswer[] | GiftRefusal | undefined;
	const input = { block: body, answers: () => (answers ??= read()), meta: str };
	// each type recognises its own blocks (essay `{}`, true/false `{T}`, choices, short answers)
	let outcome: TypeBody | GiftRefusal | undefined;
	for (const mod of questionTypeModules()) {
		outcome = mod.gift?.read(input);
		if (outcome) break;
	}
	if (!outcome) return fail('format.gift.unsupported', { kind: 'description' });
	if ('issue' in outcome) return fail(outcome.issue, outcome.data);
	if (media) return fail('format.gift.media', { tag: media });
	const q = { ...meta, ...outcome } as QuestionVersion;
	const issues = validateQuestion(q).errors.map((i) => ({
		code: 'format.gift.question',
		line,
		path: i.path ?? '',
		data: { line, issue: { code: i.code, data: i.data ?? {} } }
	}));
	return issues.length ? { issues } : { question: q, issues: [] };
}

function readAnswers(body: string, text: (t: string) => string): GiftAnswer[] | GiftRefusal {
	// Moodle reads text before the first marker as an answer too: `{Frog}` is a short answer.
	const first = body.search(/[=~]/);
	if (first > 0 && body.includes('~')) return { issue: 'format.gift.no_answer_marker', data: {} };
	const parts: string[] = first === 0 ? [] : [`=${first < 0 ? body : body.slice(0, first)}`];
	if (first >= 0) {
		let start = first;
		for (let i = first + 1; i <= body.length; i++) {
			if (i === body.length || body[i] === '=' || body[i] === '~') {
				parts.push(body.slice(start, i));
				start = i;
			}
		}
	}
	const list: GiftAnswer[] = [];
	for (const part of parts) {
		let rest = part.slice(1).trim();
		let weight: number | undefined;
		const w = /^%(-?\d+(?:\.\d+)?)%/.exec(rest);
		if (w) {
			weight = Number(w[1]);
			rest = rest.slice(w[0].length);
		} else if (rest.startsWith('%')) {
			return { issue: 'format.gift.bad_weight', data: { value: restore(rest) } };
		}
		const hash = rest.indexOf('#');
		const answer = hash >= 0 ? rest.slice(0, hash) : rest;
		const feedback = hash >= 0 ? text(rest.slice(hash + 1)) : '';
		list.push({
			mark: part[0] as '=' | '~',
			...(weight === undefined ? {} : { weight }),
			text: text(answer),
			raw: restore(answer).trim(),
			...(feedback ? { feedback } : {})
		});
	}
	return list;
}

/**
 * The stem without the blank marker at its very end and the spaces around it; undefined when it
 * ends otherwise. A scan: `\s*_{3,}\s*$` is tried from every space of a run, quadratic in it.
 */
// the blank as a stem draws it, kept in our export's metadata: underscores only, at the end with spaces
const MARKER = /^_{3,}$/;
const MARKER_AT_END = /^[ \t\u3000]*_{3,}[ \t\u3000]*$/;
const drawn = (written: string | undefined, shape: RegExp) =>
	written !== undefined && shape.test(written) ? written : undefined;

function withoutFinalBlank(stem: string): string | undefined {
	const t = stem.trimEnd();
	let start = t.length;
	while (start > 0 && t[start - 1] === '_') start--;
	return t.length - start >= 3 ? t.slice(0, start).trimEnd() : undefined;
}

const escapeText = (s: string) =>
	s.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
// A text that starts like a format prefix keeps its bracket: it is Markdown, say so.
const escape = (s: string) => `${/^\s*\[/.test(s) ? '[markdown]' : ''}${escapeText(s)}`;

/**
 * Writes questions as GIFT (with a `// xuefa:` metadata comment per question, see the module notes).
 * Case questions and fill-ins with several blanks cannot be written and are reported.
 *
 * @param questions - the question versions
 * @param options - `category`: the `$CATEGORY` already in force, when `questions` continue a file
 *   written in parts (a large bank a page at a time): it is not written again
 * @returns `output`: the GIFT text; `issues`: per question left out, `format.export.gift.case`,
 *   `format.export.gift.blanks` (a fill-in of several blanks) or `format.export.unsupported`
 * @example
 * const { output } = writeGift(questions);
 * parseGift(output).questions; // the same questions again (as version 1)
 */
export function writeGift(
	questions: readonly QuestionVersion[],
	options: { category?: string } = {}
): ExportResult<string> {
	const out: string[] = [];
	const issues: Issue[] = [];
	let category = options.category;
	for (const q of questions) {
		const written = QUESTION_TYPE_MODULES[q.type].gift?.write(q as never, escape);
		if (!written) {
			// why, where GIFT has no form for it: a case, a fill-in of several blanks
			const code =
				q.type === 'case'
					? 'format.export.gift.case'
					: q.type === 'fill' && q.blanks.length > 1
						? 'format.export.gift.blanks'
						: 'format.export.unsupported';
			issues.push({
				code,
				data: {
					questionId: q.id,
					type: q.type,
					format: 'GIFT',
					...(q.type === 'fill' ? { blanks: q.blanks.length } : {})
				}
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
		Object.assign(meta, written.meta);
		const general = q.explanation ? ` ####${escape(q.explanation)}` : '';
		let stem = escapeText(q.stem);
		const block = written.block;
		const text = `{${block}${general}}`;
		if (written.inline) {
			// missing-word format; a marker at the very end is simply dropped (same question). The
			// metadata keeps the marker as the stem draws it (`______`, or the dropped end), so
			// that a re-import finds the question unchanged rather than a new version
			const trimmed = withoutFinalBlank(stem);
			const marker = q.stem.match(BLANK_MARKER)?.[0] ?? '___';
			const end = withoutFinalBlank(q.stem);
			if (trimmed !== undefined && end !== undefined) meta.blankEnd = q.stem.slice(end.length);
			else if (marker !== '___') meta.blank = marker;
			stem = trimmed !== undefined ? `${trimmed} ${text}` : stem.replace(BLANK_MARKER, text);
		} else stem = `${stem} ${text}`;
		// Moodle reads tags from `[tag:…]` comments; ours come back from the metadata as well
		const tags = q.tags.map((t) => `// [tag:${t.replace(/\]/g, '\\]')}]`);
		out.push(
			`${META} ${JSON.stringify(meta)}`,
			...tags,
			`::${escapeText(q.id)}::[markdown]${stem}`,
			''
		);
	}
	return { output: out.join('\n'), issues };
}
