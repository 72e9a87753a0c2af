import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { certificatePolicyInput } from '$lib/schemas/certificates.ts';
import { auditEntry, policySetting } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError } from '../../errors.ts';
import { examSetup, passEnforcement } from '../../testing/exams.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import {
	certificatePolicy,
	certificatePolicyScreen,
	saveCertificatePolicy
} from './certificate-policy.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

const FORM = {
	validYears: '3',
	expiringSoonDays: '90',
	windowFrom: '',
	windowUntil: '',
	reviewEveryYears: '0',
	revocationWaitYears: '1'
};

const save = (s: Setup, fields: Record<string, unknown>, userId = s.organiser.user.id) =>
	ctxFor(s.db, userId).then((ctx) =>
		saveCertificatePolicy(ctx, certificatePolicyInput.parse({ ...FORM, ...fields }))
	);

describe('the certificate settings screen', () => {
	it('a district organiser sets a province-wide window: the next certificate is valid through its last day, and the change is audited', async () => {
		const s = await examSetup();
		const changed = await save(s, {
			windowFrom: '2026-01-01',
			windowUntil: '2028-06-30',
			reviewEveryYears: '2'
		});
		expect(changed).toBe(2);
		expect(await certificatePolicy(s.db)).toMatchObject({
			window: { from: '2026-01-01', until: '2028-06-30' },
			reviewEveryYears: 2
		});
		expect(await passEnforcement(s)).toMatchObject({
			validFrom: '2026-03-02',
			validUntil: '2028-06-30'
		});
		const [entry] = await s.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'policy.updated'));
		expect(entry).toMatchObject({
			entityId: 'certificate',
			before: { window: null, reviewEveryYears: 0 },
			after: { window: { from: '2026-01-01', until: '2028-06-30' }, reviewEveryYears: 2 }
		});
		// the screen shows the stored values, each marked as changed from its default
		const screen = await certificatePolicyScreen(await ctxFor(s.db, s.organiser.user.id));
		const review = screen.settings.find((x) => x.key === 'certificate.reviewEveryYears')!;
		expect(review).toMatchObject({ value: 2, changed: true, source: { id: 'local_choice' } });
	});

	it('saving the same values changes nothing and writes no audit entry', async () => {
		const s = await examSetup();
		expect(await save(s, {})).toBe(0);
		expect(await s.db.select().from(policySetting)).toEqual([]);
		expect(
			await s.db.select().from(auditEntry).where(eq(auditEntry.action, 'policy.updated'))
		).toEqual([]);
	});

	it('a window that ends before it starts is refused on its last day, and nothing is stored', async () => {
		const s = await examSetup();
		const error = await save(s, { windowFrom: '2027-01-01', windowUntil: '2026-01-01' }).catch(
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(Object.keys((error as InvalidInputError).fields)).toEqual(['windowUntil']);
		expect(await s.db.select().from(policySetting)).toEqual([]);
	});

	it('half a window, parts outside the list and out-of-range numbers do not pass the form', () => {
		const parse = (fields: Record<string, unknown>) =>
			certificatePolicyInput.safeParse({ ...FORM, ...fields });
		const paths = (fields: Record<string, unknown>) =>
			parse(fields).error?.issues.map((i) => i.path.join('.'));
		expect(paths({ windowFrom: '2026-01-01' })).toEqual(['windowUntil']);
		expect(paths({ requiredParts: ['general', 'criminal'] })).toEqual(['requiredParts.1']);
		expect(paths({ validYears: '0', reviewEveryYears: '3', revocationWaitYears: '11' })).toEqual([
			'validYears',
			'reviewEveryYears',
			'revocationWaitYears'
		]);
		expect(parse({ requiredParts: 'special' }).data?.requiredParts).toEqual(['special']);
	});

	it('only organisers of the whole district and admins may change them', async () => {
		const s = await examSetup();
		const bureau = await makeUser(s.db, s.a.id, [['organiser', s.a.id]]);
		await expect(save(s, { validYears: '5' }, bureau.user.id)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(
			certificatePolicyScreen(await ctxFor(s.db, s.cadre.user.id))
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await save(s, { validYears: '5', revocationWaitYears: '3' }, s.admin.user.id)).toBe(2);
		expect(await certificatePolicy(s.db)).toMatchObject({ validYears: 5, revocationWaitYears: 3 });
	});
});
