import { ValidationError } from '@xuefa/core';
import type { LawImportInput } from '$lib/schemas/laws.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { appendAudit } from '../audit/append.ts';
import { parseSource } from './source.ts';
import { takeStagedStatute } from './staging.ts';
import { type WrittenVersion, writeStatuteVersion } from './write.ts';

export interface StatuteImportResult extends WrittenVersion {
	title: string;
	label: string;
	articles: number;
}

/**
 * Imports a previewed statute, all or nothing, as the new current version of its law, then flags
 * the questions citing the articles it changed.
 * @throws ConflictError when the law already has a version with this exact text
 * @throws ValidationError when the text has become unreadable (it is parsed again)
 */
export async function importStatute(ctx: Ctx, input: LawImportInput): Promise<StatuteImportResult> {
	authorizeAnywhere(ctx, 'law.manage');
	return transact(ctx, async (tx) => {
		const staged = await takeStagedStatute(tx, input.stagedId);
		const parsed = parseSource(staged.text, staged.fileName, staged.format);
		if (parsed.issues.length > 0) throw new ValidationError(parsed.issues);
		const written = await writeStatuteVersion(tx, { ...parsed, label: input.label });
		const changes = written.diff
			? { changed: written.diff.changed.length, removed: written.diff.removed.length }
			: {};
		await appendAudit(tx, {
			action: 'law.imported',
			entityType: 'law',
			entityId: written.lawId,
			after: {
				title: parsed.statute.title,
				versionId: written.versionId,
				label: input.label,
				format: parsed.format,
				fileName: staged.fileName,
				articles: parsed.statute.articles.length,
				...changes,
				flagged: written.flagged
			}
		});
		return {
			...written,
			title: parsed.statute.title,
			label: input.label,
			articles: parsed.statute.articles.length
		};
	});
}
