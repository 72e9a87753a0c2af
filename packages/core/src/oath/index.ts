/** Constitutional oath. */
export * from './policy.ts';
export * from './oath.ts';
