export * from './org.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './imports.ts';
export * from './law.ts';
export * from './bank.ts';
export * from './settings.ts';
export * from './practice-session.ts';
