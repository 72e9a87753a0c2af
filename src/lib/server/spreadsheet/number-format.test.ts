import { describe, expect, it } from 'vitest';
import { shownNumber } from './number-format.ts';

describe('a number as its cell’s number format shows it', () => {
	it.each([
		[3.5, '0.00', '3.50'],
		[3.5, '0.0#', '3.5'],
		[1000, '#,##0', '1,000'],
		[-1234567.891, '#,##0.00', '-1,234,567.89'],
		[1234, '000000', '001234'],
		[13800138000, '000-0000-0000', '138-0013-8000'],
		[5, '0"分"', '5分'],
		[5, '"第"0"题"', '第5题'],
		[0.125, '0.0%', '12.5%'],
		[0.3, '0%', '30%'],
		[123456, '0.00E+00', '1.23E+05'],
		[0.000123, '0.0E+00', '1.2E-04'],
		[1500, '[$¥-804]#,##0', '¥1,500'],
		[-5, '0;[Red](0)', '(5)'],
		[0, '0;-0;"零"', '零'],
		[1, '"是";;"否"', '是'],
		[12, '"共"General"题"', '共12题'],
		[2500000, '#,##0,"千"', '2,500千'],
		[7, '0_);(0)', '7'],
		// past Excel's 15 digits: as Excel shows it, the digits past the fifteenth 0s
		[Number('110101199003071234'), '0', '110101199003071000'],
		[Number('110101199003071234'), '000000000000000000', '110101199003071000'],
		[123456789012345, '0', '123456789012345']
	])('%s in %s shows %s', (n, code, shown) => {
		expect(shownNumber(n, code)).toBe(shown);
	});

	it.each(['# ?/?', '[>100]0;0', '[DBNum1]0', '@', 'yyyy', ';;;'])(
		'leaves a format it does not read (%s) to the caller',
		(code) => {
			expect(shownNumber(12, code)).toBeUndefined();
		}
	);
});
