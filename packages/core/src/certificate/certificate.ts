/**
 * Enforcement qualification certificates (执法资格证书): validity, expiring-soon and expired states,
 * renewal by a new pass, suspension (暂扣) and revocation (吊销/撤销) with a reason, and periodic review
 * (审验).
 *
 * Validity: a certificate granted for a pass on day D with N years of validity is valid from D through
 * the day before the same date N years later (2025-03-10 + 3 years → last valid day 2028-03-09); where
 * the province issues enforcement IDs in a fixed window, every certificate granted inside the window runs
 * to the window's last day. Review: a certificate is reviewed every N years from its first day (or from
 * its last review); one whose review is overdue is not in force until it is reviewed.
 */
import { ValidationError, type Issue } from '../errors.ts';
import { addDays, addYears, diffDays, isIsoDate, type IsoDate } from '../calendar/dates.ts';
import type { PolicySettingInfo } from '../policy/sources.ts';
import type { Reason } from '../rule-result.ts';

/** A fixed validity window, the same for every certificate granted inside it. */
export interface ValidityWindow {
	/** First day of the window. */
	from: IsoDate;
	/** Last day of the window: every certificate granted inside it is valid through this day. */
	until: IsoDate;
}

/** Certificate settings. */
export interface CertificatePolicy {
	/** Years of validity counted from the pass (default 3), when there is no {@link window}. */
	validYears: number;
	/** Days before expiry when a certificate counts as expiring soon (default 90). */
	expiringSoonDays: number;
	/** A province-wide window instead of a period from the pass (default none). */
	window?: ValidityWindow | null;
	/** Review (审验) every this many years, 1 or 2; 0 for none (default 0). */
	reviewEveryYears?: number;
	/**
	 * The exam parts whose passes together grant the certificate, e.g. `['general', 'special']`
	 * (通用法律知识 and 专门法律知识); empty (the default): one pass grants it. A pass of an exam
	 * without a part covers every part (one paper on both).
	 */
	requiredParts?: readonly string[];
	/**
	 * Years after a revocation (吊销) during which a new pass grants its holder no new certificate
	 * (default 1; 0: a pass counts again at once). See {@link requalificationBar}.
	 */
	revocationWaitYears?: number;
}

/** The default {@link CertificatePolicy}. */
export const DEFAULT_CERTIFICATE_POLICY: CertificatePolicy = {
	validYears: 3,
	expiringSoonDays: 90,
	window: null,
	reviewEveryYears: 0,
	requiredParts: [],
	revocationWaitYears: 1
};

/**
 * Every certificate setting with its default, for the settings screen. No document the project
 * checked fixes these numbers (the domain brief gives three years as an example, and review yearly
 * or every two years by province): each is a local choice.
 */
export const CERTIFICATE_POLICY_SETTINGS: readonly PolicySettingInfo[] = (
	[
		'validYears',
		'expiringSoonDays',
		'window',
		'reviewEveryYears',
		'requiredParts',
		'revocationWaitYears'
	] as const
).map((k) => ({
	key: `certificate.${k}`,
	// a copy: a screen that edits the value must not change the default
	defaultValue: JSON.parse(
		JSON.stringify(DEFAULT_CERTIFICATE_POLICY[k])
	) as PolicySettingInfo['defaultValue'],
	source: 'local_choice',
	seeAlso: []
}));

/** What happened to a certificate after it was granted. */
export type CertificateEventKind = 'suspended' | 'reinstated' | 'revoked' | 'reviewed';

/** One event in a certificate's life: who decided is the caller's record (the audit log). */
export interface CertificateEvent {
	/** What happened. */
	kind: CertificateEventKind;
	/** The day it takes effect. */
	on: IsoDate;
	/** Why (required for a suspension, reinstatement or revocation). */
	reason?: string;
}

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
	/** Suspensions, reinstatements, revocations and reviews, in any order. */
	events?: readonly CertificateEvent[];
}

