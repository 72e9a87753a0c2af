import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import {
	law,
	lawArticle,
	lawHeading,
	lawVersion,
	question,
	questionBank,
	questionLawRef,
	unit
} from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';

// Statutes are public: every signed-in user may read them, so these take a context only to be
// called like every other service (and to scope the questions shown beside an article).

export interface LawListRow {
	id: number;
	title: string;
	shortTitle: string;
	currentLabel: string | null;
	articles: number;
	versions: number;
}

/** Every law in the library with its current version's label and article count. */
export async function listLaws(ctx: Ctx): Promise<LawListRow[]> {
	return ctx.db
		.select({
			id: law.id,
			title: law.title,
			shortTitle: law.shortTitle,
			currentLabel: lawVersion.label,
			articles: sql<number>`(SELECT count(*) FROM law_article a WHERE a.version_id = ${lawVersion.id} AND a.article_no > 0)`,
			versions: sql<number>`(SELECT count(*) FROM law_version v WHERE v.law_id = ${law.id})`
		})
		.from(law)
		.leftJoin(lawVersion, and(eq(lawVersion.lawId, law.id), eq(lawVersion.isCurrent, true)))
		.orderBy(asc(law.id));
}

export interface HeadingNode {
	id: number;
	level: number;
	title: string;
	children: HeadingNode[];
}

export interface ArticleRow {
	id: number;
	no: number;
	text: string;
	headingId: number | null;
	change: 'new' | 'changed' | 'unchanged' | null;
}

async function lawOrNotFound(ctx: Ctx, lawId: number) {
	const [row] = await ctx.db.select().from(law).where(eq(law.id, lawId));
	if (!row) throw new NotFoundError();
	return row;
}

async function versionOf(ctx: Ctx, lawId: number, versionId?: number) {
	const [v] = await ctx.db
		.select()
		.from(lawVersion)
		.where(
			and(
				eq(lawVersion.lawId, lawId),
				versionId === undefined ? eq(lawVersion.isCurrent, true) : eq(lawVersion.id, versionId)
			)
		);
	if (!v) throw new NotFoundError();
	return v;
}

/**
 * A law at one version (the current one unless `versionId` is given): its heading tree, its
 * articles (the 序言 as article 0) with their change against the previous version, and the list
 * of all its versions, newest first.
 */
export async function getLawVersion(ctx: Ctx, lawId: number, versionId?: number) {
	const row = await lawOrNotFound(ctx, lawId);
	const version = await versionOf(ctx, lawId, versionId);
	const [headings, articles, versions] = await Promise.all([
		ctx.db
			.select()
			.from(lawHeading)
			.where(eq(lawHeading.versionId, version.id))
			.orderBy(asc(lawHeading.ordinal)),
		ctx.db
			.select({
				id: lawArticle.id,
				no: lawArticle.articleNo,
				text: lawArticle.text,
				headingId: lawArticle.headingId,
				change: lawArticle.change
			})
			.from(lawArticle)
			.where(eq(lawArticle.versionId, version.id))
			.orderBy(asc(lawArticle.articleNo)),
		ctx.db
			.select({
				id: lawVersion.id,
				label: lawVersion.label,
				isCurrent: lawVersion.isCurrent,
				importedAt: lawVersion.importedAt
			})
			.from(lawVersion)
			.where(eq(lawVersion.lawId, lawId))
			.orderBy(desc(lawVersion.id))
	]);
	const nodes = new Map<number, HeadingNode>();
	const roots: HeadingNode[] = [];
	for (const h of headings) {
		const node: HeadingNode = { id: h.id, level: h.level, title: h.title, children: [] };
		nodes.set(h.id, node);
		const parent = h.parentId === null ? undefined : nodes.get(h.parentId);
		(parent ? parent.children : roots).push(node);
	}
	// the version imported before this one: what this one removed
	const previous = versions.find((v) => v.id < version.id);
	const removed = previous
		? await ctx.db
				.select({ no: lawArticle.articleNo })
				.from(lawArticle)
				.where(eq(lawArticle.versionId, previous.id))
				.then((rows) => {
					const kept = new Set(articles.map((a) => a.no));
					return rows.map((r) => r.no).filter((no) => !kept.has(no));
				})
		: [];
	return {
		law: row,
		version: {
			id: version.id,
			label: version.label,
			history: version.history ? version.history.split('\n') : [],
			isCurrent: version.isCurrent,
			importedAt: version.importedAt,
			isFirst: !previous
		},
		headings: roots,
		articles: articles as ArticleRow[],
		removed,
		versions
	};
}

