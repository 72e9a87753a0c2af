// Stored values of lessons, client-safe (forms use them as well as the drizzle schema).

/** A lesson is Markdown; a case lesson (以案释法) has the structured parts of {@link CASE_PARTS}. */
export const LESSON_KINDS = ['lesson', 'case'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/** A lesson is drafted, then published to the units below its own. */
export const LESSON_STATUSES = ['draft', 'published'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/** The parts of a case lesson, in the order they are shown: 案情, 争议焦点, 法律依据, 分析, 裁判结果, 启示. */
export const CASE_PARTS = ['facts', 'issues', 'basis', 'analysis', 'judgment', 'insight'] as const;
export type CasePart = (typeof CASE_PARTS)[number];
