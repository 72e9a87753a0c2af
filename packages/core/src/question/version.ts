/**
 * Version helpers: content identity and making the next version after an edit.
 */
import type { QuestionVersion } from './model.ts';

/** Canonical JSON of a question's content: sorted keys, no `id`/`version`, no undefined values. */
function canonical(value: unknown, top = true): string {
	if (Array.isArray(value)) return `[${value.map((v) => canonical(v, false)).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([k, v]) => v !== undefined && !(top && (k === 'id' || k === 'version')))
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, false)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * A 53-bit non-cryptographic hash (cyrb53) of a string, as 14 hex digits.
 * Good for change detection and cache keys, not for security.
 */
export function hashString(text: string, seed = 0): string {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A hash of a question's content (everything but `id` and `version`), stable across key order.
 * Non-cryptographic: use it to detect edits or as a cache key; use {@link sameContent} to be exact.
 *
 * @param q - the question version
 * @returns 14 hex digits
 * @example
 * questionContentHash(a) === questionContentHash({ ...a, version: 2 }); // → true
 */
export function questionContentHash(q: QuestionVersion): string {
	return hashString(canonical(q));
}

/**
 * Tells whether two versions have the same content (ignoring `id` and `version`).
 *
 * @param a - one version
 * @param b - another version
 * @returns true when nothing but id/version differ
 */
export function sameContent(a: QuestionVersion, b: QuestionVersion): boolean {
	return canonical(a) === canonical(b);
}

/**
 * Makes the version that follows an edit: the previous version itself when nothing changed,
 * otherwise the edited content with the previous id and `version + 1`. Never mutates its inputs.
 *
 * @param previous - the current stored version
 * @param edited - the edited content (its id and version are ignored)
 * @returns `previous` (unchanged) or a new version
 * @example
 * const v2 = nextVersion(v1, { ...v1, stem: '新题干' }); // v2.version === v1.version + 1
 */
export function nextVersion(previous: QuestionVersion, edited: QuestionVersion): QuestionVersion {
	if (sameContent(previous, edited)) return previous;
	return { ...edited, id: previous.id, version: previous.version + 1 };
}
