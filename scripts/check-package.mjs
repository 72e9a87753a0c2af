// Packs @xuefa/core as it would be published and uses the tarball the way someone else would:
// installed into a throwaway plain Node ESM project and into a strict TypeScript project (NodeNext),
// both in a temporary folder outside the workspace, so nothing can resolve to the sources. The
// tarball's dependencies come from npm's cache or the registry. Exits non-zero on any failure.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const exec = promisify(execFile);
// npm gives this workspace's tools the "@xuefa/source" condition (.npmrc); an outside project
// must not have it, or Node would pick the tarball's TypeScript sources instead of dist/
const env = {
	...process.env,
	NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace(/--conditions=@xuefa\/source/g, '')
};
const run = async (command, args, cwd) => (await exec(command, args, { cwd, env })).stdout;
const started = performance.now();

/** A statute in the layout of the project's law files, and what reading it must give. */
const STATUTE =
	'# 中华人民共和国示例法\\n\\n第一条 为了示例，制定本法。\\n\\n第二条 本法自公布之日起施行。\\n';

const ESM_CONSUMER = `import assert from 'node:assert/strict';
import { appendEntry, checkVerificationCode, parseStatuteMarkdown, verifyChain } from '@xuefa/core';

const { statute, issues } = parseStatuteMarkdown('${STATUTE}');
assert.equal(statute.title, '中华人民共和国示例法');
assert.deepEqual(statute.articles.map((a) => a.no), [1, 2]);
assert.deepEqual(issues, []);

const entry = appendEntry(null, {
	at: '2026-01-05T08:00:00.000Z', actorId: 'hr1', action: 'promotion.checked',
	subjectType: 'PromotionCase', subjectId: 'case-1'
});
assert.match(entry.hash, /^[0-9a-f]{64}$/);
assert.equal(verifyChain([entry]).ok, true);
assert.equal(verifyChain([{ ...entry, actorId: 'someone else' }]).ok, false);
assert.equal(checkVerificationCode('not a code').ok, false);
`;

const TS_CONSUMER = `import { parseStatuteMarkdown, type Statute, type StatuteParseResult } from '@xuefa/core';

const result: StatuteParseResult = parseStatuteMarkdown('${STATUTE}');
const statute: Statute = result.statute;
export const firstArticle: number | undefined = statute.articles[0]?.no;

// the declarations are real types, not \`any\`: a wrong call must not compile
// @ts-expect-error a statute's source is text
parseStatuteMarkdown(42);
`;

const TSCONFIG = {
	compilerOptions: {
		target: 'ES2022',
		module: 'NodeNext',
		moduleResolution: 'NodeNext',
		// no DOM and no Node types: the declarations must stand on their own
		lib: ['ES2022'],
		types: [],
		strict: true,
		noEmit: true,
		// check the package's own declarations too
		skipLibCheck: false
	},
	files: ['index.ts']
};

/** A throwaway project holding `files`, with the tarball installed. */
async function consumer(dir, name, tarball, files) {
	mkdirSync(dir);
	const manifest = { name, private: true, type: 'module' };
	writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
	for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
	await run(
		'npm',
		['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
		dir
	);
}

const work = mkdtempSync(join(tmpdir(), 'xuefa-core-pack-'));
try {
	// prepack builds dist/ afresh
	const packed = JSON.parse(
		await run('npm', ['pack', '-w', '@xuefa/core', '--pack-destination', work, '--json'], root)
	)[0];
	const paths = packed.files.map((f) => f.path);
	for (const needed of ['dist/index.js', 'dist/index.d.ts', 'README.md', 'LICENSE'])
		if (!paths.includes(needed)) throw new Error(`the tarball lacks ${needed}`);
	const strays = paths.filter((p) => /\.test\.|(^|\/)testing\//.test(p));
	if (strays.length) throw new Error(`the tarball holds test files: ${strays.join(', ')}`);
	const tarball = join(work, packed.filename);

	const esm = join(work, 'esm');
	const ts = join(work, 'ts');
	await Promise.all([
		consumer(esm, 'plain-esm-consumer', tarball, { 'index.js': ESM_CONSUMER }),
		consumer(ts, 'typescript-consumer', tarball, {
			'index.ts': TS_CONSUMER,
			'tsconfig.json': JSON.stringify(TSCONFIG)
		})
	]);
	await Promise.all([run(process.execPath, ['index.js'], esm), run(process.execPath, [tsc], ts)]);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`${packed.filename} (${(packed.size / 1024).toFixed(0)} KB, ${paths.length} files): ` +
			`imported by plain Node ESM, type-checked by tsc (strict, NodeNext) in ${seconds} s`
	);
} catch (e) {
	// execFile's error carries the failing command's own output
	console.error(e instanceof Error ? e.message : e);
	if (e?.stdout) console.error(e.stdout);
	if (e?.stderr) console.error(e.stderr);
	process.exitCode = 1;
} finally {
	rmSync(work, { recursive: true, force: true });
	// the workspace runs on the core's sources: without dist/, the tests that follow prove it
	rmSync(join(root, 'packages', 'core', 'dist'), { recursive: true, force: true });
}
