/** Certificates and verification codes. */
export * from './certificate.ts';
export * from './code.ts';
export * from './requalify.ts';
