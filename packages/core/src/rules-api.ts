/**
 * The public API of the rules: working-day calendar, study plans and schedules, iCalendar, the
 * promotion gate, certificates and verification codes, constitutional oath, audit chain, assessment.
 * Re-exported by `index.ts`; everything not listed here stays internal.
 */
export * from './calendar/index.ts';
export { type Reason, type ValidationResult, assertValid } from './rule-result.ts';
export * from './study-plan/index.ts';
export * from './promotion/index.ts';
export * from './certificate/index.ts';
export * from './oath/index.ts';
export * from './audit/index.ts';
export * from './assessment/index.ts';
export * from './ical/index.ts';
export { rulesMessages } from './rules-messages.ts';