/** A certificate's state on a day. */
export type CertificateState =
	| 'not_yet_valid'
	| 'valid'
	| 'expiring_soon'
	| 'review_overdue'
	| 'suspended'
	| 'expired'
	| 'revoked';

/** The states in which a certificate is in force (持证上岗 allowed). */
export const IN_FORCE_STATES: readonly CertificateState[] = ['valid', 'expiring_soon'];

/** The state of a certificate on a day, with the days left. */
export interface CertificateStatus {
	/** The state. */
	state: CertificateState;
	/** Days from `today` to the last valid day (negative once expired). */
	daysLeft: number;
	/** The last valid day. */
	validUntil: IsoDate;
	/** When reviews are required: the day by which the next review is due. */
	reviewDue?: IsoDate;
	/** The reason of the suspension or revocation in effect, if one was given. */
	reason?: string;
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
	issues.push(...validateCertificatePolicy(policy));
	const window = policy.window;
	if (
		window &&
		issues.length === 0 &&
		(input.passedOn < window.from || input.passedOn > window.until)
	)
		issues.push({
			code: 'certificate.window.outside',
			path: 'passedOn',
			data: { date: input.passedOn, from: window.from, until: window.until }
		});
	if (issues.length > 0) throw new ValidationError(issues);
	return {
		id: input.id,
		personId: input.personId,
		kind: input.kind,
		attemptId: input.attemptId,
		validFrom: input.passedOn,
		validUntil: window ? window.until : addDays(addYears(input.passedOn, policy.validYears), -1),
		verificationCode: input.verificationCode
	};
}

/**
 * The problems of a certificate policy (empty when it is sound).
 *
 * @param policy - the settings to check
 * @returns one issue per bad setting
 */
export function validateCertificatePolicy(policy: CertificatePolicy): Issue[] {
	const issues: Issue[] = [];
	if (!(Number.isInteger(policy.validYears) && policy.validYears > 0 && policy.validYears <= 20))
		issues.push({
			code: 'certificate.policy.invalid',
			path: 'validYears',
			data: { years: policy.validYears }
		});
	if (!(Number.isInteger(policy.expiringSoonDays) && policy.expiringSoonDays >= 0))
		issues.push({
			code: 'certificate.policy.expiring_soon_invalid',
			path: 'expiringSoonDays',
			data: { days: policy.expiringSoonDays }
		});
	const w = policy.window;
	if (w && !(isIsoDate(w.from) && isIsoDate(w.until) && w.from <= w.until))
		issues.push({
			code: 'certificate.policy.window_invalid',
			path: 'window',
			data: { from: String(w.from), until: String(w.until) }
		});
	const review = policy.reviewEveryYears ?? 0;
	if (![0, 1, 2].includes(review))
		issues.push({
			code: 'certificate.policy.review_invalid',
			path: 'reviewEveryYears',
			data: { years: review }
		});
	const wait = policy.revocationWaitYears ?? 0;
	if (!(Number.isInteger(wait) && wait >= 0 && wait <= 10))
		issues.push({
			code: 'certificate.policy.revocation_wait_invalid',
			path: 'revocationWaitYears',
			data: { years: wait }
		});
	const parts = policy.requiredParts ?? [];
	if (new Set(parts).size !== parts.length || parts.some((p) => !/^[a-z_]{1,32}$/.test(p)))
		issues.push({
			code: 'certificate.policy.parts_invalid',
			path: 'requiredParts',
			data: { parts: parts.join(', ') }
		});
	return issues;
}

/** The events that have taken effect by `today`, oldest first (same day: in the order given). */
function eventsBy(
	certificate: Pick<Certificate, 'events'>,
	today: IsoDate
): { e: CertificateEvent; i: number }[] {
	return (certificate.events ?? [])
		.map((e, i) => ({ e, i }))
		.filter(({ e }) => e.on <= today)
		.sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.i - b.i));
}

/**
 * The day the next review is due: every `years` from the first valid day, counted again from the
 * latest review (a review records the period as checked).
 */