/**
 * One article of a law's current version, with the headings it stands under, its neighbours, and
 * — for organisers who manage banks — the questions in their scope that cite it.
 */
export async function getArticle(ctx: Ctx, lawId: number, articleNo: number) {
	const row = await lawOrNotFound(ctx, lawId);
	const version = await versionOf(ctx, lawId);
	const [article] = await ctx.db
		.select()
		.from(lawArticle)
		.where(and(eq(lawArticle.versionId, version.id), eq(lawArticle.articleNo, articleNo)));
	if (!article) throw new NotFoundError();
	const headings: { id: number; title: string }[] = [];
	let headingId = article.headingId;
	while (headingId !== null) {
		const [h] = await ctx.db.select().from(lawHeading).where(eq(lawHeading.id, headingId));
		if (!h) break;
		headings.unshift({ id: h.id, title: h.title });
		headingId = h.parentId;
	}
	const neighbour = async (dir: 'prev' | 'next') => {
		const [n] = await ctx.db
			.select({ no: lawArticle.articleNo })
			.from(lawArticle)
			.where(
				and(
					eq(lawArticle.versionId, version.id),
					dir === 'prev' ? lt(lawArticle.articleNo, articleNo) : gt(lawArticle.articleNo, articleNo)
				)
			)
			.orderBy(dir === 'prev' ? desc(lawArticle.articleNo) : asc(lawArticle.articleNo))
			.limit(1);
		return n?.no ?? null;
	};
	const [prev, next, questions] = await Promise.all([
		neighbour('prev'),
		neighbour('next'),
		citingQuestions(ctx, row.shortTitle, articleNo)
	]);
	return {
		law: row,
		version: { id: version.id, label: version.label },
		article: { id: article.id, no: article.articleNo, text: article.text, change: article.change },
		headings,
		prev,
		next,
		questions
	};
}

const CITING_LIMIT = 50;

/** Questions citing the article, in the banks this user manages; null when they manage none. */
async function citingQuestions(ctx: Ctx, shortTitle: string, articleNo: number) {
	const scope = inScope(ctx.user, 'bank.manage', unit.path);
	return ctx.db
		.select({
			id: question.id,
			bankId: question.bankId,
			bankName: questionBank.name,
			stem: question.stemText,
			flagged: sql<boolean>`${question.reviewFlag} IS NOT NULL`.mapWith(Boolean)
		})
		.from(questionLawRef)
		.innerJoin(question, eq(question.id, questionLawRef.questionId))
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.innerJoin(unit, eq(unit.id, questionBank.unitId))
		.where(
			and(
				eq(questionLawRef.law, shortTitle),
				eq(questionLawRef.articleNo, articleNo),
				inArray(question.status, ['draft', 'ready']),
				scope
			)
		)
		.orderBy(asc(question.id))
		.limit(CITING_LIMIT);
}

/**
 * The library's id of a law cited by its short title (行政处罚法), as questions and lessons cite it;
 * null when that law is not in the library.
 */
export async function lawIdByShortTitle(ctx: Ctx, shortTitle: string): Promise<number | null> {
	const [row] = await ctx.db.select({ id: law.id }).from(law).where(eq(law.shortTitle, shortTitle));
	return row?.id ?? null;
}
