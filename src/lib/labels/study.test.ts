import { afterEach, describe, expect, it } from 'vitest';
import { CN_HOLIDAYS } from '@xuefa/core';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { USUAL_HOLIDAYS } from '$lib/schemas/limits.ts';
import { holidayLabel } from './study.ts';

describe('a public holiday’s name', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	it('reads as the notice writes it in Chinese, and in English as the shipped calendar names it', () => {
		const shipped = CN_HOLIDAYS.flatMap((y) => y.holidays);
		expect(shipped.map((h) => holidayLabel(h.name))).toEqual(shipped.map((h) => h.name));
		overwriteGetLocale(() => 'en');
		expect(shipped.map((h) => holidayLabel(h.name))).toEqual(shipped.map((h) => h.nameEn));
		expect(USUAL_HOLIDAYS.every((name) => holidayLabel.has(name))).toBe(true);
		// a name an administrator typed is shown as typed
		expect(holidayLabel('区庆')).toBe('区庆');
	});
});
