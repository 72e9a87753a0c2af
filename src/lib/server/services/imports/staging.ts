import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { and, eq, lt, sql } from 'drizzle-orm';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { type Ctx, write } from '../../context.ts';
import { stagedImport } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { boundFileName } from '../../uploads/file-name.ts';

const STAGED_MINUTES = 30;

const gzipped = promisify(gzip);
const gunzipped = promisify(gunzip);

/**
 * A payload as it is kept: its JSON, gzipped (on libuv's threads, off the request loop). The
 * embedded driver writes and reads a value synchronously, page by page: the 5 MB of JSON of a
 * 5,000-question file held the request loop for 100-700 ms when it was staged and again when it
 * was read back to import; compressed it is a fraction of the pages. The column is declared as
 * JSON text, and SQLite keeps a BLOB in it as it is.
 */
async function pack(payload: unknown): Promise<Buffer> {
	return gzipped(JSON.stringify(payload));
}

async function unpack(stored: ArrayBuffer | string): Promise<unknown> {
	if (typeof stored === 'string') return JSON.parse(stored);
	return JSON.parse((await gunzipped(Buffer.from(stored))).toString('utf8'));
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
 * The one staging step of every import: keeps a checked upload until its preview is confirmed, for
 * its user only; expired uploads are purged on the way. Returns the id the preview's form sends.
 */
export async function stage<P>(ctx: Ctx, kind: string, staged: Staged<P>): Promise<string> {
	const id = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(16)));
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
