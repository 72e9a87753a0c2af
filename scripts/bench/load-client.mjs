// The load generator of `npm run bench:load`, a process of its own so that it never shares the
// server's event loop. It plays N candidates over HTTP as their browsers would (cookies, Origin
// headers, the exam page's JSON saves) against one or more app processes, and measures each step:
//   ceiling  a trivial endpoint as fast as C clients can ask (the server's ceiling)
//   login    N logins spread over the ramp (the minutes before the window, compressed)
//   sitting  each then opens the sitting's page (its rules, and the start button once it opens)
//   start    each candidate presses start within 10 s of the window opening, and gets the paper:
//            as a phone's browser with JavaScript does (the start endpoint's answer is the paper
//            itself), or with `noJs` as one without (the form action's 303, then the page's HTML)
//   save     an answer every ~10 s each (jittered), `rounds` times
//   burst    then C candidates save back to back for a few seconds: the saves' own ceiling
//   submit   each submits within 10 s
// while the trivial endpoint is also asked at a steady rate throughout (its latency under load).
// Reads its settings from the JSON file argv[2] names; prints the figures as JSON on stdout.

import { readFileSync } from 'node:fs';
import http from 'node:http';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const jitter = (ms, spread = 0.3) => ms * (1 - spread + Math.random() * 2 * spread);

// Node's own HTTP client, not fetch: measured here, fetch spends ~0.3 CPU-ms more per request
// (its web streams), and this process shares the machine's two cores with the servers it measures.
// Connections are kept and reused as a browser's are, as many at once as asked for.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/**
 * A request as `fetch(url, { redirect: 'manual', ...init })` makes it, answered with what the
 * checks read: the status, the headers (`get`, `getSetCookie`) and the body's text.
 */
function request(url, { method = 'GET', headers = {}, body } = {}) {
	const text = body === undefined ? undefined : String(body);
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				method,
				agent,
				headers:
					text === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(text) }
			},
			(res) => {
				let received = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (received += chunk));
				res.on('error', reject);
				res.on('end', () =>
					resolve({
						status: res.statusCode,
						headers: {
							get: (name) => {
								const v = res.headers[name.toLowerCase()];
								return Array.isArray(v) ? v.join(', ') : (v ?? null);
							},
							getSetCookie: () => res.headers['set-cookie'] ?? []
						},
						text: received
					})
				);
			}
		);
		req.on('error', reject);
		req.end(text);
	});
}

/** One step's figures: latencies of the good answers, and errors by kind. */
function step() {
	return { times: [], errors: {}, first: Infinity, last: 0 };
}
const steps = {
	ceiling: step(),
	login: step(),
	sitting: step(),
	start: step(),
	page: step(),
	save: step(),
	burst: step(),
	submit: step(),
	trivial: step()
};

const seenFailures = new Set();

/**
 * Times one request: `check` gets the response and its body and returns null when the answer is
 * right, or a word for what was wrong with it. A request that fails outright counts as
 * `connection closed`.
 */
async function timed(name, url, init, check) {
	const s = steps[name];
	const started = performance.now();
	s.first = Math.min(s.first, started);
	let res;
	let body;
	try {
		res = await request(url, init);
		body = res.text;
	} catch (e) {
		// what failed, once per kind (a reset, a refused connection …)
		const why = `${e.code ?? e.name}: ${e.message}`;
		if (!seenFailures.has(why)) {
			seenFailures.add(why);
			console.error(`${name}: ${why}`);
		}
		s.errors['connection closed'] = (s.errors['connection closed'] ?? 0) + 1;
		s.last = Math.max(s.last, performance.now());
		return null;
	}
	const ended = performance.now();
	s.last = Math.max(s.last, ended);
	const wrong = res.status >= 400 ? `HTTP ${res.status}` : check(res, body);
	if (wrong) {
		s.errors[wrong] = (s.errors[wrong] ?? 0) + 1;
		return null;
	}
	s.times.push(ended - started);
	return { res, body };
}

