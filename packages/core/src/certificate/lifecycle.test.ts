import { describe, expect, it } from 'vitest';
import {
	DEFAULT_CERTIFICATE_POLICY,
	ValidationError,
	certificateStatus,
	issueCertificate,
	partsPassed,
	qualification,
	requalificationBar,
	validateCertificateEvent,
	validateCertificatePolicy,
	type Certificate,
	type CertificateEvent,
	type CertificatePolicy
} from '../index.ts';

const base = {
	id: 'c1',
	personId: 'p1',
	kind: 'enforcement',
	attemptId: 'a1',
	passedOn: '2025-03-10',
	verificationCode: 'X'
};
const cert = (events: CertificateEvent[] = []): Certificate => ({
	...issueCertificate(base),
	events
});
const reviewing: CertificatePolicy = { ...DEFAULT_CERTIFICATE_POLICY, reviewEveryYears: 1 };
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('a suspension and a revocation', () => {
	const suspended = cert([{ kind: 'suspended', on: '2025-06-01', reason: '违法执法，暂扣' }]);

	it('suspend the certificate from their day, with the reason, until it is reinstated', () => {
		expect(certificateStatus(suspended, '2025-05-31').state).toBe('valid');
		expect(certificateStatus(suspended, '2025-06-01')).toMatchObject({
			state: 'suspended',
			reason: '违法执法，暂扣'
		});
		const back = cert([
			...suspended.events!,
			{ kind: 'reinstated', on: '2025-09-01', reason: '整改完毕' }
		]);
		expect(certificateStatus(back, '2025-08-31').state).toBe('suspended');
		expect(certificateStatus(back, '2025-09-01').state).toBe('valid');
	});

	it('revoke for good, whatever comes after', () => {
		const revoked = cert([
			{ kind: 'revoked', on: '2025-07-01', reason: '被开除' },
			{ kind: 'reinstated', on: '2025-08-01', reason: 'x' }
		]);
		expect(certificateStatus(revoked, '2026-01-01')).toMatchObject({
			state: 'revoked',
			reason: '被开除'
		});
	});

	it('leave a suspended holder without the qualification', () => {
		expect(qualification([suspended], 'enforcement', '2025-07-01').qualified).toBe(false);
		expect(qualification([suspended], 'enforcement', '2025-07-01').reasons[0]!.code).toBe(
			'certificate.suspended'
		);
	});
});

describe('review (审验)', () => {
	it('is due every N years from the first day, counted again from the last review', () => {
		const c = cert();
		expect(certificateStatus(c, '2026-03-10', reviewing)).toMatchObject({
			state: 'valid',
			reviewDue: '2026-03-10'
		});
		expect(certificateStatus(c, '2026-03-11', reviewing).state).toBe('review_overdue');
		const reviewed = cert([{ kind: 'reviewed', on: '2026-02-20' }]);
		expect(certificateStatus(reviewed, '2026-03-11', reviewing)).toMatchObject({
			state: 'valid',
			reviewDue: '2027-02-20'
		});
		expect(qualification([c], 'enforcement', '2026-04-01', reviewing).qualified).toBe(false);
	});

	it('does not apply when the settings ask for none', () => {
		expect(certificateStatus(cert(), '2027-06-01').state).toBe('valid');
		expect(certificateStatus(cert(), '2027-06-01').reviewDue).toBeUndefined();
	});
});

describe('recording an event', () => {
	const today = '2026-01-05';
	it('needs a reason to suspend, reinstate or revoke, and a date neither future nor before the first day', () => {
		expect(
			codes(validateCertificateEvent(cert(), { kind: 'suspended', on: today }, today))
		).toEqual(['certificate.event.reason_required']);
		expect(
			codes(
				validateCertificateEvent(cert(), { kind: 'revoked', on: '2026-01-06', reason: 'x' }, today)
			)
		).toEqual(['certificate.event.future']);
		expect(
			codes(
				validateCertificateEvent(cert(), { kind: 'revoked', on: '2025-01-06', reason: 'x' }, today)
			)
		).toContain('certificate.event.before_valid');
		expect(
			validateCertificateEvent(cert(), { kind: 'revoked', on: today, reason: 'x' }, today)
		).toEqual([]);
	});

	it('follows the life of a certificate: no reinstating what is not suspended, nothing after revocation', () => {
		expect(
			codes(validateCertificateEvent(cert(), { kind: 'reinstated', on: today, reason: 'x' }, today))
		).toEqual(['certificate.event.not_suspended']);
		const s = cert([{ kind: 'suspended', on: '2025-12-01', reason: 'x' }]);
		expect(
			codes(validateCertificateEvent(s, { kind: 'suspended', on: today, reason: 'y' }, today))
		).toEqual(['certificate.event.already_suspended']);
		const r = cert([{ kind: 'revoked', on: '2025-12-01', reason: 'x' }]);
		expect(codes(validateCertificateEvent(r, { kind: 'reviewed', on: today }, today))).toEqual([
			'certificate.event.revoked'
		]);
	});

	it('takes a review only when the settings ask for reviews', () => {
		expect(codes(validateCertificateEvent(cert(), { kind: 'reviewed', on: today }, today))).toEqual(
			['certificate.event.no_review']
		);
		expect(
			validateCertificateEvent(cert(), { kind: 'reviewed', on: today }, today, reviewing)
		).toEqual([]);
	});
});

