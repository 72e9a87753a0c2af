import { z } from 'zod';
import { id, optionalId, searchQuery, stagedId } from './common.ts';
import { SEARCH_MAX } from './limits.ts';

/** The largest statute accepted, in bytes (the longest national laws are under 1 MB). */
export const LAW_MAX_BYTES = 2 * 1024 * 1024;

/** How the source is laid out: detected from the file name and text, or chosen. */
export const LAW_SOURCE_FORMATS = ['auto', 'markdown', 'text'] as const;

/** Step 1: a statute's text (from an uploaded file or pasted), to preview. */
export const lawPreviewInput = z.object({
	fileName: z.string().trim().max(200).default(''),
	text: z
		.string({ error: 'law_source_required' })
		.refine((t) => t.trim().length > 0, { error: 'law_source_required' })
		.refine((t) => new TextEncoder().encode(t).length <= LAW_MAX_BYTES, {
			error: 'law_source_too_large'
		}),
	format: z.enum(LAW_SOURCE_FORMATS).default('auto')
});
export type LawPreviewInput = z.input<typeof lawPreviewInput>;

/** Step 2: confirm a staged preview, with the version's label (editable). */
export const lawImportInput = z.object({
	stagedId,
	label: z
		.string({ error: 'err_required' })
		.trim()
		.min(1, { error: 'err_required' })
		.max(60, { error: 'err_too_long' })
});
export type LawImportInput = z.infer<typeof lawImportInput>;

/** Searching articles across the library. */
export const lawSearchInput = z.object({
	q: searchQuery(SEARCH_MAX.laws),
	law: optionalId.catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).catch(1)
});
export type LawSearchInput = z.infer<typeof lawSearchInput>;

/** Making an earlier version of a law its current version again. */
export const lawVersionCurrentInput = z.object({ lawId: id, versionId: id });
export type LawVersionCurrentInput = z.infer<typeof lawVersionCurrentInput>;
