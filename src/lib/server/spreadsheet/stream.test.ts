import { describe, expect, it } from 'vitest';
import type { Ctx } from '../context.ts';
import { openDatabase } from '../db/index.ts';
import { closeAfterTest, testDatabase } from '../testing/db.ts';
import { ctxFor, district, makeUser } from '../testing/factories.ts';
import { xlsxStreamResponse } from './response.ts';
import { EXPORT_SLOT_MS } from './slots.ts';
import { type RowPages, keysetPages, mapPages } from './stream.ts';

/** The numbers 1 to 50 in pages of 10, read through `onRead` (called with the read's number). */
function numbers(onRead: (read: number) => void) {
	let reads = 0;
	const fetch = (after: number | undefined, limit: number) => {
		onRead(++reads);
		const from = (after ?? 0) + 1;
		return Promise.resolve(
			Array.from({ length: Math.max(0, Math.min(limit, 51 - from)) }, (_, i) => from + i)
		);
	};
	return mapPages(keysetPages(fetch, 10), (n) => [String(n)]);
}

const download = (ctx: Ctx, pages: RowPages) =>
	xlsxStreamResponse(
		ctx,
		{ sheet: 'n', columns: [{ header: 'n' }], rows: 50, pages },
		{ nameKey: 'people_filename', ascii: 'n' }
	);

async function setup() {
	const { db, url } = await testDatabase();
	const d = await district(db);
	const organiser = await makeUser(db, d.a.id, [['organiser', d.a.id]], { username: 'org' });
	return { db, url, d, ctx: await ctxFor(db, organiser.user.id) };
}

describe('a streamed list export', () => {
	it('reads no further page once the download is cancelled', async () => {
		const { ctx } = await setup();
		let reads = 0;
		let body: ReadableStream<Uint8Array> | null = null;
		let ended!: () => void;
		const stopped = new Promise<void>((resolve) => (ended = resolve));
		async function* pages() {
			try {
				// the browser gives up while the first page is read
				yield* numbers((read) => {
					reads = read;
					if (read === 1) setImmediate(() => void body!.cancel());
				});
			} finally {
				ended();
			}
		}
		body = (await download(ctx, pages())).body;
		await stopped;
		expect(reads).toBe(1);
	});

	it('reads every page of a download that is not cancelled', async () => {
		const { ctx } = await setup();
		let reads = 0;
		const response = await download(
			ctx,
			numbers((read) => (reads = read))
		);
		expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
		// five full pages, and the empty one that says there are no more
		expect(reads).toBe(6);
	});

	it('runs at most two at once for a person, seen by every app process; a slot comes back when a stream ends, is cancelled, or expires', async () => {
		const { db, url, d, ctx } = await setup();
		// a second app process: its own connection to the same database
		const process2 = await openDatabase(url, { migrationsFolder: './drizzle' });
		closeAfterTest(() => process2.client.close());
		const other = { ...ctx, db: process2.db };
		const status = (p: Promise<unknown>) =>
			p.then(
				() => 200,
				(e: { status?: number; body?: { message?: string } }) => {
					expect(e.body?.message).toBe('您已有 2 个导出正在进行，请等其中一个完成后再试。');
					return e.status;
				}
			);
		// a download under way: its first page written, the rest waiting on `gate`
		async function* held(gate: Promise<void> = new Promise(() => {})): RowPages {
			yield [['1']];
			await gate;
		}
		let open!: () => void;
		const first = await download(ctx, held(new Promise((resolve) => (open = resolve))));
		const second = await download(other, held());
		expect(await status(download(other, held()))).toBe(429);
		expect(await status(download(ctx, held()))).toBe(429);
		// someone else is not held back by them
		const admin = await ctxFor(db, d.admin.user.id);
		await (await download(admin, held(Promise.resolve()))).arrayBuffer();

		// a download read to its end gives its slot back…
		open();
		await first.arrayBuffer();
		await expect.poll(() => status(download(ctx, held()))).toBe(200);
		expect(await status(download(ctx, held()))).toBe(429);
		// …and so does a cancelled one
		await second.body!.cancel();
		await expect.poll(() => status(download(ctx, held()))).toBe(200);
		// both slots held, as by a process that died: free again once they expire
		expect(await status(download(ctx, held()))).toBe(429);
		const later = { ...ctx, now: new Date(ctx.now.getTime() + EXPORT_SLOT_MS + 1) };
		expect(await status(download(later, held()))).toBe(200);
	});
});