function reviewDueOf(
	certificate: Pick<Certificate, 'validFrom'>,
	effective: readonly { e: CertificateEvent }[],
	years: number
): IsoDate {
	const reviews = effective.filter(({ e }) => e.kind === 'reviewed').map(({ e }) => e.on);
	const last = reviews.length ? reviews[reviews.length - 1]! : certificate.validFrom;
	return addYears(last > certificate.validFrom ? last : certificate.validFrom, years);
}

/**
 * The state of a certificate on a day. Revoked and suspended come first (a suspension lasts until a
 * reinstatement), then not yet valid, expired, review overdue (when reviews are required and the
 * due day has passed), expiring soon and valid.
 *
 * @param certificate - the certificate, with its events
 * @param today - the day (Asia/Shanghai), e.g. `shanghaiDate(now)`
 * @param policy - certificate settings (the expiring-soon window, reviews)
 * @returns the state, the days left, the review due day and the reason of a suspension or revocation
 */
export function certificateStatus(
	certificate: Pick<Certificate, 'validFrom' | 'validUntil' | 'revokedOn' | 'events'>,
	today: IsoDate,
	policy: CertificatePolicy = DEFAULT_CERTIFICATE_POLICY
): CertificateStatus {
	const daysLeft = diffDays(today, certificate.validUntil);
	const effective = eventsBy(certificate, today);
	const revocation = effective.find(({ e }) => e.kind === 'revoked')?.e;
	const standing = effective.filter(({ e }) => e.kind === 'suspended' || e.kind === 'reinstated');
	const suspension = standing.length ? standing[standing.length - 1]!.e : undefined;
	const years = policy.reviewEveryYears ?? 0;
	const reviewDue = years > 0 ? reviewDueOf(certificate, effective, years) : undefined;
	let state: CertificateState;
	let reason: string | undefined;
	if ((certificate.revokedOn !== undefined && certificate.revokedOn <= today) || revocation) {
		state = 'revoked';
		reason = revocation?.reason;
	} else if (suspension?.kind === 'suspended') {
		state = 'suspended';
		reason = suspension.reason;
	} else if (today < certificate.validFrom) state = 'not_yet_valid';
	else if (daysLeft < 0) state = 'expired';
	else if (reviewDue !== undefined && today > reviewDue) state = 'review_overdue';
	else if (daysLeft < policy.expiringSoonDays) state = 'expiring_soon';
	else state = 'valid';
	return {
		state,
		daysLeft,
		validUntil: certificate.validUntil,
		...(reviewDue !== undefined ? { reviewDue } : {}),
		...(reason !== undefined ? { reason } : {})
	};
}

/**
 * Whether an event may be recorded on a certificate: not in the future, not before its first day, a
 * reason for a suspension, reinstatement or revocation, nothing after a revocation, a reinstatement
 * only of a suspended certificate, a suspension only of one that is not, a review only when the
 * policy asks for reviews and the certificate has not expired.
 *
 * @param certificate - the certificate with the events it has
 * @param event - the event to record
 * @param today - the day (Asia/Shanghai)
 * @param policy - certificate settings
 * @returns the problems (empty: it may be recorded)
 */
export function validateCertificateEvent(
	certificate: Pick<Certificate, 'validFrom' | 'validUntil' | 'revokedOn' | 'events'>,
	event: CertificateEvent,
	today: IsoDate,
	policy: CertificatePolicy = DEFAULT_CERTIFICATE_POLICY
): Issue[] {
	if (!isIsoDate(event.on))
		return [{ code: 'certificate.date.invalid', path: 'on', data: { date: String(event.on) } }];
	const issues: Issue[] = [];
	if (event.on > today)
		issues.push({ code: 'certificate.event.future', path: 'on', data: { date: event.on } });
	if (event.on < certificate.validFrom)
		issues.push({
			code: 'certificate.event.before_valid',
			path: 'on',
			data: { date: event.on, validFrom: certificate.validFrom }
		});
	if (event.kind !== 'reviewed' && !event.reason?.trim())
		issues.push({ code: 'certificate.event.reason_required', path: 'reason', data: {} });
	const now = certificateStatus(certificate, event.on > today ? today : event.on, policy);
	if (now.state === 'revoked')
		issues.push({ code: 'certificate.event.revoked', path: 'kind', data: {} });
	else if (event.kind === 'reinstated' && now.state !== 'suspended')
		issues.push({ code: 'certificate.event.not_suspended', path: 'kind', data: {} });
	else if (event.kind === 'suspended' && now.state === 'suspended')
		issues.push({ code: 'certificate.event.already_suspended', path: 'kind', data: {} });
	else if (event.kind === 'reviewed') {
		if (!(policy.reviewEveryYears ?? 0))
			issues.push({ code: 'certificate.event.no_review', path: 'kind', data: {} });
		else if (now.state === 'expired')
			issues.push({ code: 'certificate.event.expired', path: 'kind', data: {} });
	}
	return issues;
}

