// Adds or updates messages in both catalogues at once, keeping keys sorted:
//   node scripts/messages.mjs add key "中文" "English" [key "中文" "English" …]
//   node scripts/messages.mjs check      (fails when the locales differ in keys or placeholders, an
//                                        English string has Chinese full-width punctuation or a
//                                        “day(s)” plural, or a
//                                        component writes such punctuation beside its messages)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const files = { 'zh-CN': 'messages/zh-CN.json', en: 'messages/en.json' };
/** @param {string} f @returns {Record<string, string>} */
const load = (f) => JSON.parse(readFileSync(f, 'utf8'));
/** @param {string} f @param {Record<string, string>} obj */
const save = (f, obj) => {
	const sorted = Object.fromEntries(
		Object.entries(obj).sort(([a], [b]) =>
			a === '$schema' ? -1 : b === '$schema' ? 1 : a < b ? -1 : 1
		)
	);
	writeFileSync(f, JSON.stringify(sorted, null, '\t') + '\n');
};

// Chinese punctuation has its own full-width forms (，。、；：！？（）《》【】「」…); in English text they
// read as typos. Ideographic numerals such as 〇 are not punctuation and are left out of the range.
const FULL_WIDTH_PUNCTUATION =
	/[\u3000-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;

/**
 * What is wrong with a pair of catalogues: a key missing in one locale, placeholders that differ,
 * Chinese full-width punctuation in an English string, or an English “day(s)” (a count's sentence
 * has a singular twin `<key>_one` instead, chosen by `byCount` in src/lib/i18n.ts).
 * @param {Record<string, string>} zh
 * @param {Record<string, string>} en
 * @returns {string[]} one line per problem
 */
export function catalogueProblems(zh, en) {
	/** @param {string} s */
	const params = (s) =>
		[...String(s).matchAll(/\{(\w+)\}/g)]
			.map((m) => m[1])
			.sort()
			.join(',');
	const problems = [];
	for (const k of new Set([...Object.keys(zh), ...Object.keys(en)])) {
		if (k === '$schema') continue;
		if (!(k in zh)) problems.push(`${k}: missing in zh-CN`);
		else if (!(k in en)) problems.push(`${k}: missing in en`);
		else if (params(zh[k] ?? '') !== params(en[k] ?? ''))
			problems.push(`${k}: placeholders differ`);
		const mark = FULL_WIDTH_PUNCTUATION.exec(en[k] ?? '');
		if (mark) problems.push(`${k}: Chinese punctuation “${mark[0]}” in English`);
		if (/\w\(s\)/.test(en[k] ?? '')) problems.push(`${k}: “(s)” in English: add a ${k}_one`);
	}
	return problems;
}

// What a template writes around its messages (名称：{…}, {…}（{…}）) shows in English pages as it is:
// the separators come from the catalogue (common_label, common_with_note …). Book-title marks 《》
// around a Chinese law name are part of the name and stay.
const TEMPLATE_PUNCTUATION = /[：，。；（）]/;

// Svelte drops the white space at the start and end of a block's or an element's content, so a
// separator that begins an {#if} or a <span> on a new line right after other text
// (`{a}{#if b}⏎ · {b}{/if}`), or ends an {#if} right before it, reads “a· b” / “a ·b”: the space
// belongs outside.
const GLUED_SEPARATOR =
	/[^\s>](?:\{(?:#if|:else)[^}\n]*\}|<[a-z]+[^>]*>)\s+·|·\s+\{(?:\/if|:else[^}\n]*)\}[^\s<]/g;

/**
 * Full-width punctuation written in a Svelte component's markup or script, comments aside, and
 * a separator “·” that Svelte's white-space rules glue to the text beside it.
 * @param {string} file the component's path, for the message
 * @param {string} text its source
 * @returns {string[]} one line per problem
 */
export function templateProblems(file, text) {
	const blank = (/** @type {string} */ s) => s.replace(/[^\n]/g, ' ');
	const code = text
		.replace(/<!--[\s\S]*?-->/g, blank)
		.replace(/\/\*[\s\S]*?\*\//g, blank)
		.replace(/(^|[^:])\/\/.*$/gm, (_, before) => before);
	const punctuation = code.split('\n').flatMap((line, i) => {
		const mark = TEMPLATE_PUNCTUATION.exec(line);
		return mark ? [`${file}:${i + 1}: Chinese punctuation “${mark[0]}” beside the messages`] : [];
	});
	const lineOf = (/** @type {number} */ at) => code.slice(0, at).split('\n').length;
	const glued = [...code.matchAll(GLUED_SEPARATOR)].map(
		(m) => `${file}:${lineOf(m.index + m[0].indexOf('·'))}: “·” glued to the text beside it`
	);
	return [...punctuation, ...glued].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The Svelte components of the app. */
function components() {
	return readdirSync('src', { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.svelte'))
		.map((f) => `src/${f}`);
}

const isCli =
	process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
const [cmd, ...args] = isCli ? process.argv.slice(2) : [];
if (!isCli) {
	// imported (by a test): no command to run
} else if (cmd === 'add') {
	const zh = load(files['zh-CN']);
	const en = load(files.en);
	for (let i = 0; i < args.length; i += 3) {
		const [key, z, e] = args.slice(i, i + 3);
		if (!key || z === undefined || e === undefined) throw new Error(`incomplete triple at ${key}`);
		zh[key] = z;
		en[key] = e;
	}
	save(files['zh-CN'], zh);
	save(files.en, en);
} else if (cmd === 'check') {
	const zh = load(files['zh-CN']);
	const en = load(files.en);
	const problems = [
		...catalogueProblems(zh, en),
		...components().flatMap((f) => templateProblems(f, readFileSync(f, 'utf8')))
	];
	if (problems.length) {
		console.error(problems.join('\n'));
		process.exit(1);
	}
	console.log(`messages: ${Object.keys(zh).length - 1} keys in both locales`);
} else {
	console.error('usage: node scripts/messages.mjs add key zh en … | check');
	process.exit(2);
}
