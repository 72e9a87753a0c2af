import type { CasePart, ChoiceOption, LawRef } from '@xuefa/core';
import type { QuestionContent } from '../../services/questions/store.ts';

/** A question of the demo bank with its stable 编号, so a later seed or import can recognise it. */
export interface DemoQuestion {
	externalId: string;
	content: QuestionContent;
}

/** Short titles as in `law.shortTitle`; the six statutes in ../shared/data/laws. */
export type LawTitle =
	'宪法' | '公务员法' | '行政诉讼法' | '行政复议法' | '行政处罚法' | '行政许可法';

interface Meta {
	stem: string;
	explanation: string;
	difficulty: 1 | 2 | 3 | 4 | 5;
	laws: LawRef[];
	topic: string;
	tags: string[];
}

/** `cite('行政处罚法', 63, 64)` → references to 第六十三条 and 第六十四条. */
export function cite(lawId: LawTitle, ...articles: number[]): LawRef[] {
	return articles.map((articleNo) => ({ lawId, articleNo }));
}

const LETTERS = 'ABCDEFGH';

/**
 * Options labelled A, B, C… in the order written; `answer` lists the correct letters ('B', 'ACD').
 * Writing the key as letters next to the texts keeps it easy to check against the statute.
 */
export function choices(texts: string[], answer: string): ChoiceOption[] {
	return texts.map((text, i) => {
		const id = LETTERS.charAt(i);
		return { id, text, correct: answer.includes(id) };
	});
}

function choiceQuestion(type: 'single' | 'multiple') {
	return (externalId: string, q: Meta & { options: string[]; answer: string }): DemoQuestion => {
		const { options, answer, ...meta } = q;
		return { externalId, content: { ...meta, type, options: choices(options, answer) } };
	};
}

/** Single choice: `answer` is the one correct letter. */
export const single = choiceQuestion('single');
/** Multiple choice: `answer` lists every correct letter, e.g. 'ABD'. */
export const multiple = choiceQuestion('multiple');

export const truefalse = (externalId: string, q: Meta & { answer: boolean }): DemoQuestion => ({
	externalId,
	content: { ...q, type: 'truefalse' }
});

/** `blanks`: the accepted answers of each `___` in the stem, the canonical one first. */
export const fill = (externalId: string, q: Meta & { blanks: string[][] }): DemoQuestion => {
	const { blanks, ...meta } = q;
	return {
		externalId,
		content: { ...meta, type: 'fill', blanks: blanks.map((answers) => ({ answers })) }
	};
};

export const essay = (
	externalId: string,
	q: Meta & { referenceAnswer: string; rubric: string }
): DemoQuestion => ({ externalId, content: { ...q, type: 'essay' } });

export const caseStudy = (externalId: string, q: Meta & { parts: CasePart[] }): DemoQuestion => ({
	externalId,
	content: { ...q, type: 'case' }
});
