/** The promotion gate. */
export * from './gate.ts';
