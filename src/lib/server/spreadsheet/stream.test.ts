import { describe, expect, it } from 'vitest';
import { xlsxStreamResponse } from './response.ts';
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

const download = (pages: RowPages) =>
	xlsxStreamResponse(
		{ sheet: 'n', columns: [{ header: 'n' }], rows: 50, pages },
		{ nameKey: 'people_filename', ascii: 'n' }
	);

describe('a streamed list export', () => {
	it('reads no further page once the download is cancelled', async () => {
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
		body = download(pages()).body;
		await stopped;
		expect(reads).toBe(1);
	});

	it('reads every page of a download that is not cancelled', async () => {
		let reads = 0;
		const response = download(numbers((read) => (reads = read)));
		expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
		// five full pages, and the empty one that says there are no more
		expect(reads).toBe(6);
	});
});
