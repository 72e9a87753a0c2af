import { Writable } from 'node:stream';
import { type RequestEvent, error } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { errorReporter, requestLogger } from './handle-log.ts';

/** A logger whose JSON lines land in an array. */
function capture() {
	const lines: Record<string, unknown>[] = [];
	const sink = new Writable({
		write(chunk: Buffer, _encoding, done) {
			for (const line of chunk.toString().split('\n').filter(Boolean))
				lines.push(JSON.parse(line) as Record<string, unknown>);
			done();
		}
	});
	return { lines, logger: createLogger('info', sink) };
}

function eventFor(path: string, routeId: string | null, headers: Record<string, string> = {}) {
	return {
		request: new Request(`http://localhost${path}`, { headers }),
		url: new URL(`http://localhost${path}`),
		route: { id: routeId },
		locals: {}
	} as unknown as RequestEvent;
}

const flush = () => new Promise((r) => setTimeout(r, 10));

describe('request log', () => {
	it('writes one JSON line per request with its id, user, route, method, status and duration', async () => {
		const { lines, logger } = capture();
		const event = eventFor('/banks/3?q=宪法', '/(app)/banks/[bankId=id]');
		const response = await requestLogger(logger)({
			event,
			resolve: (e) => {
				e.locals.user = { id: 42 } as App.Locals['user'];
				return Promise.resolve(new Response('ok', { status: 201 }));
			}
		});
		await flush();
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({
			level: 30,
			msg: 'request',
			reqId: event.locals.requestId,
			userId: 42,
			route: '/(app)/banks/[bankId=id]',
			method: 'GET',
			path: '/banks/3',
			status: 201
		});
		expect(typeof lines[0]!.ms).toBe('number');
		expect(response.headers.get('x-request-id')).toBe(event.locals.requestId);
	});

	it('keeps a sane request id from the proxy and replaces an odd one', async () => {
		const { logger } = capture();
		const resolve = () => Promise.resolve(new Response(null));
		const kept = eventFor('/', null, { 'x-request-id': 'lb-0123456789' });
		await requestLogger(logger)({ event: kept, resolve });
		expect(kept.locals.requestId).toBe('lb-0123456789');
		const odd = eventFor('/', null, { 'x-request-id': 'a b"},{"level":60' });
		await requestLogger(logger)({ event: odd, resolve });
		expect(odd.locals.requestId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('logs the status of an error page that a later hook raised (a busy database: 503)', async () => {
		const { lines, logger } = capture();
		const event = eventFor('/admin/roster', '/(app)/admin/roster');
		await expect(
			requestLogger(logger)({ event, resolve: () => error(503, 'busy') })
		).rejects.toMatchObject({ status: 503 });
		await flush();
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ msg: 'request', path: '/admin/roster', status: 503 });
	});
});

describe('handleError', () => {
	it('logs the error id shown to the person with the stack, and on the request line', async () => {
		const { lines, logger } = capture();
		const event = eventFor('/practice/s/1', '/(app)/practice/s/[id=id]');
		let shown: App.Error | undefined;
		await requestLogger(logger)({
			event,
			resolve: (e) => {
				shown = errorReporter(logger)({ error: new Error('boom here'), event: e, status: 500 });
				return Promise.resolve(new Response(null, { status: 500 }));
			}
		});
		await flush();
		const [error, request] = lines;
		expect(shown?.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(error).toMatchObject({ level: 50, errorId: shown!.id, reqId: event.locals.requestId });
		expect((error!.err as { stack: string }).stack).toMatch(/boom here\n\s+at /);
		expect(request).toMatchObject({ status: 500, errorId: shown!.id });
	});

	it('answers expected failures with a clear message and no id', () => {
		const { lines, logger } = capture();
		const report = errorReporter(logger);
		const event = eventFor('/login', '/(auth)/login');
		expect(report({ error: new Error('x'), event, status: 415 }).message).toMatch(/表单/);
		expect(report({ error: new Error('x'), event, status: 413 })).toEqual({
			message: '提交的内容超过了本页允许的大小。'
		});
		expect(lines).toEqual([]);
	});
});
