/// <reference types="node" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	QUESTION_TYPES,
	gradeItem,
	parseRows,
	questionTypeModule,
	questionTypeModules,
	toCandidatePaper,
	validateQuestion
} from '../../index.ts';
import { makeQuestion } from '../../testing/factories.ts';

describe('question type registry', () => {
	it('has one module per type, in its own folder, in display order', () => {
		expect(questionTypeModules().map((m) => m.type)).toEqual([...QUESTION_TYPES]);
		for (const type of QUESTION_TYPES) {
			expect(questionTypeModule(type).type).toBe(type);
			expect(existsSync(join(import.meta.dirname, type, 'index.ts')), type).toBe(true);
		}
	});

	it('gives every type a row-format name no other type uses', () => {
		const names = questionTypeModules().flatMap((m) => m.rowNames);
		expect(new Set(names).size).toBe(names.length);
	});

	it.each(QUESTION_TYPES)(
		'%s: valid, viewed without its key, graded, and round-trips rows',
		(type) => {
			const q = makeQuestion(type, 1);
			expect(validateQuestion(q)).toEqual({ ok: true, errors: [], warnings: [] });
			const mod = questionTypeModule(type);
			const item = { question: q, points: 2 };
			const view = toCandidatePaper({
				sections: [{ type, points: 2, items: [item] }],
				totalPoints: 2
			});
			expect(JSON.stringify(view)).not.toMatch(/"correct"|"answers"|"referenceAnswer"|"rubric"/);
			// an unanswered response from garbage, never a crash
			const empty = mod.normaliseResponse({ nonsense: true }, q as never);
			expect(empty.type).toBe(type);
			expect(gradeItem(item, empty).status).toBe('unanswered');
			const rows = mod.rows.write(q as never);
			expect(rows).toBeDefined();
		}
	);

	it('reads each type from its row-format names', () => {
		for (const mod of questionTypeModules()) {
			if (mod.type === 'case') continue;
			const r = parseRows([
				['题型', '题干', '选项A', '选项B', '答案'],
				[mod.rowNames[0]!, '题', '甲', '乙', mod.type === 'truefalse' ? '对' : 'A']
			]);
			expect(r.questions[0]?.type ?? r.issues, mod.type).toBe(mod.type);
		}
	});
});
