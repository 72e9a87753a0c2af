/** Fill-in in the app: one text input per blank; the editor writes a blank's answers as `a|b|%50%c`. */
import { countBlankMarkers, formatBlankText, parseBlankText } from '@xuefa/core';
import { trimTrailing } from '$lib/questions/trim.ts';
import type { TypeUi } from '../model.ts';

export const fillUi: TypeUi<'fill'> = {
	type: 'fill',
	responseFromFields: (body, key, fields) => ({
		type: 'fill',
		blanks: body.blanks.map((_, j) => fields[`${key}_${j}`]?.[0] ?? '')
	}),
	keyView: (body, r) => ({
		type: 'fill',
		blanks: body.blanks.map((b, j) => ({
			answers: b.answers,
			given: r?.type === 'fill' ? (r.blanks[j] ?? '') : ''
		}))
	}),
	rendered: (body) => ({ blanks: body.blanks.map((b) => b.answers) }),
	draftOf: (body) => ({ blanks: body.blanks.map(formatBlankText) }),
	contentOf: (d, p, issues) => ({
		type: 'fill',
		// a blank the stem marks (or the one blank of a stem without markers) stays even when its
		// answer is left empty, so that the core names that blank at its answer field; empty rows
		// after them are only rows the editor offered.
		// `%50%…` alternatives earn part of the blank (the row format's syntax)
		blanks: d.blanks
			.slice(
				0,
				Math.max(1, countBlankMarkers(d.stem), trimTrailing(d.blanks, (x) => !x.trim()).length)
			)
			.map((x, i) => {
				const blank = parseBlankText(
					x
						.split(/[|｜]/)
						.filter((a) => a.trim())
						.join('|')
				);
				if (!blank) issues.push({ path: `${p}blanks.${i}`, code: 'bank_editor_blank_invalid' });
				return blank ?? { answers: [] };
			})
	}),
	markdownFields: []
};
