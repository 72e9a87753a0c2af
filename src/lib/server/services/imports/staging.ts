import { and, eq, lt } from 'drizzle-orm';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { type Ctx, write } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { stagedImport } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { Sheet } from '../../spreadsheet/index.ts';

const STAGED_MINUTES = 30;

/** A staged upload; `sheet` is the parsed payload (a roster sheet, or another importer's own). */
export interface Staged<P = Sheet> {
	fileName: string;
	sheet: P;
}

/** Keeps a parsed upload until its preview is confirmed; expired uploads are purged on the way. */
export async function stage<P>(ctx: Ctx, kind: string, staged: Staged<P>): Promise<string> {
	const id = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(16)));
	await write(ctx.db, async (db) => {
		await db.delete(stagedImport).where(lt(stagedImport.expiresAt, ctx.now));
		await db.insert(stagedImport).values({
			id,
			userId: ctx.user.id,
			kind,
			fileName: staged.fileName,
			payload: staged.sheet,
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
export async function readStaged<P = Sheet>(
	ctx: Ctx,
	kind: string,
	id: string
): Promise<Staged<P>> {
	const [row] = await ctx.db
		.select()
		.from(stagedImport)
		.where(
			and(
				eq(stagedImport.id, id),
				eq(stagedImport.kind, kind),
				eq(stagedImport.userId, ctx.user.id)
			)
		);
	if (!row || row.expiresAt <= ctx.now) throw new AppError('roster_staged_expired');
	return { fileName: row.fileName, sheet: row.payload as P };
}

/** Consumes a staged upload inside the import's transaction; a second confirm finds nothing. */
export async function consumeStaged(tx: Ctx & { db: Tx }, id: string): Promise<void> {
	const removed = await tx.db
		.delete(stagedImport)
		.where(and(eq(stagedImport.id, id), eq(stagedImport.userId, tx.user.id)))
		.returning({ id: stagedImport.id });
	if (removed.length === 0) throw new AppError('roster_staged_expired');
}
