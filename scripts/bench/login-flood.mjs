// Issue 8.3: five clients without an account flood POST /login with 5.9 MB bodies of 600,000
// fields while a person loads the login page. Prints the p99 of that GET beside its target.
import { request } from 'node:http';
import { percentile, timeGets } from './server.mjs';

const CLIENTS = 5;
const SECONDS = 8;
const FIELDS = 600_000;

/** 600,000 distinct short fields, about 5.9 MB: under adapter-node's 6M limit, so only the app can refuse it. */
function floodBody() {
	const parts = ['username=nobody', 'password=x'];
	for (let i = parts.length; i < FIELDS; i++) parts.push(`f${i}=x`);
	return Buffer.from(parts.join('&'));
}

/** One flood request; resolves with the status and the size of the answer (errors count too). */
function post(origin, body) {
	return new Promise((resolve) => {
		const req = request(
			`${origin}/login`,
			{
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': body.length,
					origin
				}
			},
			(res) => {
				let size = 0;
				res.on('data', (chunk) => (size += chunk.length));
				res.on('end', () => resolve({ status: res.statusCode, size }));
				res.on('error', () => resolve({ status: 0, size }));
			}
		);
		req.on('error', () => resolve({ status: 0, size: 0 }));
		req.end(body);
	});
}

export async function loginFlood(origin) {
	const body = floodBody();
	// warm up: the first requests compile templates and open the database
	await timeGets(
		origin,
		'/login',
		(
			(n) => () =>
				n-- <= 0
		)(5)
	);
	const end = Date.now() + SECONDS * 1000;
	const done = () => Date.now() > end;
	const answers = [];
	const flooders = Array.from({ length: CLIENTS }, async () => {
		while (!done()) answers.push(await post(origin, body));
	});
	const [times] = await Promise.all([timeGets(origin, '/login', done), ...flooders]);
	const statuses = [...new Set(answers.map((a) => a.status))].join(', ');
	const largest = Math.max(0, ...answers.map((a) => a.size));
	return {
		name: `GET /login p99 while ${CLIENTS} clients flood POST /login (${(body.length / 1e6).toFixed(1)} MB, ${FIELDS.toLocaleString('en')} fields)`,
		p50: percentile(times, 50),
		p99: percentile(times, 99),
		samples: times.length,
		note: `${answers.length} flood posts answered ${statuses || 'nothing'}; largest answer ${(largest / 1024).toFixed(1)} KB`
	};
}
