import { eq } from 'drizzle-orm';
import { type Issue, type StatuteDiff, diffStatutes, statuteVersionLabel } from '@xuefa/core';
import { type LawPreviewInput, lawPreviewInput } from '$lib/schemas/laws.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { law, lawArticle, lawVersion } from '../../db/schema/index.ts';
import { parseUpload } from '../../uploads/pool.ts';
import type { ParsedSource, SourceFormat } from './source.ts';
import { stageStatute } from './staging.ts';

const FIRST_ARTICLES = 3;

export interface StatutePreview {
	fileName: string;
	format: SourceFormat;
	title: string;
	shortTitle: string;
	history: string[];
	/** The suggested version label, editable before confirming. */
	label: string;
	counts: { headings: number; sections: number; articles: number };
	firstArticles: { no: number; text: string }[];
	/** The first issues, with `issueCount` saying how many there are in all. */
	issues: Issue[];
	issueCount: number;
	/** The law already in the library (this will be a new version of it), or null. */
	existing: { lawId: number; currentLabel: string | null } | null;
	/** Against the current version, when there is one. */
	diff: Pick<StatuteDiff, 'changed' | 'removed'> | null;
	/** The label of an existing version with exactly this text: importing it again is refused. */
	duplicateOf: string | null;
	/** Set only when the statute can be imported: the id to confirm with. */
	stagedId: string | null;
}

/**
 * Parses a statute (Markdown or plain text) and reports what importing it would do: its chapters
 * and articles, the issues with line numbers, and — when the law is already in the library — which
 * articles the new version changes. A clean preview is kept for 30 minutes to be confirmed.
 */
export async function previewStatute(ctx: Ctx, raw: LawPreviewInput): Promise<StatutePreview> {
	authorizeAnywhere(ctx, 'law.manage');
	const input = lawPreviewInput.parse(raw);
	const parsed = await parseUpload<
		ParsedSource & { issueCount: number; counts: StatutePreview['counts'] }
	>(
		{
			kind: 'statute',
			text: input.text,
			fileName: input.fileName,
			format: input.format
		},
		ctx.user.id
	);
	const { statute, issues, issueCount, counts } = parsed;
	const [existing] = statute.title
		? await ctx.db.select().from(law).where(eq(law.title, statute.title))
		: [];
	const versions = existing
		? await ctx.db.select().from(lawVersion).where(eq(lawVersion.lawId, existing.id))
		: [];
	const current = versions.find((v) => v.isCurrent);
	const duplicateOf = versions.find((v) => v.contentHash === parsed.contentHash)?.label ?? null;
	let diff: StatutePreview['diff'] = null;
	// a statute with problems comes back without its articles (see the upload worker)
	if (current && issueCount === 0) {
		const before = await ctx.db
			.select({ no: lawArticle.articleNo, text: lawArticle.text })
			.from(lawArticle)
			.where(eq(lawArticle.versionId, current.id));
		const { changed, removed } = diffStatutes(
			{ articles: before.filter((a) => a.no > 0) },
			statute
		);
		diff = { changed, removed };
	}
	const stagedId =
		issueCount === 0 && duplicateOf === null
			? await stageStatute(ctx, {
					fileName: input.fileName,
					format: parsed.format,
					text: input.text
				})
			: null;
	return {
		fileName: input.fileName,
		format: parsed.format,
		title: statute.title,
		shortTitle: statute.shortTitle,
		history: statute.history,
		label: statuteVersionLabel(statute.history, input.fileName),
		counts,
		firstArticles: statute.articles
			.slice(0, FIRST_ARTICLES)
			.map((a) => ({ no: a.no, text: a.text })),
		issues,
		issueCount,
		existing: existing ? { lawId: existing.id, currentLabel: current?.label ?? null } : null,
		diff,
		duplicateOf,
		stagedId
	};
}
