import { describe, expect, it } from 'vitest';
import { EXCEL_ROUNDED_MARK, excelLostDigits, isExcelScientific } from './excel-scientific.ts';

describe('isExcelScientific', () => {
	it('tells a long number as Excel shows it', () => {
		for (const cell of ['1.23457E+17', '1E+15', ' 9.99999e+20 ', '-1.5E-07', '1.2E+100'])
			expect(isExcelScientific(cell), cell).toBe(true);
	});

	it('leaves numbers Excel keeps whole and texts that only look alike', () => {
		for (const cell of ['123456789012', '000123', 'E+17', '12E+17', '1.2.3E+17', '1E+5', 'J-2', ''])
			expect(isExcelScientific(cell), cell).toBe(false);
	});

	it('tells a number the reader marked as rounded from a text of the same digits', () => {
		expect(excelLostDigits(`110101199003071000${EXCEL_ROUNDED_MARK}`)).toEqual({
			code: 'rounded',
			value: '110101199003071000'
		});
		expect(excelLostDigits(' 1.23457E+17 ')).toEqual({ code: 'scientific', value: '1.23457E+17' });
		expect(excelLostDigits('110101199003071000')).toBeUndefined();
	});
});
