export type {
	Statute,
	StatuteArticle,
	StatuteArticleText,
	StatuteHeading,
	StatuteParseResult
} from './model.ts';
export { parseStatuteMarkdown, parseStatutePlainText } from './parse.ts';
export { formatStatuteMarkdown, formatStatutePlainText, flattenHeadings } from './format.ts';
export {
	diffStatutes,
	statuteFingerprint,
	statuteVersionLabel,
	type ArticleChange,
	type StatuteDiff
} from './diff.ts';
export { normaliseStatuteText } from './assemble.ts';
