/**
 * Text normalisation for comparing fill-in answers and option texts.
 */

/**
 * Normalises an answer for comparison: NFKC (full-width letters, digits and punctuation become
 * half-width, e.g. `ＡＢＣ１２３，` → `ABC123,`), ideographic spaces and all whitespace removed, lower case,
 * and Chinese/ASCII punctuation variants unified (`。`→`.`, `、`→`,`, `“”`→`"`).
 *
 * @param text - the raw text
 * @returns the comparison key
 * @example
 * normaliseAnswer(' 行政 处罚法（２０２１） ') === normaliseAnswer('行政处罚法(2021)'); // → true
 */
export function normaliseAnswer(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/\s+/gu, '')
		.replace(/[。]/g, '.')
		.replace(/[、]/g, ',')
		.replace(/[“”]/g, '"')
		.replace(/[‘’]/g, "'")
		.toLowerCase();
}
