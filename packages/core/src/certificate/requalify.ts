/**
 * Whether a new pass may give a person a new certificate of a kind they held before. Renewal is a
 * new pass — but not for a holder under sanction: a suspension (暂扣) lasts until it is lifted
 * (a reinstatement), so passing the exam again must not hand the suspended holder a fresh
 * certificate beside the suspended one; and after a revocation (吊销) the holder waits a set
 * number of years before a pass counts again ({@link CertificatePolicy.revocationWaitYears}).
 * Only a revocation recorded as an event is a sanction: a certificate withdrawn because its pass
 * was voided or regraded (`revokedOn` alone) bars nothing, and the person may simply pass again.
 */
import { addYears, type IsoDate } from '../calendar/dates.ts';
import type { Reason } from '../rule-result.ts';
import {
	type Certificate,
	type CertificatePolicy,
	DEFAULT_CERTIFICATE_POLICY,
	certificateStatus
} from './certificate.ts';

/** Whether a person is barred from a new certificate by a pass, and why. */
export interface RequalificationBar {
	/** True: a pass on the day grants no certificate. */
	barred: boolean;
	/**
	 * `certificate.requalify.suspended` (data: `certificateId`, `since`, `reason`) or
	 * `certificate.requalify.revoked` (data: `certificateId`, `revokedOn`, `from`, `reason`).
	 */
	reasons: Reason[];
	/** For a revocation's wait: the first day a pass counts again (none for a suspension). */
	from?: IsoDate;
}

/** The latest event of `kind` in effect by `today`. */
function lastEvent(c: Pick<Certificate, 'events'>, kind: string, today: IsoDate) {
	return (c.events ?? [])
		.filter((e) => e.kind === kind && e.on <= today)
		.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
		.at(-1);
}

/**
 * Whether a pass on `today` may grant a person a new certificate, given the certificates of that
 * kind they hold or held: barred while one of them is suspended (until it is reinstated, whether
 * or not it has expired meanwhile), and for {@link CertificatePolicy.revocationWaitYears} years
 * from the day one of them was revoked.
 *
 * @param certificates - the person's certificates of the kind, with their events
 * @param today - the day of the pass (Asia/Shanghai)
 * @param policy - certificate settings (the wait after a revocation)
 * @returns whether barred, the reasons, and when a revocation's wait ends
 * @example
 * requalificationBar(mine, shanghaiDate(passedAt), policy).barred; // no new certificate
 */
export function requalificationBar(
	certificates: readonly Pick<
		Certificate,
		'id' | 'validFrom' | 'validUntil' | 'revokedOn' | 'events'
	>[],
	today: IsoDate,
	policy: CertificatePolicy = DEFAULT_CERTIFICATE_POLICY
): RequalificationBar {
	const wait = policy.revocationWaitYears ?? 0;
	const reasons: Reason[] = [];
	let from: IsoDate | undefined;
	for (const c of certificates) {
		const status = certificateStatus(c, today, policy);
		if (status.state === 'suspended') {
			const since = lastEvent(c, 'suspended', today)!;
			reasons.push({
				code: 'certificate.requalify.suspended',
				data: { certificateId: c.id, since: since.on, reason: since.reason ?? '' }
			});
			continue;
		}
		const revoked = (c.events ?? []).find((e) => e.kind === 'revoked' && e.on <= today);
		if (!revoked || wait <= 0) continue;
		const end = addYears(revoked.on, wait);
		if (today >= end) continue;
		reasons.push({
			code: 'certificate.requalify.revoked',
			data: { certificateId: c.id, revokedOn: revoked.on, from: end, reason: revoked.reason ?? '' }
		});
		if (from === undefined || end > from) from = end;
	}
	return {
		barred: reasons.length > 0,
		reasons,
		// a suspension has no end date: the wait's end is only the answer when nothing is suspended
		...(from !== undefined && reasons.every((r) => r.code === 'certificate.requalify.revoked')
			? { from }
			: {})
	};
}