describe('validity', () => {
	it('runs to the end of a province-wide window for every pass inside it, and refuses a pass outside', () => {
		const policy = {
			...DEFAULT_CERTIFICATE_POLICY,
			window: { from: '2024-01-01', until: '2026-12-31' }
		};
		expect(issueCertificate(base, policy)).toMatchObject({
			validFrom: '2025-03-10',
			validUntil: '2026-12-31'
		});
		expect(() => issueCertificate({ ...base, passedOn: '2027-01-02' }, policy)).toThrow(
			ValidationError
		);
	});

	it('counts a period from the pass otherwise', () => {
		expect(
			issueCertificate(base, { ...DEFAULT_CERTIFICATE_POLICY, validYears: 5 }).validUntil
		).toBe('2030-03-09');
	});
});

describe('a certificate made of parts', () => {
	const both = { ...DEFAULT_CERTIFICATE_POLICY, requiredParts: ['general', 'special'] };

	it('is complete when each part has a pass, on the day of the later one', () => {
		expect(partsPassed([{ part: 'general', passedOn: '2026-03-01' }], both)).toEqual({
			complete: false,
			missing: ['special']
		});
		expect(
			partsPassed(
				[
					{ part: 'special', passedOn: '2026-04-02' },
					{ part: 'general', passedOn: '2026-03-01' }
				],
				both
			)
		).toEqual({ complete: true, missing: [], completedOn: '2026-04-02' });
	});

	it('counts a paper on both parts for each, and any pass when no parts are required', () => {
		expect(partsPassed([{ part: null, passedOn: '2026-03-01' }], both).complete).toBe(true);
		expect(partsPassed([{ part: 'general', passedOn: '2026-03-01' }]).complete).toBe(true);
		expect(partsPassed([]).complete).toBe(false);
	});
});

const suspension: CertificateEvent = { kind: 'suspended', on: '2025-06-01', reason: '暂扣' };
const revocation: CertificateEvent = { kind: 'revoked', on: '2025-07-01', reason: '违法执法' };

describe('requalifying by a new pass (requalificationBar)', () => {
	it('is barred while a certificate is suspended, even once it has expired, until it is reinstated', () => {
		const c = cert([suspension]);
		expect(requalificationBar([c], '2025-05-31').barred).toBe(false);
		expect(requalificationBar([c], '2025-06-01')).toEqual({
			barred: true,
			reasons: [
				{
					code: 'certificate.requalify.suspended',
					data: { certificateId: 'c1', since: '2025-06-01', reason: '暂扣' }
				}
			]
		});
		// the certificate ran out in March 2028 while still suspended: the suspension stands
		expect(requalificationBar([c], '2029-01-01').barred).toBe(true);
		const lifted = cert([suspension, { kind: 'reinstated', on: '2025-09-01', reason: '整改' }]);
		expect(requalificationBar([lifted], '2025-08-31').barred).toBe(true);
		expect(requalificationBar([lifted], '2025-09-01').barred).toBe(false);
	});

	it('after a revocation, is barred for the set years from its day (default one)', () => {
		const c = { ...cert([revocation]), revokedOn: '2025-07-01' };
		expect(requalificationBar([c], '2025-06-30').barred).toBe(false);
		expect(requalificationBar([c], '2026-06-30')).toMatchObject({
			barred: true,
			from: '2026-07-01',
			reasons: [{ code: 'certificate.requalify.revoked', data: { revokedOn: '2025-07-01' } }]
		});
		expect(requalificationBar([c], '2026-07-01').barred).toBe(false);
		const three = { ...DEFAULT_CERTIFICATE_POLICY, revocationWaitYears: 3 };
		expect(requalificationBar([c], '2028-06-30', three).from).toBe('2028-07-01');
		const none = { ...DEFAULT_CERTIFICATE_POLICY, revocationWaitYears: 0 };
		expect(requalificationBar([c], '2025-07-02', none).barred).toBe(false);
	});

	it('is not barred by a certificate withdrawn with its pass (voided or regraded: no revocation event)', () => {
		const withdrawn = { ...cert(), revokedOn: '2025-04-01' };
		expect(requalificationBar([withdrawn], '2025-04-02').barred).toBe(false);
	});

	it('gives no end day while a suspension also stands', () => {
		const bar = requalificationBar(
			[cert([revocation]), { ...cert([suspension]), id: 'c2' }],
			'2025-08-01'
		);
		expect(bar.reasons.map((r) => r.code)).toEqual([
			'certificate.requalify.revoked',
			'certificate.requalify.suspended'
		]);
		expect(bar.from).toBeUndefined();
	});

	it('has a wait the settings check: a whole number of years from 0 to 10', () => {
		const codes = (years: number) =>
			validateCertificatePolicy({ ...DEFAULT_CERTIFICATE_POLICY, revocationWaitYears: years }).map(
				(i) => i.code
			);
		expect(codes(0)).toEqual([]);
		expect(codes(10)).toEqual([]);
		expect(codes(11)).toEqual(['certificate.policy.revocation_wait_invalid']);
		expect(codes(1.5)).toEqual(['certificate.policy.revocation_wait_invalid']);
	});
});

describe('qualification beside a suspended certificate', () => {
	it('is not held: a second certificate does not lift the suspension of the first', () => {
		const first = cert([suspension]);
		const second = { ...cert(), id: 'c2', validFrom: '2025-07-01', validUntil: '2028-06-30' };
		const q = qualification([first, second], 'enforcement', '2025-08-01');
		expect(q.qualified).toBe(false);
		expect(q.reasons[0]!.code).toBe('certificate.suspended');
	});
});
