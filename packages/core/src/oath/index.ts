/** Constitutional oath. */
export * from './oath.ts';
