/**
 * How much a request body may hold on each route, and the meter that enforces it while the body
 * streams in: a body is refused at the first byte or form field over its route's limit, before
 * anything buffers or parses it (parsing 600,000 fields alone blocks the server for seconds).
 * adapter-node's BODY_SIZE_LIMIT stays the outer bound for every route.
 */

/** What one request body may hold: bytes, and form fields (URL-encoded pairs or multipart parts). */
export interface BodyLimit {
	bytes: number;
	fields: number;
}

const KB = 1024;
const MB = 1024 * KB;

/** Ordinary forms: a handful of typed fields (a 500-character description is 4.5 KB encoded). */
export const FORM_LIMIT: BodyLimit = { bytes: 16 * KB, fields: 100 };

/**
 * Pages that take a file: the schemas allow 5 MB (statutes 2 MB, plus pasted text); the rest is
 * room for the multipart framing and the form's other fields (a column mapping among them).
 */
const UPLOAD_LIMIT: BodyLimit = { bytes: 6 * MB, fields: 100 };

/**
 * The question editor: a case question holds up to 50 parts of 26 options, each field Markdown
 * that may run to pages (20,000 characters, nine bytes each once URL-encoded).
 */
const EDITOR_LIMIT: BodyLimit = { bytes: 1 * MB, fields: 10_000 };

/** The lesson editor: see its entries below. */
const LESSON_EDITOR_LIMIT: BodyLimit = { bytes: 1.25 * MB, fields: 100 };

/** Routes whose bodies are larger than an ordinary form's, by SvelteKit route id. */
export const ROUTE_BODY_LIMITS: Readonly<Record<string, BodyLimit>> = {
	'/(app)/banks/[bankId=id]/import': UPLOAD_LIMIT,
	'/(app)/admin/roster': UPLOAD_LIMIT,
	'/(app)/laws/import': UPLOAD_LIMIT,
	// 书面学法: a material of up to 5 MB and its text
	'/(app)/study/readings': UPLOAD_LIMIT,
	'/(app)/banks/[bankId=id]/questions/new': EDITOR_LIMIT,
	'/(app)/banks/[bankId=id]/questions/[id=id]': EDITOR_LIMIT,
	// an answer to a case question: up to 50 parts, an essay of 5,000 characters each
	'/(app)/practice/s/[id=id]': { bytes: 1 * MB, fields: 2_000 },
	// a study session: a material upload (5 MB), or the roster form (status and reason a person,
	// up to 500 people)
	'/(app)/study/sessions/[id=id]': { bytes: 6 * MB, fields: 1_100 },
	// an exam question's form (as a practice answer), and the exam page's batch of saves (JSON)
	'/(app)/exams/a/[id=id]': { bytes: 1 * MB, fields: 2_000 },
	'/(app)/exams/a/[id=id]/save': { bytes: 1 * MB, fields: 0 },
	// a lesson's editor: a body or six case parts of at most 20,000 characters each, nine bytes a
	// character once URL-encoded
	'/(app)/study/lessons/new': LESSON_EDITOR_LIMIT,
	'/(app)/study/lessons/[id=id]/edit': LESSON_EDITOR_LIMIT,
	// the editor's live preview: one Markdown field of at most 20,000 characters, as JSON
	'/api/v1/markdown': { bytes: 128 * KB, fields: 0 }
};

/** The limit of a route (by its id; null when no route matched). */
export function bodyLimitOf(routeId: string | null): BodyLimit {
	return (routeId !== null && ROUTE_BODY_LIMITS[routeId]) || FORM_LIMIT;
}

/** Which bound a body crossed. */
export type BodyOverflow = 'bytes' | 'fields';

const AMPERSAND = 0x26;

function multipartDelimiter(contentType: string): Uint8Array | null {
	const boundary = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
	const value = boundary?.[1] ?? boundary?.[2];
	return value ? new TextEncoder().encode(`--${value}`) : null;
}

function countOf(haystack: Uint8Array, needle: Uint8Array): number {
	const buffer = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
	let count = 0;
	for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, at + needle.length))
		count++;
	return count;
}

/**
 * Counts a body chunk by chunk. Fields are counted by their separators without parsing: `&` in a
 * URL-encoded body, the boundary line in a multipart body (found across chunk edges too); other
 * bodies (JSON) are counted in bytes only. Linear in the body's size.
 *
 * @param contentType - the request's Content-Type header
 * @param limit - the route's limit
 * @returns `add(chunk)`, which answers the bound the body has crossed so far, or null
 */
export function bodyMeter(contentType: string | null, limit: BodyLimit) {
	const type = (contentType ?? '').toLowerCase();
	const urlEncoded = type.startsWith('application/x-www-form-urlencoded');
	// the boundary is case-sensitive: read it from the header as sent
	const delimiter =
		type.startsWith('multipart/form-data') && contentType ? multipartDelimiter(contentType) : null;
	let bytes = 0;
	// URL-encoded: separators seen; multipart: delimiter lines seen (one more than the parts)
	let separators = 0;
	let tail = new Uint8Array(0);
	const fields = () =>
		urlEncoded ? (bytes > 0 ? separators + 1 : 0) : Math.max(0, separators - 1);
	return {
		add(chunk: Uint8Array): BodyOverflow | null {
			bytes += chunk.byteLength;
			if (bytes > limit.bytes) return 'bytes';
			if (urlEncoded) {
				for (let i = 0; i < chunk.byteLength; i++) if (chunk[i] === AMPERSAND) separators++;
			} else if (delimiter) {
				// a delimiter split between two chunks ends in this one: search the previous tail too
				const joined = new Uint8Array(tail.byteLength + chunk.byteLength);
				joined.set(tail);
				joined.set(chunk, tail.byteLength);
				separators += countOf(joined, delimiter);
				tail = joined.slice(Math.max(0, joined.byteLength - (delimiter.byteLength - 1)));
			}
			return (urlEncoded || delimiter) && fields() > limit.fields ? 'fields' : null;
		}
	};
}
