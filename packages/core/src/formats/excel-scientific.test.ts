import { describe, expect, it } from 'vitest';
import { isExcelScientific } from './excel-scientific.ts';

describe('isExcelScientific', () => {
	it('tells a long number as Excel shows it', () => {
		for (const cell of ['1.23457E+17', '1E+15', ' 9.99999e+20 ', '-1.5E-07', '1.2E+100'])
			expect(isExcelScientific(cell), cell).toBe(true);
	});

	it('leaves numbers Excel keeps whole and texts that only look alike', () => {
		for (const cell of ['123456789012', '000123', 'E+17', '12E+17', '1.2.3E+17', '1E+5', 'J-2', ''])
			expect(isExcelScientific(cell), cell).toBe(false);
	});
});
