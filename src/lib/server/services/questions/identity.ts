import type { QuestionVersion } from '@xuefa/core';
import type { QuestionContent } from './store.ts';

// Kept apart from read-upload.ts, which the upload worker runs: importing that module on the
// request thread loaded the HTML converter (turndown) there too, 120 ms on the first preview.

// Ids the importers make up for questions without one: not a key to match a re-import on.
const MADE_UP_ID = /^(row|gift|aiken)-\d+$/;
/** The id export writes for a question that has no id of its own (see `exportId`). */
export const OWN_ID = /^xuefa-(\d+)$/;

/** The question's own id in the file (编号, GIFT title), or null when the importer made one up. */
export function externalIdOf(q: QuestionVersion): string | null {
	return MADE_UP_ID.test(q.id) ? null : q.id;
}

/** A version's content without its identity. */
export function contentOf(q: QuestionVersion): QuestionContent {
	return Object.fromEntries(
		Object.entries(q).filter(([k]) => k !== 'id' && k !== 'version')
	) as QuestionContent;
}
