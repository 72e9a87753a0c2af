import { describe, expect, it } from 'vitest';
import { ValidationError, creditEligibility, messageFor } from '../index.ts';

const need24 = { year: 2026, credits: 24 };

describe('creditEligibility', () => {
	it('lets anyone sit a sitting that requires no credits', () => {
		const d = creditEligibility(null, 0);
		expect(d).toMatchObject({ eligible: true, required: null, shortfall: 0 });
		expect(d.reason.code).toBe('credits.not_required');
	});

	it('refuses a cadre short of the requirement and says by how much', () => {
		const d = creditEligibility(need24, 20.5);
		expect(d.eligible).toBe(false);
		expect(d.shortfall).toBe(3.5);
		expect(d.reason).toEqual({
			code: 'credits.short',
			data: { shortfall: 3.5, earned: 20.5, required: 24, year: 2026 }
		});
		expect(messageFor(d.reason.code, d.reason.data, 'zh-CN')).toContain('还差 3.5 分');
		expect(messageFor(d.reason.code, d.reason.data, 'en')).toContain('20.5 of the 24');
	});

	it('admits exactly the required number, and more', () => {
		expect(creditEligibility(need24, 24)).toMatchObject({ eligible: true, shortfall: 0 });
		expect(creditEligibility(need24, 30).reason.code).toBe('credits.met');
	});

	it('does not let floating-point dust make a cadre short (0.1 + 0.2 credits against 0.3)', () => {
		expect(creditEligibility({ year: 2026, credits: 0.3 }, 0.1 + 0.2).eligible).toBe(true);
	});

	it('lets an exempted cadre sit whatever they earned, and gives the reason', () => {
		const d = creditEligibility(need24, 2, { reason: ' 援疆挂职 ' });
		expect(d.eligible).toBe(true);
		expect(d.shortfall).toBe(0);
		expect(d.reason.code).toBe('credits.exempted');
		expect(messageFor(d.reason.code, d.reason.data, 'zh-CN')).toBe('已免除学法积分要求：援疆挂职');
	});

	it('a requirement of 0 is met by anyone', () => {
		expect(creditEligibility({ year: 2026, credits: 0 }, 0).eligible).toBe(true);
	});

	it('rejects a negative requirement, negative credits, a bad year and an exemption without a reason', () => {
		expect(() => creditEligibility({ year: 2026, credits: -1 }, 0)).toThrow(ValidationError);
		expect(() => creditEligibility(need24, Number.NaN)).toThrow(ValidationError);
		expect(() => creditEligibility({ year: 20.5, credits: 1 }, 0)).toThrow(ValidationError);
		try {
			creditEligibility(need24, 0, { reason: '  ' });
			expect.unreachable();
		} catch (e) {
			expect((e as ValidationError).issues.map((i) => i.code)).toEqual([
				'credits.exemption.reason_empty'
			]);
		}
	});
});
