/**
 * `@xuefa/core` — the pure domain of Xuefa (学法).
 *
 * No I/O, no clock, no global randomness: every function that needs the time takes `now`, every
 * function that draws takes a seed. This file is the whole public API.
 *
 * @packageDocumentation
 */

export { XuefaError, ValidationError, RuleError, type Issue } from './errors.ts';
export { CORE_MESSAGES, messageFor } from './messages.ts';
export { LOCALES, type Locale, type MessageTable } from './message-table.ts';

// ── Question bank, papers, grading, formats, practice ──

// Questions: model, validation, versions, article numbers
export {
	QUESTION_TYPES,
	OPTION_LABELS,
	BLANK_MARKER,
	countBlankMarkers,
	refOf,
	latestVersion,
	type QuestionType,
	type PartType,
	type LawRef,
	type ChoiceOption,
	type FillBlank,
	type PartialAnswer,
	type SingleBody,
	type MultipleBody,
	type TrueFalseBody,
	type FillBody,
	type EssayBody,
	type CaseBody,
	type PartMeta,
	type CasePart,
	type QuestionMeta,
	type QuestionVersion,
	type Question,
	type QuestionRef,
	type QuestionBody
} from './question/model.ts';
export { validateQuestion, assertValidQuestion } from './question/validate.ts';
export { MAX_CASE_PARTS } from './question/types/case/index.ts';
export {
	QUESTION_TYPE_MODULES,
	questionTypeModule,
	questionTypeModules
} from './question/types/registry.ts';
export type {
	AddIssue,
	BodyOf,
	GiftAnswer,
	GiftEscape,
	GiftReadInput,
	GiftRefusal,
	GiftWrite,
	GradeInput,
	QuestionTypeModule,
	ResponseOf,
	RowCells,
	RowReadInput,
	TypeBody,
	TypeBodyOf,
	ViewInput
} from './question/types/module.ts';
export type { TypeModules } from './question/types/common.ts';
export {
	MARKDOWN_MAX_DEPTH,
	MARKDOWN_MAX_LENGTH,
	markdownDepth
} from './question/markdown-depth.ts';
export { questionContentHash, sameContent, nextVersion } from './question/version.ts';
export {
	toChineseNumeral,
	parseChineseNumeral,
	parseArticleNo,
	formatArticleNo,
	parseLawCitation,
	formatLawCitation
} from './question/articles.ts';

// Statutes: parse Markdown or plain text into headings and articles, compare versions
export * from './statute/index.ts';

// Papers: blueprint, bank index, assembly, feasibility, candidate view
export {
	validateBlueprint,
	matchesFilter,
	type Blueprint,
	type BlueprintSection,
	type QuestionFilter
} from './paper/blueprint.ts';
export { indexBank, type QuestionBank } from './paper/bank.ts';
export {
	assemblePaper,
	optionOrders,
	type OptionOrders,
	type Paper,
	type PaperSection,
	type PaperItem
} from './paper/assemble.ts';
export {
	checkFeasibility,
	describeFilter,
	type FeasibilityReport,
	type SectionFeasibility
} from './paper/feasibility.ts';
export {
	toCandidatePaper,
	displayOptions,
	partPoints,
	type CandidatePaper,
	type CandidateItem,
	type CandidateQuestion,
	type CandidateOption
} from './paper/candidate.ts';
export { createRng, shuffled, type Seed, type Rng } from './random.ts';

// Grading: responses, policies, attempts, pass, statistics
export { normaliseAnswer } from './grading/normalise.ts';
export { gradePaper, gradeItem } from './grading/grade.ts';
export {
	DEFAULT_GRADING_POLICY,
	type Response,
	type Responses,
	type GradingPolicy,
	type ManualScores,
	type GradeStatus,
	type ItemGrade,
	type AttemptGrade
} from './grading/types.ts';
export { multipleFraction } from './question/types/multiple/index.ts';
export { blankCredit } from './question/types/fill/index.ts';
export {
	ATTEMPT_STATES,
	newAttempt,
	attemptDeadline,
	startAttempt,
	isOverdue,
	recordResponse,
	submitAttempt,
	closeIfOverdue,
	gradeAttempt,
	scoreManually,
	voidAttempt,
	canStartAttempt,
	countingAttempt,
	type Attempt,
	type AttemptState,
	type SittingWindow,
	type RetakePolicy,
	type StartDecision
} from './grading/attempt.ts';
export {
	decidePass,
	DEFAULT_BANDS,
	type ScoreBand,
	type PassRules,
	type PassDecision
} from './grading/pass.ts';
export {
	itemStatistics,
	scoreDistribution,
	type ItemStatistics,
	type ScoreBin,
	type ScoreDistribution
} from './grading/stats.ts';

// Formats: spreadsheet rows, GIFT, Aiken
export type { ImportOptions, ImportResult, ExportResult } from './formats/result.ts';
export { TOO_MANY_QUESTIONS } from './formats/result.ts';
export {
	parseRows,
	questionsToRows,
	questionTypeNamed,
	resolveRowHeaders,
	ROW_HEADERS,
	ROW_IMPORT_FIELDS,
	ROW_OPTION_LIST,
	type RowField,
	type RowImportField,
	type RowImportOptions
} from './formats/rows.ts';
export { parseGift, writeGift } from './formats/gift.ts';
export { leastEscaped } from './formats/plain-cells.ts';
export {
	EXCEL_ROUNDED_MARK,
	type ExcelLostDigits,
	excelLostDigits,
	isExcelScientific
} from './formats/excel-scientific.ts';
export { AIKEN_ANSWER_LINE, parseAiken, writeAiken } from './formats/aiken.ts';
export { formatBlankText, parseBlankText } from './question/blanks.ts';
export {
	escapeMarkdown,
	htmlToText,
	splitLines,
	stripControlChars,
	unescapeMarkdown
} from './formats/text.ts';

// Practice scheduling (ts-fsrs)
export {
	ratePractice,
	newCard,
	schedulePractice,
	retrievability,
	topicReadiness,
	type PracticeOutcome,
	type PracticeRating,
	type CardState,
	type TimingOptions,
	type ScheduledReview,
	type ReadinessInput,
	type TopicReadiness
} from './practice/schedule.ts';
export {
	PRACTICE_GRADING,
	MAX_ANSWER_MS,
	answerTime,
	outcomeOf,
	timingFor,
	nextMistakeState,
	practiceReadiness,
	type MistakeState,
	type PracticeCardInput,
	type PracticeTopicReadiness
} from './practice/rules.ts';

// ── Study plans, schedules, promotion gate, oath, certificates, audit chain, assessment ──

export * from './calendar/index.ts';
export { type Reason, type ValidationResult, assertValid } from './rule-result.ts';
export * from './study-plan/index.ts';
export * from './policy/sources.ts';
export * from './promotion/index.ts';
export * from './certificate/index.ts';
export * from './oath/index.ts';
export * from './audit/index.ts';
export * from './assessment/index.ts';
export * from './ical/index.ts';
