import type { Ctx } from '../../context.ts';
import { readStaged, stage } from '../imports/staging.ts';
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
	return stage(ctx, STATUTE_KIND, { fileName, payload: { format, text } });
}

/**
 * The user's own unexpired staged statute. Someone else's id or an expired one finds nothing; a
 * statute already imported was removed when its import job finished.
 */
export async function readStagedStatute(ctx: Ctx, id: string): Promise<StagedStatute> {
	const { fileName, payload } = await readStaged<Omit<StagedStatute, 'fileName'>>(
		ctx,
		STATUTE_KIND,
		id
	);
	return { fileName, ...payload };
}