/** A browser's cookies for one site. */
class Jar {
	#cookies = new Map();
	take(res) {
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const eq = pair.indexOf('=');
			this.#cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
		}
	}
	get header() {
		return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}
}

/** A form posted as a browser posts it: without JavaScript, or `fetched` by the page's script. */
const form = (origin, jar, fields, fetched = false) => ({
	method: 'POST',
	headers: {
		origin,
		cookie: jar.header,
		'content-type': 'application/x-www-form-urlencoded',
		accept: fetched ? 'application/json' : 'text/html'
	},
	body: new URLSearchParams(fields)
});
const redirectTo = (pattern) => (res) =>
	res.status === 303 && pattern.test(res.headers.get('location') ?? '') ? null : 'wrong answer';
const ATTEMPT_PAGE = /^\/exams\/a\/\d+$/;
/** A start's answer with JavaScript: the attempt's paper, as JSON (routes/(app)/exams/s/[id]/start). */
const startedWithPaper = (res, body) => (paperOfStart(body) ? null : 'wrong answer');
function paperOfStart(body) {
	try {
		const paper = JSON.parse(body);
		return paper?.items?.length > 0 ? paper : null;
	} catch {
		return null;
	}
}

/** The paper's question ids, from the exam page's HTML (its serialised data). */
const questionsInHtml = (html) => [
	...new Set([...html.matchAll(/questionId"?:\s*"(\d+)"/g)].map((m) => m[1]))
];

const trivialOk = (res) => (res.status === 200 ? null : 'wrong answer');

/** C clients ask the trivial endpoint back to back for `ms`: requests per second. */
async function ceiling(ms) {
	const end = performance.now() + ms;
	await Promise.all(
		Array.from({ length: cfg.concurrency }, async (_, i) => {
			const origin = cfg.origins[i % cfg.origins.length];
			while (performance.now() < end)
				await timed('ceiling', origin + cfg.trivialPath, {}, trivialOk);
		})
	);
}

/** The trivial endpoint at a steady rate until `stop()`. */
function steadyTrivial() {
	let running = true;
	const pending = [];
	const loop = (async () => {
		for (let i = 0; running; i++) {
			const origin = cfg.origins[i % cfg.origins.length];
			pending.push(timed('trivial', origin + cfg.trivialPath, {}, trivialOk));
			await sleep(1000 / cfg.trivialRate);
		}
	})();
	return async () => {
		running = false;
		await loop;
		await Promise.all(pending);
	};
}

/** One candidate, from login to submit; resolves when they are done (or could not go on). */
async function candidate(i, t0, rampMs, open) {
	const origin = cfg.origins[i % cfg.origins.length];
	const jar = new Jar();
	const me = { origin, jar, attempt: null, questions: [] };
	// login: spread over the ramp, as people arrive in the minutes before the window
	await sleep(t0 + (rampMs * i) / cfg.usernames.length - performance.now());
	const login = await timed(
		'login',
		`${origin}/login`,
		form(origin, jar, { username: cfg.usernames[i], password: cfg.password }),
		(res) =>
			res.status === 303 && /xuefa_session=/.test(res.headers.get('set-cookie') ?? '')
				? null
				: 'wrong answer'
	);
	if (!login) return me;
	jar.take(login.res);
	// the sitting's page: its rules, read while waiting for the window
	const rules = await timed(
		'sitting',
		`${origin}/exams/s/${cfg.sittingId}`,
		{ headers: { cookie: jar.header } },
		(res) => (res.status === 200 ? null : 'wrong answer')
	);
	if (!rules) return me;
	// start: within 10 s of the window opening
	await open;
	await sleep(Math.random() * cfg.startSpreadMs);
	const start = await timed(
		'start',
		cfg.noJs
			? `${origin}/exams/s/${cfg.sittingId}?/start`
			: `${origin}/exams/s/${cfg.sittingId}/start`,
		form(origin, jar, { confirm: 'on' }, !cfg.noJs),
		cfg.noJs ? redirectTo(ATTEMPT_PAGE) : startedWithPaper
	);
	if (!start) return me;
	jar.take(start.res);
	if (cfg.noJs) {
		const location = start.res.headers.get('location');
		me.attempt = Number(location.split('/').pop());
		// the browser goes on to the exam page: the paper, no keys
		const page = await timed(
			'page',
			origin + location,
			{ headers: { cookie: jar.header } },
			(res, body) => (res.status === 200 && /questionId/.test(body) ? null : 'wrong answer')
		);
		if (!page) return me;
		me.questions = questionsInHtml(page.body);
	} else {
		const paper = paperOfStart(start.body);
		me.attempt = paper.id;
		me.questions = paper.items.map((item) => String(item.questionId));
	}
	if (me.questions.length === 0) return me;
	// saves: one answer about every 10 s
	await sleep(Math.random() * cfg.saveEveryMs);
	for (let seq = 1; seq <= cfg.rounds; seq++) {
		await save(me, seq, 'save');
		if (seq < cfg.rounds) await sleep(jitter(cfg.saveEveryMs));
	}
	return me;
}

/** The exam page's save of one answer (its JSON shape), checked against what came back. */
function save(me, seq, name) {
	const questionId = me.questions[seq % me.questions.length];
	return timed(
		name,
		`${me.origin}/exams/a/${me.attempt}/save`,
		{
			method: 'POST',
			headers: { origin: me.origin, cookie: me.jar.header, 'content-type': 'application/json' },
			body: JSON.stringify({
				saves: [
					{
						questionId,
						seq,
						response: { type: 'single', choice: 'ABCD'[seq % 4] },
						flagged: false
					}
				]
			})
		},
		(res, body) => {
			let answer;
			try {
				answer = JSON.parse(body);
			} catch {
				return 'wrong answer';
			}
			if (answer.kind === 'closed') return 'attempt closed';
			const s = answer.saved?.[0];
			return answer.kind === 'saved' && s?.questionId === questionId && s.seq === seq && s.applied
				? null
				: 'wrong answer';
		}
	);
}

/** C of the candidates save back to back for `ms`, each with its next sequence number. */
async function burst(people, ms) {
	const end = performance.now() + ms;
	const ready = people.filter((p) => p.questions.length > 0);
	await Promise.all(
		ready.slice(0, cfg.concurrency).map(async (p) => {
			for (let seq = cfg.rounds + 1; performance.now() < end; seq++) await save(p, seq, 'burst');
		})
	);
}

async function submit(me) {
	if (me.attempt === null) return;
	await sleep(Math.random() * cfg.startSpreadMs);
	await timed(
		'submit',
		`${me.origin}/exams/a/${me.attempt}?/submit`,
		form(me.origin, me.jar, {}),
		redirectTo(/\/result$/)
	);
}

// warm up each process (templates, statements), then its ceiling
for (const origin of cfg.origins)
	for (let i = 0; i < 20; i++) await request(origin + cfg.trivialPath);
await ceiling(cfg.ceilingMs);

const stopTrivial = steadyTrivial();
const t0 = performance.now();
// the logins spread over the time left until the sitting opens (the database says when)
const rampMs = cfg.opensAt - Date.now();
let openWindow;
const open = new Promise((resolve) => (openWindow = resolve));
const people = cfg.usernames.map((_, i) => candidate(i, t0, rampMs, open));
await sleep(cfg.opensAt - Date.now());
openWindow();
const done = await Promise.all(people);
await burst(done, cfg.burstMs);
await Promise.all(done.map(submit));
await stopTrivial();

const out = {};
for (const [name, s] of Object.entries(steps)) {
	const seconds = (s.last - s.first) / 1000;
	out[name] = {
		ok: s.times.length,
		errors: s.errors,
		perSecond: seconds > 0 ? s.times.length / seconds : 0,
		times: s.times
	};
}
console.log(JSON.stringify(out));
