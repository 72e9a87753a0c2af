/**
 * Case analysis in the app: its parts, each through its own type (fields `p0`, `p1` …); the
 * editor's sub-questions are the draft's `parts`, read and written by the draft itself.
 */
import type { TypeUi } from '../model.ts';
import { partUi } from '../parts.ts';

export const caseUi: TypeUi<'case'> = {
	type: 'case',
	responseFromFields: (body, _key, fields) => ({
		type: 'case',
		parts: body.parts.map((p, i) => partUi(p.type).responseFromFields(p as never, `p${i}`, fields))
	}),
	rendered: () => ({}),
	draftOf: () => ({}),
	contentOf: () => ({ type: 'case', parts: [] }),
	markdownFields: []
};
