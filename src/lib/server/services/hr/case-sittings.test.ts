import { describe, expect, it } from 'vitest';
import { publishedSitting } from '../../testing/exams.ts';
import { and, eq } from 'drizzle-orm';
import { auditEntry, sittingPerson } from '../../db/schema/index.ts';
import { makePracticeAnswers, makeQuestion } from '../../testing/factories.ts';
import { hrSetup } from '../../testing/hr.ts';
import { assignSitting } from './case-actions.ts';
import { caseView } from './case-view.ts';

/** The case's candidate (no credits yet) and a second pre-appointment sitting requiring 4 of 2026. */
async function setup() {
	const s = await hrSetup();
	const { sittingId: creditSitting } = await publishedSitting(
		s,
		{ title: '2026年第二期任前法律知识考试' },
		{ opens: '2026-03-09T09:00', closes: '2026-03-09T11:00' },
		{ requireCredits: 'on', creditsRequired: '4' }
	);
	return { ...s, creditSitting };
}

describe('putting a promotion case’s candidate on a sitting', () => {
	it('says, per sitting offered, whether the candidate has the study credits it requires', async () => {
		const s = await setup();
		const view = await caseView(s.hr, s.caseId);
		// the setup's sitting, already assigned, stands beside the case's sittings
		const assigned = new Map(view.assigned.map((o) => [o.id, o.eligibility]));
		const offered = new Map(view.offered.map((o) => [o.id, o.eligibility]));
		expect(assigned.get(s.sittingId)).toEqual({
			eligible: true,
			text: '本场考试不要求学法积分'
		});
		expect(offered.get(s.creditSitting)).toEqual({
			eligible: false,
			text: '2026 年学法积分 0 分，要求 4 分，还差 4 分，暂不具备参考资格'
		});

		// 250 practice answers this year are 5 credits: now eligible
		const q = await makeQuestion(s.db, s.bank.id);
		await makePracticeAnswers(s.db, s.cadre.person.id, q, '2026-02-01T10:00:00+08:00', 250);
		const later = await caseView(s.hr, s.caseId);
		expect(later.offered.find((o) => o.id === s.creditSitting)?.eligibility).toEqual({
			eligible: true,
			text: '2026 年学法积分 5 分，已达到要求的 4 分'
		});
	});

	it('still puts a candidate short of credits on the sitting, and keeps the warning beside it', async () => {
		const s = await setup();
		await assignSitting(s.hr, { caseId: s.caseId, sittingId: s.creditSitting });
		const view = await caseView(s.hr, s.caseId);
		const assigned = view.assigned.find((a) => a.id === s.creditSitting);
		expect(assigned?.eligibility.eligible).toBe(false);
		expect(assigned?.eligibility.text).toContain('暂不具备参考资格');
	});

	it('no longer offers a sitting the candidate is on, and putting them on it again is not audited twice', async () => {
		const s = await setup();
		await assignSitting(s.hr, { caseId: s.caseId, sittingId: s.creditSitting });
		const view = await caseView(s.hr, s.caseId);
		expect(view.assigned.map((a) => a.id).sort()).toEqual([s.sittingId, s.creditSitting].sort());
		expect(view.offered.map((o) => o.id)).not.toContain(s.sittingId);
		expect(view.offered.map((o) => o.id)).not.toContain(s.creditSitting);

		// sent again from a page opened before: it stands as it was, with one audit entry
		await assignSitting(s.hr, { caseId: s.caseId, sittingId: s.creditSitting });
		const audited = await s.db
			.select()
			.from(auditEntry)
			.where(
				and(
					eq(auditEntry.entityId, String(s.caseId)),
					eq(auditEntry.action, 'promotion_case.sitting_assigned')
				)
			);
		expect(audited).toHaveLength(2);
		expect(
			await s.db
				.select()
				.from(sittingPerson)
				.where(
					and(
						eq(sittingPerson.sittingId, s.creditSitting),
						eq(sittingPerson.personId, s.cadre.person.id)
					)
				)
		).toHaveLength(1);
	});
});
