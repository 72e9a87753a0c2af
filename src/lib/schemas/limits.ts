/**
 * Limits the forms show and the server enforces, kept apart from the schemas so that the browser
 * can read them without loading zod (a schema module builds its schemas when it loads).
 */

/** Rows the holiday form offers (a year has seven holidays; room for a corrected notice's extras). */
export const HOLIDAY_ROWS = 10;

/** The usual holidays, in order, to prefill a new year's rows. */
export const USUAL_HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

/**
 * The longest search each search box takes (characters). Longer text, such as a pasted paragraph,
 * is searched by its start: the boxes stop typing there, and the server cuts what a link brings.
 */
export const SEARCH_MAX = { laws: 100, questions: 60, people: 40 } as const;

/** A lesson's text, and each part of a case lesson: long enough for a lecture's notes. */
export const LESSON_TEXT_MAX_CHARS = 20_000;

/** How many law rows a plan item or session form shows (one more appears once they are all used). */
export const LAW_ROWS_MIN = 2;
export const LAW_ROWS_MAX = 10;

/** A session's material: what a 讲稿 or 课件 needs, and what the server keeps in the database. */
export const MATERIAL_MAX_BYTES = 5 * 1024 * 1024;

/** A written-study material's text. */
export const READING_BODY_MAX_CHARS = 20_000;

/** Streamed .xlsx exports one person may have under way at once (a third is refused, 429). */
export const EXPORTS_PER_USER = 2;
