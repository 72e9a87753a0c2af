/** The year-end assessment. */
export * from './assessment.ts';
