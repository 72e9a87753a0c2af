import { describe, expect, it } from 'vitest';
import { shanghaiDay } from '@xuefa/core';
import { dayFromNow } from './days.ts';

const now = new Date('2026-03-02T22:30:00+08:00');

describe('dayFromNow', () => {
	it('names the next review as a day, not a clock time', () => {
		expect(dayFromNow(new Date('2026-03-03T03:02:00+08:00'), now, 'zh-CN')).toBe('明天');
		expect(dayFromNow(new Date('2026-03-03T03:02:00+08:00'), now, 'en')).toBe('tomorrow');
		expect(dayFromNow(new Date('2026-03-02T23:59:00+08:00'), now, 'zh-CN')).toBe('今天');
		expect(dayFromNow(new Date('2026-03-05T08:00:00+08:00'), now, 'zh-CN')).toBe('3天后');
		expect(dayFromNow(new Date('2026-03-05T08:00:00+08:00'), now, 'en')).toBe('in 3 days');
		// far ahead or already past: the date
		expect(dayFromNow(new Date('2026-04-20T08:00:00+08:00'), now, 'zh-CN')).toBe('2026年4月20日');
		expect(dayFromNow(new Date('2026-02-27T08:00:00+08:00'), now, 'en')).toBe('Feb 27, 2026');
	});

	it('counts days in Shanghai whatever the server’s zone', () => {
		// 23:30 UTC on 1 March is 07:30 on 2 March in Shanghai
		const { start, end } = shanghaiDay(new Date('2026-03-01T23:30:00Z'));
		expect(start.toISOString()).toBe('2026-03-01T16:00:00.000Z');
		expect(end.toISOString()).toBe('2026-03-02T16:00:00.000Z');
	});
});
