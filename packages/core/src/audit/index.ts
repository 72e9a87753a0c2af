/** The audit hash chain. */
export * from './canonical.ts';
export * from './sha256.ts';
export * from './chain.ts';
