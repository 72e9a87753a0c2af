import { describe, expect, it } from 'vitest';
import { messageFor, validateQuestion } from './index.ts';
import { makeQuestion } from './testing/factories.ts';

describe('messageFor', () => {
	it('turns any core code into a sentence in the requested locale', () => {
		// an exam code and a rules code, through the same function
		const data = { minutes: 25, min: 30 };
		expect(messageFor('session.duration.short', data, 'zh-CN')).toBe(
			'讲法时长 25 分钟，少于要求的 30 分钟：不计为已开展的学法活动，也不计学分'
		);
		expect(messageFor('question.options.too_few', { count: 1, min: 2 }, 'en')).toBe(
			'At least 2 options are needed (1 given)'
		);
	});

	it('says a validation issue of a question as a person reads it', () => {
		const q = makeQuestion('single', 1);
		const [issue] = validateQuestion({ ...q, difficulty: 9 }).errors;
		expect(messageFor(issue!.code, issue!.data)).toBe('难度必须是1到5的整数（当前：9）');
	});

	it('returns the code for an unknown code and keeps unknown placeholders visible', () => {
		expect(messageFor('nope', {}, 'en')).toBe('nope');
		expect(messageFor('question.options.too_few', { count: 1 }, 'en')).toContain('{min}');
	});
});
