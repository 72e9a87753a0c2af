// Good uploads at their size limits — a 5 MB question bank, a 5,000-row roster, a 2 MB statute —
// previewed and then imported on the built server, while another client times GET /healthz one
// request after another: the request loop must keep answering while the body is read, parsed,
// checked, staged and published. Figures only; used by scripts/bench-uploads.mjs.
import * as devalue from 'devalue';

const MB = 1024 * 1024;

/**
 * A bank of single-choice questions of about 1 KB each, filling `bytes` (at most 5,000 rows);
 * `edition` 2 changes every stem (the same 编号: each question gets a new version).
 */
export function goodQuestionCsv(edition = 1, bytes = 5 * MB - 64 * 1024) {
	const header = '编号,题型,题干,选项A,选项B,选项C,答案\r\n';
	const filler = (
		edition === 1 ? '行政机关应当依法全面正确履行职能' : '行政机关应当严格规范公正文明执法'
	).repeat(20);
	const rows = [header];
	let size = Buffer.byteLength(header);
	for (let i = 1; i <= 5000; i++) {
		const row = `Q${i},单选,"第${i}题：${filler}，下列说法正确的是？",甲${i},乙${i},丙${i},A\r\n`;
		size += Buffer.byteLength(row);
		if (size > bytes) break;
		rows.push(row);
	}
	return Buffer.from(rows.join(''));
}

/** 5,000 new people of the demo's 区司法局 (the roster's row limit). */
export function goodRosterCsv(rows = 5000) {
	const lines = ['单位,姓名,工号,职务,职级,任命方式,状态,角色'];
	for (let i = 1; i <= rows; i++)
		lines.push(
			`区司法局,测试人员${i},BENCH${String(i).padStart(5, '0')},科员,科员,非人大任命,在职,学员`
		);
	return Buffer.from(lines.join('\r\n'));
}

/**
 * A statute of numbered articles of about 500 bytes each, filling `bytes`; `edition` 2 changes
 * every article (a new version, compared article by article with the current one).
 */
export function goodStatute(edition = 1, bytes = 2 * MB - 64 * 1024) {
	const digits = '〇一二三四五六七八九';
	const chinese = (n) =>
		String(n)
			.split('')
			.map((d) => digits[Number(d)])
			.join('');
	const lines = ['# 基准测试条例', ''];
	let size = 64;
	for (let i = 1; ; i++) {
		const line = `第${chinese(i)}条 行政机关应当依法全面正确履行职能，坚持法定职责必须为、法无授权不可为。${(edition === 1 ? '本条款用于测试。' : '本条款用于比较。').repeat(12)}\n`;
		size += Buffer.byteLength(line);
		if (size > bytes) break;
		lines.push(line);
	}
	return Buffer.from(lines.join('\n'));
}

/** What an action answered, parsed as SvelteKit's client parses it. */
async function actionResult(response) {
	const text = await response.text();
	try {
		const result = JSON.parse(text);
		return {
			type: result.type,
			location: result.location,
			data: result.data && devalue.parse(result.data)
		};
	} catch {
		return { type: 'unreadable', data: text.slice(0, 300) };
	}
}

/**
 * Times GET /healthz, one request after another, while `work()` runs; returns the work's result
 * with the latencies.
 */
async function probed(origin, work) {
	let done = false;
	const running = work().finally(() => (done = true));
	const samples = [];
	while (!done) {
		const t = performance.now();
		await fetch(`${origin}/healthz`).then((r) => r.arrayBuffer());
		samples.push(performance.now() - t);
		await new Promise((r) => setTimeout(r, 5));
	}
	return { value: await running, samples };
}

/** Posts an action of `page` as an enhanced form does. */
function postAction(origin, cookie, page, action, body) {
	return fetch(`${origin}${page}?/${action}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, cookie, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body
	});
}

/** Polls the job page's data until the job is no longer running; returns its state. */
async function jobEnded(origin, cookie, location) {
	const url = new URL(location, origin);
	const data = `${origin}${url.pathname.replace(/\/$/, '')}/__data.json${url.search}`;
	for (let i = 0; i < 2400; i++) {
		const page = await fetch(data, { headers: { cookie } }).then((r) => r.json());
		const nodes = (page.nodes ?? []).map((n) =>
			n?.type === 'data' ? devalue.unflatten(n.data) : null
		);
		const job = nodes.find((n) => n?.job)?.job;
		// the statute page redirects to the library once its job is done
		if (!job) return page.type === 'redirect' ? 'done' : 'no job';
		if (job.state !== 'running')
			return job.state === 'done' ? 'done' : `failed: ${job.failure?.message}`;
		await new Promise((r) => setTimeout(r, 250));
	}
	return 'still running';
}

/**
 * Previews then imports each good file as its page does. `login(username)` gives a cookie.
 * @returns rows of { label, step, ms, samples (latencies), outcome }
 */
export async function benchGoodUploads(origin, login, bankId) {
	const bank = (label, bytes) => ({
		label,
		user: 'organiser',
		page: `/banks/${bankId}/import`,
		name: 'bank.csv',
		bytes,
		fields: { format: 'auto' },
		confirm: (id) => ({ stagedId: id, status: 'draft' })
	});
	const statute = (label, bytes, version) => ({
		label,
		user: 'organiser',
		page: '/laws/import',
		name: '基准测试条例.md',
		bytes,
		fields: { format: 'auto' },
		confirm: (id) => ({ stagedId: id, label: version })
	});
	const files = [
		bank('questions csv', goodQuestionCsv()),
		{
			label: 'roster csv',
			user: 'admin',
			page: '/admin/roster',
			name: 'roster.csv',
			bytes: goodRosterCsv(),
			fields: {},
			confirm: (id) => ({ stagedId: id })
		},
		statute('statute text', goodStatute(), '基准测试条例'),
		// the same files again, every question and article changed: updates, and a statute diff
		bank('questions csv, every question changed', goodQuestionCsv(2)),
		statute('statute text, every article changed', goodStatute(2), '基准测试条例（修订）')
	];
	const rows = [];
	for (const f of files) {
		const cookie = await login(f.user);
		const form = new FormData();
		form.set('file', new Blob([f.bytes]), f.name);
		for (const [k, v] of Object.entries(f.fields)) form.set(k, v);
		const size = `${(f.bytes.length / MB).toFixed(1)} MB`;
		let started = performance.now();
		const preview = await probed(origin, async () =>
			actionResult(await postAction(origin, cookie, f.page, 'preview', form))
		);
		const stagedId = preview.value.data?.preview?.stagedId ?? null;
		rows.push({
			label: `${f.label}, ${size}: preview`,
			ms: performance.now() - started,
			samples: preview.samples,
			outcome: stagedId
				? 'staged'
				: `not staged: ${JSON.stringify(preview.value.data).slice(0, 200)}`
		});
		if (!stagedId) continue;
		started = performance.now();
		const imported = await probed(origin, async () => {
			const r = await actionResult(
				await postAction(origin, cookie, f.page, 'import', new URLSearchParams(f.confirm(stagedId)))
			);
			if (r.type !== 'redirect') return `refused: ${JSON.stringify(r.data).slice(0, 200)}`;
			return jobEnded(origin, cookie, r.location);
		});
		rows.push({
			label: `${f.label}, ${size}: import job`,
			ms: performance.now() - started,
			samples: imported.samples,
			outcome: imported.value
		});
	}
	return rows;
}
