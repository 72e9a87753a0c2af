import { t } from '$lib/i18n.ts';
import type { LawImportInput } from '$lib/schemas/laws.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { type JobIssues, jobIssues } from '../../uploads/issues.ts';
import { parseUpload } from '../../uploads/pool.ts';
import { appendAudit } from '../audit/append.ts';
import { ImportFailedError, type JobHooks, startImportJob } from '../imports/job.ts';
import { flagCitingQuestions } from './flag.ts';
import { issueText } from './issues.ts';
import { STATUTE_TARGETS, publishStatute } from './publish.ts';
import type { ParsedSource } from './source.ts';
import { STATUTE_KIND, readStagedStatute } from './staging.ts';
import { type WrittenVersion, statuteBefore, statuteIdsNeeded, statuteRows } from './write.ts';

export interface StatuteImportResult extends WrittenVersion {
	title: string;
	label: string;
	articles: number;
}

/**
 * The line-numbered issues a failed statute job shows, when the text no longer reads: the first
 * ones in words and how many there were (a hostile file has hundreds of thousands).
 */
export type StatuteJobDetails = JobIssues<string>;

/**
 * Starts importing a previewed statute as a background job (services/imports/job.ts), all or
 * nothing, as the new current version of its law; the questions citing the articles it changed
 * are flagged. The rows are staged in short transactions and published at once.
 * @returns the job's id, to follow it on the import page, and when it finishes (for tests)
 */
export async function startStatuteImport(
	ctx: Ctx,
	input: LawImportInput,
	hooks: JobHooks = {}
): Promise<{ id: string; finished: Promise<void> }> {
	authorizeAnywhere(ctx, 'law.manage');
	const staged = await readStagedStatute(ctx, input.stagedId);
	const id = input.stagedId;
	let publish: ((tx: Parameters<typeof publishStatute>[0]) => Promise<StatuteImportResult>) | null =
		null;
	const { finished } = await startImportJob(
		ctx,
		{ kind: STATUTE_KIND, id, fileName: staged.fileName, ...hooks },
		{
			async prepare(job) {
				// parsed again, on the upload worker as the preview was: the preview's own reading is
				// not trusted past the preview
				const parsed = await parseUpload<ParsedSource & { issueCount: number }>(
					{
						kind: 'statute',
						text: staged.text,
						fileName: staged.fileName,
						format: staged.format
					},
					ctx.user.id
				);
				if (parsed.issueCount > 0) {
					const { errors, errorCount } = jobIssues(parsed.issues, parsed.issueCount);
					const details: StatuteJobDetails = { errors: errors.map(issueText), errorCount };
					throw new ImportFailedError({ message: t('error_invalid_input'), details });
				}
				const version = { ...parsed, label: input.label };
				const before = await statuteBefore(ctx.db, version);
				const needed = statuteIdsNeeded(version, before);
				const first = { law: 0, law_version: 0, law_heading: 0, law_article: 0 };
				for (const [table, n] of Object.entries(needed) as [keyof typeof first, number][]) {
					first[table] = await job.reserve(table, n);
				}
				const rows = statuteRows(version, before, first, { now: ctx.now, userId: ctx.user.id });
				await job.phase('import_phase_writing', rows.headings.length + 2 * rows.articles.length);
				await job.searchAhead(
					'law_article_fts',
					rows.articles.map((a) => ({ rowid: a.id, text: a.text }))
				);
				const T = STATUTE_TARGETS;
				if (rows.law)
					await job.stage(T.law, [{ ...rows.law, createdAt: ctx.now.getTime() }], false);
				await job.stage(T.version, [{ ...rows.version, importedAt: ctx.now.getTime() }], false);
				await job.stage(T.headings, rows.headings);
				await job.stage(T.articles, rows.articles);
				const { statute } = parsed;
				const result = {
					lawId: rows.lawId,
					versionId: rows.versionId,
					created: rows.law !== null,
					diff: rows.diff,
					flagged: 0,
					title: statute.title,
					label: input.label,
					articles: statute.articles.length
				};
				publish = async (tx) => {
					await publishStatute(tx, id, before, parsed.contentHash);
					result.flagged = rows.diff
						? await flagCitingQuestions(tx.db, {
								law: statute.shortTitle,
								versionId: rows.versionId,
								diff: rows.diff
							})
						: 0;
					const changes = rows.diff
						? { changed: rows.diff.changed.length, removed: rows.diff.removed.length }
						: {};
					await appendAudit(tx, {
						action: 'law.imported',
						entityType: 'law',
						entityId: rows.lawId,
						after: {
							title: statute.title,
							versionId: rows.versionId,
							label: input.label,
							format: parsed.format,
							fileName: staged.fileName,
							articles: statute.articles.length,
							...changes,
							flagged: result.flagged
						}
					});
					return result;
				};
			},
			publish: (tx) => publish!(tx)
		}
	);
	return { id, finished };
}
