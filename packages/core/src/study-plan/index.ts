/** Study plans, recurring sessions and their figures. */
export * from './plan.ts';
export * from './carry-over.ts';
export * from './schedule.ts';
export * from './figures.ts';
export * from './attendance.ts';
export * from './credits.ts';
export * from './lesson-citations.ts';
export * from './eligibility.ts';
