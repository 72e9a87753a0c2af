import { describe, expect, it } from 'vitest';
import { ANNOUNCE_EVERY_MS, Announcer } from './announce.ts';

describe('a live region that speaks at most once a minute', () => {
	it('says the first value, then holds back a value ticking every second for a minute', () => {
		const a = new Announcer();
		expect(a.next('剩余 30:00', 0).say).toBe('剩余 30:00');
		for (let s = 1; s < 60; s++) {
			const out = a.next(`剩余 29:${String(60 - s).padStart(2, '0')}`, s * 1000);
			expect(out.say).toBe('剩余 30:00');
			expect(out.askAgainInMs).toBe(ANNOUNCE_EVERY_MS - s * 1000);
		}
		expect(a.next('剩余 29:00', 60_000)).toEqual({ say: '剩余 29:00', askAgainInMs: null });
	});

	it('says the latest value when asked again after the minute, so a last change is not lost', () => {
		const a = new Announcer();
		a.next('正在保存', 0);
		const held = a.next('已保存', 5_000);
		expect(held.say).toBe('正在保存');
		expect(a.next('已保存', 5_000 + held.askAgainInMs!).say).toBe('已保存');
	});

	it('says urgent text at once, and an unchanged value asks for nothing', () => {
		const a = new Announcer();
		a.next('已保存', 0);
		expect(a.next('已保存', 1_000)).toEqual({ say: '已保存', askAgainInMs: null });
		expect(a.next('网络已断开，答案保存在本机', 2_000, true).say).toBe(
			'网络已断开，答案保存在本机'
		);
	});
});
