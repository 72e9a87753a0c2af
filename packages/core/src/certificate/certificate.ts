/**
 * Enforcement qualification certificates (执法资格证书): validity, expiring-soon and expired states,
 * renewal by a new pass.
 *
 * Validity: a certificate granted for a pass on day D with N years of validity is valid from D through
 * the day before the same date N years later (2025-03-10 + 3 years → last valid day 2028-03-09).
 */
import { ValidationError, type Issue } from '../errors.ts';
import { addDays, addYears, diffDays, isIsoDate, type IsoDate } from '../calendar/dates.ts';
import type { Reason } from '../rule-result.ts';

/** Certificate settings. */
export interface CertificatePolicy {
	/** Years of validity (default 3). */
	validYears: number;
	/** Days before expiry when a certificate counts as expiring soon (default 90). */
	expiringSoonDays: number;
}

/** The default {@link CertificatePolicy}. */
export const DEFAULT_CERTIFICATE_POLICY: CertificatePolicy = {
	validYears: 3,
	expiringSoonDays: 90
};

/** A certificate, as stored. */
export interface Certificate {
	/** Stable id. */
	id: string;
	/** The holder. */
	personId: string;
	/** What it certifies (e.g. `enforcement`, `annual`). */
	kind: string;
	/** The pass it rests on. */
	attemptId: string;
	/** First valid day. */
	validFrom: IsoDate;
	/** Last valid day (inclusive). */
	validUntil: IsoDate;
	/** The public verification code (see {@link createVerificationCode}). */
	verificationCode: string;
	/** Set when withdrawn (e.g. the pass was voided). */
	revokedOn?: IsoDate;
}

/** A certificate's state on a day. */
export type CertificateState = 'not_yet_valid' | 'valid' | 'expiring_soon' | 'expired' | 'revoked';

/** The state of a certificate on a day, with the days left. */
export interface CertificateStatus {
	/** The state. */
	state: CertificateState;
	/** Days from `today` to the last valid day (negative once expired). */
	daysLeft: number;
	/** The last valid day. */
	validUntil: IsoDate;
}

/**
 * Grants a certificate for a pass.
 *
 * @param input - id, holder, kind, the pass (attempt id and date) and the verification code
 * @param policy - certificate settings
 * @returns the certificate with its validity computed
 * @throws ValidationError for an invalid pass date or policy
 * @example
 * issueCertificate({ id: 'c1', personId: 'p1', kind: 'enforcement', attemptId: 'a1', passedOn: '2025-03-10',
 * 	verificationCode: createVerificationCode(randomBytes) });
 * // → validUntil '2028-03-09'
 */
export function issueCertificate(
	input: {
		id: string;
		personId: string;
		kind: string;
		attemptId: string;
		passedOn: IsoDate;
		verificationCode: string;
	},
	policy: CertificatePolicy = DEFAULT_CERTIFICATE_POLICY
): Certificate {
	const issues: Issue[] = [];
	if (!isIsoDate(input.passedOn))
		issues.push({
			code: 'certificate.date.invalid',
			path: 'passedOn',
			data: { date: input.passedOn }
		});
	if (!(Number.isInteger(policy.validYears) && policy.validYears > 0)) {
		issues.push({
			code: 'certificate.policy.invalid',
			path: 'validYears',
			data: { years: policy.validYears }
		});
	}
	if (issues.length > 0) throw new ValidationError(issues);
	return {
		id: input.id,
		personId: input.personId,
		kind: input.kind,
		attemptId: input.attemptId,
		validFrom: input.passedOn,
		validUntil: addDays(addYears(input.passedOn, policy.validYears), -1),
		verificationCode: input.verificationCode
	};
}

/**
 * The state of a certificate on a day.
 *
 * @param certificate - the certificate
 * @param today - the day (Asia/Shanghai), e.g. `shanghaiDate(now)`
 * @param policy - certificate settings (for the expiring-soon window)
 * @returns the state and the days left
 */
export function certificateStatus(
	certificate: Pick<Certificate, 'validFrom' | 'validUntil' | 'revokedOn'>,
	today: IsoDate,
	policy: CertificatePolicy = DEFAULT_CERTIFICATE_POLICY
): CertificateStatus {
	const daysLeft = diffDays(today, certificate.validUntil);
	let state: CertificateState;
	if (certificate.revokedOn !== undefined && certificate.revokedOn <= today) state = 'revoked';
	else if (today < certificate.validFrom) state = 'not_yet_valid';
	else if (daysLeft < 0) state = 'expired';
	else if (daysLeft < policy.expiringSoonDays) state = 'expiring_soon';
	else state = 'valid';
	return { state, daysLeft, validUntil: certificate.validUntil };
}

/** A person's qualification of one kind. */
export interface Qualification {
	/** Whether the person holds a certificate in force (valid or expiring soon). */
	qualified: boolean;
	/** The certificate that decides (the one in force lasting longest, else the latest). */
	certificate?: Certificate;
	/** Its status. */
	status?: CertificateStatus;
	/** Why: `certificate.valid`, `certificate.expiring_soon`, `certificate.expired`, `certificate.none`. */
	reasons: Reason[];
}

/**
 * A person's qualification from all their certificates of a kind: renewal is simply a new pass
 * granting a new certificate, and the one in force that lasts longest decides.
 *
 * @param certificates - the person's certificates (any order)
 * @param kind - the kind, e.g. `enforcement`
 * @param today - the day (Asia/Shanghai)
 * @param policy - certificate settings
 * @returns whether qualified, the deciding certificate, and the reason
 * @example
 * qualification(certs, 'enforcement', shanghaiDate(now)).qualified; // 持证上岗
 */
export function qualification(
	certificates: readonly Certificate[],
	kind: string,
	today: IsoDate,
	policy: CertificatePolicy = DEFAULT_CERTIFICATE_POLICY
): Qualification {
	const mine = certificates
		.filter((c) => c.kind === kind)
		.map((c) => ({ c, s: certificateStatus(c, today, policy) }))
		.sort((a, b) =>
			a.c.validUntil > b.c.validUntil
				? -1
				: a.c.validUntil < b.c.validUntil
					? 1
					: a.c.id < b.c.id
						? -1
						: 1
		);
	const inForce = mine.find((x) => x.s.state === 'valid' || x.s.state === 'expiring_soon');
	const pick = inForce ?? mine.find((x) => x.s.state !== 'revoked') ?? mine[0];
	if (!pick) return { qualified: false, reasons: [{ code: 'certificate.none', data: { kind } }] };
	const data = {
		kind,
		certificateId: pick.c.id,
		validUntil: pick.c.validUntil,
		daysLeft: pick.s.daysLeft
	};
	return {
		qualified: inForce !== undefined,
		certificate: pick.c,
		status: pick.s,
		reasons: [{ code: `certificate.${pick.s.state}`, data }]
	};
}
