// Adds or updates messages in both catalogues at once, keeping keys sorted:
//   node scripts/messages.mjs add key "中文" "English" [key "中文" "English" …]
//   node scripts/messages.mjs check      (fails when the locales differ in keys or placeholders)
import { readFileSync, writeFileSync } from 'node:fs';

const files = { 'zh-CN': 'messages/zh-CN.json', en: 'messages/en.json' };
const load = (f) => JSON.parse(readFileSync(f, 'utf8'));
const save = (f, obj) => {
	const sorted = Object.fromEntries(
		Object.entries(obj).sort(([a], [b]) =>
			a === '$schema' ? -1 : b === '$schema' ? 1 : a < b ? -1 : 1
		)
	);
	writeFileSync(f, JSON.stringify(sorted, null, '\t') + '\n');
};

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'add') {
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
	const params = (s) =>
		[...String(s).matchAll(/\{(\w+)\}/g)]
			.map((m) => m[1])
			.sort()
			.join(',');
	const problems = [];
	for (const k of new Set([...Object.keys(zh), ...Object.keys(en)])) {
		if (!(k in zh)) problems.push(`${k}: missing in zh-CN`);
		else if (!(k in en)) problems.push(`${k}: missing in en`);
		else if (params(zh[k]) !== params(en[k])) problems.push(`${k}: placeholders differ`);
	}
	if (problems.length) {
		console.error(problems.join('\n'));
		process.exit(1);
	}
	console.log(`messages: ${Object.keys(zh).length - 1} keys in both locales`);
} else {
	console.error('usage: node scripts/messages.mjs add key zh en … | check');
	process.exit(2);
}
