/** The year-end assessment. */
export * from './assessment.ts';
export * from './assessed-year.ts';
