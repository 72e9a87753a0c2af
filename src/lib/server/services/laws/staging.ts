import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { stagedImport } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { stage } from '../imports/staging.ts';
import type { SourceFormat } from './source.ts';

export const STATUTE_KIND = 'statute';

/** What a confirmed preview imports: the source as it was previewed. */
export interface StagedStatute {
	fileName: string;
	format: SourceFormat;
	text: string;
}

/** Keeps a previewed statute until it is confirmed (the shared staging of every importer). */
export function stageStatute(ctx: Ctx, staged: StagedStatute): Promise<string> {
	const { fileName, format, text } = staged;
	return stage(ctx, STATUTE_KIND, { fileName, sheet: { format, text } });
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
