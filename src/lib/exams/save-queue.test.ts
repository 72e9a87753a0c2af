import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVES_PER_REQUEST } from './limits.ts';
import { SaveQueue } from './save-queue.svelte.ts';

/** The server's side of the save endpoint: per question, the answer with the highest number. */
function fakeServer() {
	const held = new Map<string, { seq: number; choice: string }>();
	const requests: unknown[] = [];
	const fetch = vi.fn(async (_url: string, init: { body: string }) => {
		const { saves } = JSON.parse(init.body) as {
			saves: { questionId: string; seq: number; response: { choice: string } }[];
		};
		requests.push(saves);
		const saved = saves.map((s) => {
			const stored = held.get(s.questionId);
			if (!stored || s.seq > stored.seq) {
				held.set(s.questionId, { seq: s.seq, choice: s.response.choice });
				return { questionId: s.questionId, seq: s.seq, applied: true };
			}
			const same = stored.choice === s.response.choice;
			return {
				questionId: s.questionId,
				seq: s.seq,
				applied: false,
				...(same ? {} : { held: stored.seq })
			};
		});
		return new Response(JSON.stringify({ kind: 'saved', saved }), { status: 200 });
	});
	return { held, requests, fetch };
}

/** One page's localStorage; two tabs of one browser share it. */
function storage() {
	const items = new Map<string, string>();
	return {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k)
	};
}

/** Until the page's sends are over (recording an answer starts one without waiting for it). */
const idle = (page: SaveQueue) =>
	vi.waitFor(() => {
		if (page.status === 'saving') throw new Error('still saving');
	});

const answer = (choice: string) => ({ type: 'single' as const, choice });

