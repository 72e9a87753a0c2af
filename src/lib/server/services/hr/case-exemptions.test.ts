import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { exemptionInput } from '$lib/schemas/hr.ts';
import { auditEntry, exemptionClaim } from '../../db/schema/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { ctxFor } from '../../testing/factories.ts';
import { hrSetup } from '../../testing/hr.ts';
import { addExemption, removeExemption } from './case-exemptions.ts';
import { caseView } from './case-view.ts';

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

	it('refuses a kind the form does not offer (a tampered post), and keeps nothing of it', async () => {
		const s = await hrSetup();
		const hr = await s.hrAt('2026-03-10');
		const forged = await addExemption(hr, {
			...exemptionForm(s.caseId, '2020-01-01'),
			kind: 'bogus_kind'
		}).catch((e: unknown) => e);
		expect(forged).toBeInstanceOf(InvalidInputError);
		expect((forged as InvalidInputError).fields.kind).toEqual(['err_invalid']);
		expect(
			await s.db.select().from(exemptionClaim).where(eq(exemptionClaim.caseId, s.caseId))
		).toEqual([]);
		expect(await audited(s, 'promotion_case.exemption_recorded')).toEqual([]);
	});

	it('records a claim sent twice (a second tap, a replayed post) once, audited once', async () => {
		const s = await hrSetup();
		const hr = await s.hrAt('2026-03-10');
		await addExemption(hr, exemptionForm(s.caseId, '2026-03-01'));
		await addExemption(hr, exemptionForm(s.caseId, '2026-03-01'));
		expect(
			await s.db.select().from(exemptionClaim).where(eq(exemptionClaim.caseId, s.caseId))
		).toHaveLength(1);
		expect(await audited(s, 'promotion_case.exemption_recorded')).toHaveLength(1);
	});

	it('shows how the gate used each claim, two documents of one kind and day told apart by number', async () => {
		const s = await hrSetup();
		const hr = await s.hrAt('2026-03-10');
		for (const documentNumber of ['A1', 'A2'])
			await addExemption(hr, { ...exemptionForm(s.caseId, '2026-03-01'), documentNumber });
		const view = await caseView(hr, s.caseId);
		const uses = new Map(view.gate!.exemptions.map((x) => [x.key, x.use]));
		expect(view.claims.map((c) => [c.documentNumber, uses.get(c.key)])).toEqual([
			['A1', 'applied'],
			['A2', 'not_needed']
		]);
	});

	it('removes a claim recorded in error, for HR of the case’s unit only, audited once with what it said', async () => {
		const s = await hrSetup();
		const hr = await s.hrAt('2026-03-10');
		await addExemption(hr, exemptionForm(s.caseId, '2026-03-01'));
		const [claim] = await s.db
			.select()
			.from(exemptionClaim)
			.where(eq(exemptionClaim.caseId, s.caseId));
		const input = { caseId: s.caseId, claimId: claim!.id };

		const street = await ctxFor(s.db, s.streetHrUser.user.id, hr.now);
		// HR of another unit is answered as for a case that does not exist
		await expect(removeExemption(street, input)).rejects.toBeInstanceOf(NotFoundError);
		expect(await s.db.select().from(exemptionClaim)).toHaveLength(1);

		await removeExemption(hr, input);
		expect(await s.db.select().from(exemptionClaim)).toEqual([]);
		const [entry] = await audited(s, 'promotion_case.exemption_removed');
		expect(entry!.before).toMatchObject({
			documentNumber: 'A20193201000123',
			documentDate: '2026-03-01'
		});

		// sent again (a second tap, a stale page): refused in words, not audited again
		await expect(removeExemption(hr, input)).rejects.toBeInstanceOf(ConflictError);
		expect(await audited(s, 'promotion_case.exemption_removed')).toHaveLength(1);
	});
});
