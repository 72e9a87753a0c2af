import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES, messageFor } from '../index.ts';

describe('the exam codes in CORE_MESSAGES', () => {
	it('has the same codes in zh-CN and en', () => {
		expect(Object.keys(CORE_MESSAGES.en).sort()).toEqual(
			Object.keys(CORE_MESSAGES['zh-CN']).sort()
		);
	});

	it('derives labels for types, states and nested issues', () => {
		expect(messageFor('attempt.illegal_transition', { from: 'graded', to: 'in_progress' })).toBe(
			'答卷不能从“已评分”变为“作答中”'
		);
		expect(
			messageFor(
				'paper.fixed.type',
				{ section: 1, questionId: 'q', type: 'single', actual: 'essay' },
				'en'
			)
		).toBe('Section 1: fixed question q is short-answer, not single-choice');
		expect(
			messageFor('paper.section.short', {
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
