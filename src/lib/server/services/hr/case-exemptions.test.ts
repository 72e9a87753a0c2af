import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { exemptionInput } from '$lib/schemas/hr.ts';
import { auditEntry, exemptionClaim } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { hrSetup } from '../../testing/hr.ts';
import { addExemption } from './case-exemptions.ts';

/** The exemption form for the case, a legal-profession certificate dated `documentDate`. */
const exemptionForm = (caseId: number, documentDate: string) =>
	exemptionInput.parse({
		caseId: String(caseId),
		kind: 'legal_profession_qualification',
		documentName: '法律职业资格证书',
		documentNumber: 'A20193201000123',
		documentDate
	});

/** The audit entries of the case with `action`. */
const audited = (s: Awaited<ReturnType<typeof hrSetup>>, action: string) =>
	s.db
		.select()
		.from(auditEntry)
		.where(and(eq(auditEntry.entityId, String(s.caseId)), eq(auditEntry.action, action)));

describe('exemption claims on a case', () => {
	it('refuses a document dated after today, and keeps nothing of it', async () => {
		const s = await hrSetup();
		const hr = await s.hrAt('2026-03-10');
		const future = await addExemption(hr, exemptionForm(s.caseId, '2026-03-11')).catch(
			(e: unknown) => e
		);
		expect(future).toBeInstanceOf(InvalidInputError);
		expect((future as InvalidInputError).fields.documentDate).toEqual(['err_hr_document_future']);
		expect(
			await s.db.select().from(exemptionClaim).where(eq(exemptionClaim.caseId, s.caseId))
		).toEqual([]);

		await addExemption(hr, exemptionForm(s.caseId, '2026-03-10'));
		expect(
			await s.db.select().from(exemptionClaim).where(eq(exemptionClaim.caseId, s.caseId))
		).toHaveLength(1);
		expect(await audited(s, 'promotion_case.exemption_recorded')).toHaveLength(1);
	});
});
