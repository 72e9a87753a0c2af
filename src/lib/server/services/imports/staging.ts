import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { and, eq, lt, sql } from 'drizzle-orm';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { type Ctx, write } from '../../context.ts';
import { stagedImport } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { timeSlices } from '../../time-slice.ts';
import { boundFileName } from '../../uploads/file-name.ts';

const STAGED_MINUTES = 30;

/**
 * The first line of a payload kept a line per item: the payload without its longest list, and
 * that list's name. (JSON.stringify writes no line breaks, so a payload kept whole is one line.)
 */
interface Head {
	$lines: string;
	rest: Record<string, unknown>;
}

/**
 * The payload as lines of JSON: the head, then one line per item of its longest list (the
 * questions or rows of a file), each written in its own time slice — the 5 MB of JSON of a
 * 5,000-question file, written in one go, held the request loop for 60-90 ms.
 */
async function* jsonLines(payload: unknown): AsyncGenerator<string> {
	const entries =
		payload && typeof payload === 'object' && !Array.isArray(payload)
			? Object.entries(payload)
			: [];
	const lists = entries.filter(([, v]) => Array.isArray(v)) as [string, unknown[]][];
	const [key, items] = lists.sort((a, b) => b[1].length - a[1].length)[0] ?? [];
	if (key === undefined || !items || items.length < 2) {
		yield JSON.stringify(payload);
		return;
	}
	const rest = Object.fromEntries(entries.filter(([k]) => k !== key));
	yield JSON.stringify({ $lines: key, rest } satisfies Head);
	const pause = timeSlices();
	for (const item of items) {
		yield JSON.stringify(item);
		await pause();
	}
}

/**
 * A payload as it is kept: its JSON, a line per item (see {@link jsonLines}), gzipped on libuv's
 * threads. The embedded driver writes and reads a value synchronously, page by page: the 5 MB of
 * JSON of a 5,000-question file held the request loop for 100-700 ms when it was staged and again
 * when it was read back to import; compressed it is a fraction of the pages. The column is
 * declared as JSON text, and SQLite keeps a BLOB in it as it is.
 */
async function pack(payload: unknown): Promise<Buffer> {
	const gzip = createGzip();
	const out: Buffer[] = [];
	gzip.on('data', (chunk: Buffer) => out.push(chunk));
	const ended = once(gzip, 'end');
	// written to gzip some 64 KB at a time: a write per line made a trip to libuv's threads per
	// question, a second more for a 5,000-question file
	let batch: string[] = [];
	let size = 0;
	for await (const line of jsonLines(payload)) {
		batch.push(line, '\n');
		size += line.length;
		if (size < 64 * 1024) continue;
		gzip.write(batch.join(''));
		batch = [];
		size = 0;
	}
	gzip.end(batch.join(''));
	await ended;
	return Buffer.concat(out);
}

/**
 * A kept payload read back: decompressed and parsed a chunk at a time as it streams out of
 * gunzip, each line on its own, never the whole text in one go on the request loop.
 */
async function unpack(stored: ArrayBuffer | string): Promise<unknown> {
	if (typeof stored === 'string') return JSON.parse(stored);
	const decoder = new StringDecoder('utf8');
	let partial = '';
	let head: Head | undefined;
	let whole: unknown;
	const items: unknown[] = [];
	const take = (line: string) => {
		const value = JSON.parse(line) as unknown;
		if (head) items.push(value);
		else if (whole === undefined && value && typeof value === 'object' && '$lines' in value)
			head = value as Head;
		else whole = value;
	};
	for await (const chunk of Readable.from([Buffer.from(stored)]).pipe(createGunzip())) {
		const lines = (partial + decoder.write(chunk as Buffer)).split('\n');
		partial = lines.pop()!;
		for (const line of lines) take(line);
	}
	partial += decoder.end();
	if (partial) take(partial);
	return head ? { ...head.rest, [head.$lines]: items } : whole;
}

/**
 * A checked upload waiting for its preview to be confirmed: what each importer needs to import it
 * (a roster sheet, the questions read from a file, a statute's text).
 */
export interface Staged<P> {
	fileName: string;
	payload: P;
}

/**
 * The id the preview of a staged upload is kept under: derived from the upload's, so that the
 * import that uses the upload up removes its preview with it (see `runJob`) — kept until it
 * expired, every import left its whole preview behind.
 */
export function previewIdOf(uploadId: string): string {
	return createHash('sha256').update(`preview:${uploadId}`).digest('hex').slice(0, 32);
}

/**
 * The one staging step of every import: keeps a checked upload until its preview is confirmed, for
 * its user only; expired uploads are purged on the way. Returns the id the preview's form sends
 * (`id` when given: see {@link previewIdOf}).
 */
export async function stage<P>(
	ctx: Ctx,
	kind: string,
	staged: Staged<P>,
	id: string = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(16)))
): Promise<string> {
	// serialised and compressed before the write lock is taken, not while holding it (see pack)
	const payload = sql`${await pack(staged.payload)}`;
	await write(ctx.db, async (db) => {
		await db.delete(stagedImport).where(lt(stagedImport.expiresAt, ctx.now));
		await db.insert(stagedImport).values({
			id,
			userId: ctx.user.id,
			kind,
			// kept as the job, its page and its audit entry will show it: bounded
			fileName: boundFileName(staged.fileName),
			payload,
			createdAt: ctx.now,
			expiresAt: new Date(ctx.now.getTime() + STAGED_MINUTES * 60_000)
		});
	});
	return id;
}

/**
 * The user's own staged upload, unexpired. Someone else's id is answered like an expired one, so
 * that ids cannot be probed.
 */
export async function readStaged<P>(ctx: Ctx, kind: string, id: string): Promise<Staged<P>> {
	const [row] = await ctx.db
		.select({
			fileName: stagedImport.fileName,
			expiresAt: stagedImport.expiresAt,
			// as stored: compressed, or JSON text when staged before it was
			payload: sql<ArrayBuffer | string>`${stagedImport.payload}`
		})
		.from(stagedImport)
		.where(
			and(
				eq(stagedImport.id, id),
				eq(stagedImport.kind, kind),
				eq(stagedImport.userId, ctx.user.id)
			)
		);
	if (!row || row.expiresAt <= ctx.now) throw new AppError('import_staged_expired');
	return { fileName: row.fileName, payload: (await unpack(row.payload)) as P };
}
