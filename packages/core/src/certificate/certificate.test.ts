import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	CODE_ALPHABET,
	ValidationError,
	certificateStatus,
	checkVerificationCode,
	createVerificationCode,
	issueCertificate,
	qualification
} from '../index.ts';

/** A deterministic byte source (xorshift), standing in for crypto.getRandomValues. */
function bytesFrom(seed: number) {
	let x = seed | 1;
	return (n: number) => {
		const out = new Uint8Array(n);
		for (let i = 0; i < n; i++) {
			x ^= x << 13;
			x ^= x >>> 17;
			x ^= x << 5;
			out[i] = x & 0xff;
		}
		return out;
	};
}

describe('verification codes', () => {
	it('looks like XXXX-XXXX-XXXX-XXXX from the alphabet and checks out', () => {
		const code = createVerificationCode(bytesFrom(42));
		expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
		expect(checkVerificationCode(code)).toEqual({ ok: true, code });
		expect(checkVerificationCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toEqual({
			ok: true,
			code
		});
		expect(createVerificationCode(bytesFrom(42))).toBe(code);
		expect(createVerificationCode(bytesFrom(44))).not.toBe(code);
	});

	it('has no ambiguous characters and a prime-size alphabet', () => {
		expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
		expect(CODE_ALPHABET.length).toBe(31);
		expect(new Set(CODE_ALPHABET).size).toBe(31);
	});

	it('accepts full-width input and explains wrong input', () => {
		const code = createVerificationCode(bytesFrom(7));
		const fullWidth = [...code]
			.map((c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
			.join('');
		expect(checkVerificationCode(fullWidth)).toEqual({ ok: true, code });
		expect(checkVerificationCode('ABC')).toMatchObject({ ok: false, reason: 'code.length' });
		expect(checkVerificationCode(code.replace(/^./, '0'))).toMatchObject({
			ok: false,
			reason: 'code.character',
			data: { position: 1 }
		});
	});

	it('refuses a byte array too short to fill a code', () => {
		expect(() => createVerificationCode(new Uint8Array(10))).toThrow(ValidationError);
	});

	it('catches every single substitution and every adjacent swap (exhaustive per code)', () => {
		fc.assert(
			fc.property(fc.integer(), (seed) => {
				const raw = createVerificationCode(bytesFrom(seed)).replace(/-/g, '');
				// collected, then compared once: a hundred thousand expect() calls took seconds
				const accepted: string[] = [];
				for (let i = 0; i < raw.length; i++) {
					for (const c of CODE_ALPHABET) {
						if (c === raw[i]) continue;
						const typo = raw.slice(0, i) + c + raw.slice(i + 1);
						if (checkVerificationCode(typo).ok) accepted.push(typo);
					}
					if (i + 1 < raw.length && raw[i] !== raw[i + 1]) {
						const swapped = raw.slice(0, i) + raw[i + 1] + raw[i] + raw.slice(i + 2);
						if (checkVerificationCode(swapped).ok) accepted.push(swapped);
					}
				}
				expect(accepted).toEqual([]);
			}),
			{ numRuns: 200 }
		);
	});

	it('the check is exhaustive in principle: every weight difference is a unit mod 31', () => {
		// substitution: weight w ∈ 1..16 times d ∈ 1..30 never ≡ 0; swap: (v_b − v_a)(w_i − w_{i+1}) = ±(v_b − v_a) ≢ 0
		for (let w = 1; w <= 16; w++) for (let d = 1; d < 31; d++) expect((w * d) % 31).not.toBe(0);
	});
});

describe('certificates', () => {
	const cert = issueCertificate({
		id: 'c1',
		personId: 'p1',
		kind: 'enforcement',
		attemptId: 'a1',
		passedOn: '2025-03-10',
		verificationCode: 'X'
	});

	it('is valid for three years by default', () => {
		expect(cert.validUntil).toBe('2028-03-09');
		expect(certificateStatus(cert, '2025-03-10').state).toBe('valid');
		expect(certificateStatus(cert, '2027-12-11')).toEqual({
			state: 'expiring_soon',
			daysLeft: 90 - 1,
			validUntil: '2028-03-09'
		});
		expect(certificateStatus(cert, '2028-03-09').state).toBe('expiring_soon');
		expect(certificateStatus(cert, '2028-03-10')).toMatchObject({ state: 'expired', daysLeft: -1 });
		expect(certificateStatus(cert, '2025-03-09').state).toBe('not_yet_valid');
		expect(certificateStatus({ ...cert, revokedOn: '2026-01-01' }, '2026-02-01').state).toBe(
			'revoked'
		);
	});

	it('renews by a new pass', () => {
		const renewed = issueCertificate({
			id: 'c2',
			personId: 'p1',
			kind: 'enforcement',
			attemptId: 'a2',
			passedOn: '2028-01-05',
			verificationCode: 'Y'
		});
		expect(qualification([cert], 'enforcement', '2028-04-01')).toMatchObject({
			qualified: false,
			reasons: [{ code: 'certificate.expired' }]
		});
		const q = qualification([renewed, cert], 'enforcement', '2028-04-01');
		expect(q).toMatchObject({
			qualified: true,
			certificate: { id: 'c2' },
			reasons: [{ code: 'certificate.valid' }]
		});
		expect(qualification([], 'enforcement', '2028-04-01').reasons[0]?.code).toBe(
			'certificate.none'
		);
	});
});