/** A pass that counts towards a certificate made of parts. */
export interface PartPass {
	/** The exam's part (`general`, `special`…), or null for a paper on every part. */
	part: string | null;
	/** The day of the pass. */
	passedOn: IsoDate;
}

/** Whether the passes make up the set a certificate needs. */
export interface PartsPassed {
	/** Every required part has a pass. */
	complete: boolean;
	/** The parts still missing. */
	missing: string[];
	/** When complete: the day the set was completed (the latest of the passes it needs). */
	completedOn?: IsoDate;
}

/**
 * Whether a person's passes make up the parts a certificate needs ({@link CertificatePolicy.requiredParts}).
 * The earliest pass of each part counts; a pass without a part covers them all.
 *
 * @param passes - the person's passes of the certificate's exams
 * @param policy - certificate settings
 * @returns whether the set is complete, what is missing, and the day it was completed
 * @example
 * partsPassed([{ part: 'general', passedOn: '2026-03-01' }, { part: 'special', passedOn: '2026-04-02' }],
 * 	{ ...DEFAULT_CERTIFICATE_POLICY, requiredParts: ['general', 'special'] });
 * // → { complete: true, missing: [], completedOn: '2026-04-02' }
 */
export function partsPassed(
	passes: readonly PartPass[],
	policy: CertificatePolicy = DEFAULT_CERTIFICATE_POLICY
): PartsPassed {
	const required = policy.requiredParts ?? [];
	const firstOf = (part: string): IsoDate | undefined =>
		passes
			.filter((p) => p.part === part || p.part === null)
			.map((p) => p.passedOn)
			.sort()[0];
	if (required.length === 0) {
		const first = passes.map((p) => p.passedOn).sort()[0];
		return first
			? { complete: true, missing: [], completedOn: first }
			: { complete: false, missing: [] };
	}
	const days = required.map((part) => ({ part, on: firstOf(part) }));
	const missing = days.filter((d) => d.on === undefined).map((d) => d.part);
	if (missing.length) return { complete: false, missing };
	const completedOn = days.map((d) => d.on!).sort()[days.length - 1]!;
	return { complete: true, missing: [], completedOn };
}

/** A person's qualification of one kind. */
export interface Qualification {
	/** Whether the person holds a certificate in force (valid or expiring soon). */
	qualified: boolean;
	/** The certificate that decides (a suspended one, else the one in force lasting longest, else the latest). */
	certificate?: Certificate;
	/** Its status. */
	status?: CertificateStatus;
	/** Why: `certificate.<state>` (see {@link CertificateState}) or `certificate.none`. */
	reasons: Reason[];
}

/**
 * A person's qualification from all their certificates of a kind: renewal is simply a new pass
 * granting a new certificate, and the one in force that lasts longest decides — unless one of them
 * is suspended, which leaves the person unqualified until it is reinstated.
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
	// a suspension (暂扣) stands until it is lifted: no other certificate of the kind makes up for it
	const suspended = mine.find((x) => x.s.state === 'suspended');
	const inForce = suspended ? undefined : mine.find((x) => IN_FORCE_STATES.includes(x.s.state));
	const pick = suspended ?? inForce ?? mine.find((x) => x.s.state !== 'revoked') ?? mine[0];
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
