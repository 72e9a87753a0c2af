import { describe, expect, it } from 'vitest';
import { examMessages, formatExamMessage } from '../index.ts';

describe('examMessages', () => {
	it('has the same codes in zh-CN and en', () => {
		expect(Object.keys(examMessages.en).sort()).toEqual(Object.keys(examMessages['zh-CN']).sort());
	});

	it('derives labels for types, states and nested issues', () => {
		expect(
			formatExamMessage('attempt.illegal_transition', { from: 'graded', to: 'in_progress' })
		).toBe('答卷不能从“已评分”变为“作答中”');
		expect(
			formatExamMessage(
				'paper.fixed.type',
				{ section: 1, questionId: 'q', type: 'single', actual: 'essay' },
				'en'
			)
		).toBe('Section 1: fixed question q is short-answer, not single-choice');
		expect(
			formatExamMessage('paper.section.short', {
				section: 3,
				type: 'single',
				need: 5,
				have: 2,
				laws: '',
				topics: '听证',
				tags: '',
				difficulty: ''
			})
		).toBe('第3部分需要5道知识点“听证”的单选题，题库只有2道');
	});
});
