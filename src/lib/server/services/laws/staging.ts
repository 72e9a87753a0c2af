import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
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
 * The user's own unexpired staged statute. Someone else's id or an expired one finds nothing; a
 * statute already imported was removed when its import job finished.
 */
export async function readStagedStatute(ctx: Ctx, id: string): Promise<StagedStatute> {
	const [row] = await ctx.db
		.select()
		.from(stagedImport)
		.where(
			and(
				eq(stagedImport.id, id),
				eq(stagedImport.kind, STATUTE_KIND),
				eq(stagedImport.userId, ctx.user.id)
			)
		);
	if (!row || row.expiresAt <= ctx.now) throw new AppError('law_staged_expired');
	const payload = row.payload as { format: SourceFormat; text: string };
	return { fileName: row.fileName, ...payload };
}
