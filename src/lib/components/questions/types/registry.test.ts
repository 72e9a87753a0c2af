import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	QUESTION_TYPES,
	gradeItem,
	questionTypeModule,
	type PartType,
	type QuestionVersion
} from '@xuefa/core';
import { contentOfDraft, draftOf } from '$lib/questions/draft.ts';
import { QUESTION_TYPE_UI } from './registry.ts';

const folder = (type: string) => join(import.meta.dirname, type);
const PART_TYPES = QUESTION_TYPES.filter((t) => t !== 'case') as PartType[];

const meta = { id: 'q', version: 1, difficulty: 3, laws: [], tags: [] };
const questions: Record<string, QuestionVersion> = {
	single: {
		...meta,
		type: 'single',
		stem: '单选',
		options: [
			{ id: 'A', text: '甲', correct: false },
			{ id: 'B', text: '乙', correct: true }
		]
	},
	multiple: {
		...meta,
		type: 'multiple',
		stem: '多选',
		options: [
			{ id: 'A', text: '甲', correct: true },
			{ id: 'B', text: '乙', correct: false },
			{ id: 'C', text: '丙', correct: true }
		]
	},
	truefalse: { ...meta, type: 'truefalse', stem: '判断', answer: false },
	fill: { ...meta, type: 'fill', stem: '第___条', blanks: [{ answers: ['四十二', '42'] }] },
	essay: { ...meta, type: 'essay', stem: '简答', referenceAnswer: '参考' },
	case: {
		...meta,
		type: 'case',
		stem: '案例',
		parts: [{ type: 'truefalse', stem: '小题', answer: true }]
	}
};
/** The form fields of a right answer to each question above (the field names the inputs use). */
const rightFields: Record<string, Record<string, string[]>> = {
	single: { a: ['B'] },
	multiple: { a: ['A', 'C'] },
	truefalse: { a: ['false'] },
	fill: { a_0: ['42'] },
	essay: { a: ['我的答案'] },
	case: { p0: ['true'] }
};

describe('question types in the app', () => {
	it('has, for every type of the core, a folder with its components and a registry line', () => {
		for (const type of QUESTION_TYPES) {
			expect(questionTypeModule(type).type).toBe(type);
			expect(QUESTION_TYPE_UI[type].type).toBe(type);
			for (const file of ['index.ts', 'Answer.svelte', 'Editor.svelte'])
				expect(existsSync(join(folder(type), file)), `${type}/${file}`).toBe(true);
		}
		// a case shows its parts' keys and views; every other type has its own
		for (const type of PART_TYPES)
			for (const file of ['Key.svelte', 'View.svelte'])
				expect(existsSync(join(folder(type), file)), `${type}/${file}`).toBe(true);
	});

	it.each(QUESTION_TYPES)('%s: the answer form reads back as a right answer', (type) => {
		const q = questions[type]!;
		const response = QUESTION_TYPE_UI[type].responseFromFields(q as never, 'a', rightFields[type]!);
		const grade = gradeItem({ question: q, points: 1 }, response);
		// an essay waits for a person; everything else is right
		expect(grade.status).toBe(type === 'essay' ? 'pending' : 'correct');
	});

	it.each(QUESTION_TYPES)('%s: a stored question goes through the editor unchanged', (type) => {
		const q = questions[type]!;
		const { content, issues } = contentOfDraft(draftOf(q));
		expect(issues).toEqual([]);
		expect({ ...content, id: q.id }).toEqual(q);
	});
});
