/**
 * `@xuefa/core` — the pure domain of Xuefa (学法).
 *
 * No I/O, no clock, no global randomness: every function that needs the time takes `now`, every
 * function that draws takes a seed. This file is the whole public API.
 *
 * @packageDocumentation
 */

export { XuefaError, ValidationError, RuleError, type Issue } from './errors.ts';
export { LOCALES, formatMessage, type Locale, type MessageTable } from './messages.ts';

// Question bank, papers, grading, formats, practice: see ./question, ./paper, ./grading, ./formats, ./practice
export * from './exam-api.ts';

// Study plans, schedules, promotion gate, oath, certificates, audit chain, assessment
export * from './rules-api.ts';
