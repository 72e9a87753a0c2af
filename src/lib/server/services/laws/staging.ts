import { and, eq, lt } from 'drizzle-orm';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Ctx } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { stagedImport } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { SourceFormat } from './source.ts';

export const STATUTE_KIND = 'statute';
const STAGED_MINUTES = 30;

/** What a confirmed preview imports: the source as it was previewed. */
export interface StagedStatute {
	fileName: string;
	format: SourceFormat;
	text: string;
}

// The roster keeps its own staging (its payload is a sheet); this mirrors it for a statute's text.
/** Keeps a previewed statute until it is confirmed; expired uploads are purged on the way. */
export async function stageStatute(ctx: Ctx, staged: StagedStatute): Promise<string> {
	const id = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(16)));
	await ctx.db.delete(stagedImport).where(lt(stagedImport.expiresAt, ctx.now));
	await ctx.db.insert(stagedImport).values({
		id,
		userId: ctx.user.id,
		kind: STATUTE_KIND,
		fileName: staged.fileName,
		payload: { format: staged.format, text: staged.text },
		createdAt: ctx.now,
		expiresAt: new Date(ctx.now.getTime() + STAGED_MINUTES * 60_000)
	});
	return id;
}

/**
 * Takes the user's own unexpired staged statute inside the import's transaction; a second confirm,
 * someone else's id or an expired one finds nothing.
 */
export async function takeStagedStatute(tx: Ctx & { db: Tx }, id: string): Promise<StagedStatute> {
	const [row] = await tx.db
		.delete(stagedImport)
		.where(
			and(
				eq(stagedImport.id, id),
				eq(stagedImport.kind, STATUTE_KIND),
				eq(stagedImport.userId, tx.user.id)
			)
		)
		.returning();
	if (!row || row.expiresAt <= tx.now) throw new AppError('law_staged_expired');
	const payload = row.payload as { format: SourceFormat; text: string };
	return { fileName: row.fileName, ...payload };
}
