/**
 * A plan item cites laws as the question bank does: the one public `LawRef` (one name per idea),
 * which the generated API reference can then link wherever a plan mentions a law.
 */
export type { LawRef } from '../question/model.ts';
