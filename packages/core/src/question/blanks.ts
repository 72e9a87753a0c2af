/**
 * A fill-in blank written as text, as the row format and the editor take it: alternatives
 * separated by `|` (or `｜`), a part-credit answer prefixed with its percentage.
 */
import type { FillBlank } from './model.ts';

const PERCENT = /^%(\d+(?:\.\d+)?)%\s*/;

/**
 * Reads a blank's answers: `四十二|42|%50%四十` → fully correct `四十二`, `42`, and `四十` for half
 * the credit. A part-credit answer needs a percentage between 0 and 100; `%100%x` is fully correct.
 *
 * @param text - the answers as written
 * @returns the blank, or undefined when a percentage is out of range (or nothing is written)
 * @example
 * parseBlankText('Frog|%50%Cat'); // → { answers: ['Frog'], partial: [{ text: 'Cat', fraction: 0.5 }] }
 */
export function parseBlankText(text: string): FillBlank | undefined {
	const blank: FillBlank = { answers: [] };
	for (const raw of text.split(/[|｜]/)) {
		const alt = raw.trim();
		const m = PERCENT.exec(alt);
		if (!m) {
			blank.answers.push(alt);
			continue;
		}
		const percent = Number(m[1]);
		const answer = alt.slice(m[0].length).trim();
		if (percent >= 100) blank.answers.push(answer);
		else if (percent > 0) (blank.partial ??= []).push({ text: answer, fraction: percent / 100 });
		else return undefined;
	}
	return blank.answers.length > 0 || blank.partial ? blank : undefined;
}

/**
 * Writes a blank the way {@link parseBlankText} reads it.
 *
 * @param blank - the blank
 * @returns `四十二|42|%50%四十`
 */
export function formatBlankText(blank: FillBlank): string {
	const percent = (f: number) => Math.round(f * 100000) / 1000;
	return [
		...blank.answers,
		...(blank.partial ?? []).map((p) => `%${percent(p.fraction)}%${p.text}`)
	].join('|');
}
