/** The promotion gate. */
export * from './case.ts';
export * from './policy.ts';
export type { EvidenceUse, PromotionEvidence } from './attempts.ts';
export type { ExemptionUse, ExemptionEvidence } from './exemptions.ts';
export * from './gate.ts';
export * from './appointment.ts';