describe("the exam page's save queue", () => {
	let server: ReturnType<typeof fakeServer>;
	beforeEach(() => {
		server = fakeServer();
		vi.stubGlobal('fetch', server.fetch);
		vi.stubGlobal('navigator', { onLine: true });
	});
	afterEach(() => vi.unstubAllGlobals());

	it('shows an answer as saved once the server holds it', async () => {
		vi.stubGlobal('localStorage', storage());
		const page = new SaveQueue(1, 0, () => {});
		page.record('q1', answer('A'), false);
		await idle(page);
		expect(page.status).toBe('saved');
		expect(page.pending).toEqual({});
		expect(server.held.get('q1')).toEqual({ seq: 1, choice: 'A' });
	});

	it('sends again, above the held number, an answer another page had overtaken', async () => {
		// a page left open on one device, and a newer one on another: both loaded at number 10
		const [oldDevice, otherDevice] = [storage(), storage()];
		vi.stubGlobal('localStorage', otherDevice);
		const other = new SaveQueue(1, 10, () => {});
		for (const q of ['q2', 'q3', 'q4']) {
			other.record(q, answer('B'), false);
			await idle(other);
		}
		vi.stubGlobal('localStorage', oldDevice);
		const old = new SaveQueue(1, 10, () => {});
		expect(server.held.get('q4')).toEqual({ seq: 13, choice: 'B' });
		// back on the old page, the candidate changes q4: numbered 11, below what the server holds
		old.record('q4', answer('C'), false);
		await idle(old);
		// the server kept it back; the page did not take it for saved but sent it again above 13
		expect(server.requests.at(-2)).toMatchObject([{ questionId: 'q4', seq: 11 }]);
		expect(server.requests.at(-1)).toMatchObject([{ questionId: 'q4', seq: 14 }]);
		expect(server.held.get('q4')).toEqual({ seq: 14, choice: 'C' });
		expect(old.status).toBe('saved');
		// and its next answers are numbered above it
		old.record('q5', answer('A'), false);
		await idle(old);
		expect(server.held.get('q5')).toEqual({ seq: 15, choice: 'A' });
	});

	it('sends a queue longer than one request may carry in parts, every answer saved', async () => {
		vi.stubGlobal('localStorage', storage());
		vi.stubGlobal('navigator', { onLine: false });
		const page = new SaveQueue(1, 0, () => {});
		// a long paper answered offline
		for (let i = 1; i <= SAVES_PER_REQUEST + 50; i++) page.record(`q${i}`, answer('A'), false);
		await idle(page);
		expect(page.status).toBe('offline');
		vi.stubGlobal('navigator', { onLine: true });
		await page.flush();
		await idle(page);
		expect(page.status).toBe('saved');
		expect(server.requests.map((r) => (r as unknown[]).length)).toEqual([SAVES_PER_REQUEST, 50]);
		expect(server.held.size).toBe(SAVES_PER_REQUEST + 50);
	});

	it('takes a retried save of the answer the server already holds as saved, sending nothing more', async () => {
		vi.stubGlobal('localStorage', storage());
		server.held.set('q1', { seq: 1, choice: 'A' });
		// a reload after the first request arrived but before its answer came back
		const page = new SaveQueue(1, 0, () => {});
		page.record('q1', answer('A'), false);
		await idle(page);
		expect(server.requests).toHaveLength(1);
		expect(page.status).toBe('saved');
		expect(page.pending).toEqual({});
	});

	it("keeps one tab's unsent answer when another tab of the attempt saves, and a reload sends it", async () => {
		const shared = storage();
		vi.stubGlobal('localStorage', shared);
		const a = new SaveQueue(1, 0, () => {});
		const b = new SaveQueue(1, 0, () => {});
		// tab A answers while the network is down
		vi.stubGlobal('navigator', { onLine: false });
		a.record('q1', answer('A'), false);
		await idle(a);
		expect(a.status).toBe('offline');
		// the network is back for tab B, which answers another question: numbered above A's answer
		vi.stubGlobal('navigator', { onLine: true });
		b.record('q2', answer('B'), false);
		await idle(b);
		expect(server.held.get('q2')).toEqual({ seq: 2, choice: 'B' });
		expect(server.held.has('q1')).toBe(false);
		// tab A is closed before it could send; the candidate reloads: q1 is still in storage, and goes
		const reloaded = new SaveQueue(1, 2, () => {});
		expect(Object.keys(reloaded.pending)).toEqual(['q1']);
		await reloaded.flush();
		expect(server.held.get('q1')).toEqual({ seq: 1, choice: 'A' });
		expect(reloaded.pending).toEqual({});
		// once acknowledged, it leaves the shared storage too
		expect(new SaveQueue(1, 2, () => {}).pending).toEqual({});
	});
	it('waits, when flushed during a send, for that send and for an answer given meanwhile', async () => {
		vi.stubGlobal('localStorage', storage());
		// a slow server: each request waits until the test lets it through
		const gates: (() => void)[] = [];
		vi.stubGlobal(
			'fetch',
			vi.fn(async (url: string, init: { body: string }) => {
				await new Promise<void>((open) => gates.push(open));
				return server.fetch(url, init);
			})
		);
		const page = new SaveQueue(1, 0, () => {});
		page.record('q1', answer('A'), false);
		page.record('q2', answer('B'), false);
		// the candidate presses submit, which flushes first, while q1 is still on its way
		let flushed = false;
		const submit = page.flush().then(() => (flushed = true));
		await vi.waitFor(() => expect(gates).toHaveLength(1));
		gates.shift()!();
		await vi.waitFor(() => expect(gates).toHaveLength(1));
		expect(flushed).toBe(false);
		gates.shift()!();
		await submit;
		expect(page.pending).toEqual({});
		expect(page.status).toBe('saved');
		expect(server.held.get('q2')).toEqual({ seq: 2, choice: 'B' });
	});

	it('keeps the answers when the server refuses saves for a while, and sends them when it said', async () => {
		vi.stubGlobal('localStorage', storage());
		vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
		try {
			// refused for 30 seconds (429 with Retry-After), then saved as ever
			let refusing = true;
			vi.stubGlobal(
				'fetch',
				vi.fn(async (url: string, init: { body: string }) =>
					refusing
						? new Response(JSON.stringify({ kind: 'limited' }), {
								status: 429,
								headers: { 'Retry-After': '30' }
							})
						: server.fetch(url, init)
				)
			);
			const page = new SaveQueue(1, 0, () => {});
			page.record('q1', answer('A'), false);
			await vi.waitFor(() => expect(page.status).toBe('paused'));
			// an answer given meanwhile waits with it (kept in the browser), and sends nothing
			page.record('q2', answer('B'), false);
			await vi.waitFor(() => expect(page.status).toBe('paused'));
			expect(fetch).toHaveBeenCalledTimes(1);
			expect(Object.keys(new SaveQueue(1, 0, () => {}).pending)).toEqual(['q1', 'q2']);
			refusing = false;
			await vi.advanceTimersByTimeAsync(29_000);
			expect(fetch).toHaveBeenCalledTimes(1);
			await vi.advanceTimersByTimeAsync(1_000);
			await idle(page);
			expect(page.status).toBe('saved');
			expect(server.held.get('q1')).toEqual({ seq: 1, choice: 'A' });
			expect(server.held.get('q2')).toEqual({ seq: 2, choice: 'B' });
		} finally {
			vi.useRealTimers();
		}
	});
});
