/**
 * The contract: every endpoint of `/api/v1`, called through its route as a client would, answers
 * what the OpenAPI document says — each answer checked by openapi-backend's response validator
 * (ajv, with ajv-formats for `date`), and the document itself against the official OpenAPI 3.1
 * schema by @seriousme/openapi-schema-validator (openapi-backend checks documents as 3.0 only).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import type { RequestEvent } from '@sveltejs/kit';
import addFormats from 'ajv-formats';
import OpenAPIBackend from 'openapi-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getOpenApi } from '../../../../routes/api/v1/openapi.json/+server.ts';
import { GET as getCase } from '../../../../routes/api/v1/cases/[id]/+server.ts';
import { GET as getPerson } from '../../../../routes/api/v1/people/[employeeNo]/+server.ts';
import { GET as getPersonOath } from '../../../../routes/api/v1/people/[employeeNo]/oath/+server.ts';
import { desc, eq } from 'drizzle-orm';
import { createApiTokenInput } from '$lib/schemas/api-tokens.ts';
import { caseInput } from '$lib/schemas/hr.ts';
import type { Db } from '../../db/index.ts';
import { auditEntry, gateCheck, passRecord } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { answerEvery, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { startExamAttempt, submitExamAttempt } from '../exams/attempts.ts';
import { voidExamAttempt } from '../exams/integrity.ts';
import { assignSitting, recordAppointment } from '../hr/case-actions.ts';
import { caseView } from '../hr/case-view.ts';
import { openCase } from '../hr/cases.ts';
import { reviewLapse } from '../hr/lapse-review.ts';
import { openApiDocument } from './openapi.ts';
import { createApiToken, revokeApiToken } from './tokens.ts';

let api: OpenAPIBackend;

beforeAll(async () => {
	api = new OpenAPIBackend({
		definition: structuredClone(openApiDocument()) as never,
		apiRoot: '/api/v1',
		// no 3.0 check of the 3.1 document (see above); validators are compiled when first used
		quick: true,
		customizeAjv: (ajv) => {
			addFormats(ajv);
			return ajv;
		}
	});
	await api.init();
});

// each route's handler takes its own event type; the test builds one event for any of them
type Handler = (event: never) => Response | Promise<Response>;

/** Calls a route's handler as SvelteKit would for `GET path`, with the bearer token if given. */
async function call(db: Db, handler: Handler, path: string, token?: string) {
	const url = new URL(path, 'http://localhost');
	const request = new Request(url, {
		headers: token ? { authorization: `Bearer ${token}` } : {}
	});
	const operation = api.matchOperation({ method: 'get', path: url.pathname, headers: {} });
	// the route's parameters, as SvelteKit's router would give them
	const match = /\/(people|cases)\/([^/]+)/.exec(url.pathname);
	const params = match
		? { [match[1] === 'people' ? 'employeeNo' : 'id']: decodeURIComponent(match[2]!) }
		: {};
	const event = {
		request,
		url,
		params,
		locals: { db }
	} as unknown as RequestEvent;
	const response = await handler(event as never);
	const body: unknown = await response.json();
	return { operation, status: response.status, headers: response.headers, body };
}

/** The answer as the document describes it for its operation and status: no errors. */
function violations(answer: Awaited<ReturnType<typeof call>>) {
	if (!answer.operation) return ['no operation in the document for this path'];
	const result = api.validateResponse(answer.body, answer.operation, answer.status);
	return (result.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** A cadre who failed the exam, then passed the retake (a certificate), and a token for unit A. */
async function setup() {
	const s = await examSetup();
	const { sittingId } = await publishedSitting(s);
	// HR's case for the cadre (public notice before the sitting), the sitting assigned to it
	const hrUser = await makeUser(s.db, s.root.id, [['hr', s.root.id]]);
	// the day before the sitting (a closed sitting is no longer offered), then a week after it
	const hrBefore = await ctxFor(s.db, hrUser.user.id, new Date('2026-03-01T10:00:00+08:00'));
	const hr = await ctxFor(s.db, hrUser.user.id, new Date('2026-03-09T10:00:00+08:00'));
	const caseFor = (employeeNo: string) =>
		openCase(
			hrBefore,
			caseInput.parse({
				employeeNo,
				proposedPost: '法治督察科科长',
				leadingPost: 'on',
				appointingBody: 'government',
				publicNoticeOn: '2026-02-20'
			})
		);
	const caseId = await caseFor(s.cadre.person.employeeNo);
	await assignSitting(hrBefore, { caseId, sittingId });
	const outsideCase = await caseFor(s.outsider.person.employeeNo);
	for (const [minutes, right] of [
		[5, false],
		[40, true]
	] as const) {
		const cadre = await candidateCtx(s.db, s.cadre.user.id, minutes);
		const attemptId = await startExamAttempt(cadre, { sittingId, confirm: 'on' });
		await answerEvery(cadre, attemptId, right);
		await submitExamAttempt(cadre, { attemptId });
	}
	const admin = await ctxFor(s.db, s.admin.user.id, new Date());
	const token = await createApiToken(
		admin,
		createApiTokenInput.parse({ name: 'HR', unitIds: [String(s.a.id)] })
	);
	return { ...s, admin, token, hr, caseId, outsideCase };
}

/** The token's request for the cadre who sat the exam. */
const readCadre = (s: Awaited<ReturnType<typeof setup>>) =>
	call(s.db, getPerson, `/api/v1/people/${s.cadre.person.employeeNo}`, s.token.secret);

describe('/api/v1 against its OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 document, served as such', async () => {
		const db = await testDb();
		const served = await call(db, getOpenApi, '/api/v1/openapi.json');
		expect(served.status).toBe(200);
		expect(served.body).toEqual(openApiDocument());
		expect(served.body).toMatchObject({ openapi: '3.1.0' });
		expect(violations(served)).toEqual([]);
		const validator = new Validator();
		const checked = await validator.validate(
			structuredClone(served.body) as Record<string, unknown>
		);
		expect(checked.errors ?? []).toEqual([]);
		expect([checked.valid, validator.version]).toEqual([true, '3.1']);
		// the check has teeth: a document missing its info is refused
		const { info: _, ...broken } = openApiDocument();
		expect((await new Validator().validate(broken)).valid).toBe(false);
	});

	it('answers a person with their pass records and certificates (200)', async () => {
		const answer = await readCadre(await setup());
		expect(answer.status).toBe(200);
		expect(violations(answer)).toEqual([]);
		const body = answer.body as {
			passRecords: { attemptNumber: number; passed: boolean; kind: string }[];
			certificates: { state: string }[];
		};
		expect(body.passRecords.map((r) => [r.attemptNumber, r.passed, r.kind])).toEqual([
			[2, true, 'pre_appointment'],
			[1, false, 'pre_appointment']
		]);
		expect(body.certificates.map((c) => c.state)).toEqual(['valid']);
		expect(answer.headers.get('cache-control')).toBe('no-store');
	});

	it('refuses without a token, outside its units, for unknown people, once revoked', async () => {
		const s = await setup();
		const path = `/api/v1/people/${s.cadre.person.employeeNo}`;
		const none = await call(s.db, getPerson, path);
		expect([none.status, none.body]).toMatchObject([401, { code: 'unauthorized' }]);
		expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
		const outside = await call(
			s.db,
			getPerson,
			`/api/v1/people/${s.outsider.person.employeeNo}`,
			s.token.secret
		);
		// answered as an unknown person, as HR's pages do: a guessed employee number tells nothing
		expect([outside.status, outside.body]).toMatchObject([404, { code: 'not_found' }]);
		const unknown = await call(s.db, getPerson, '/api/v1/people/NOBODY9', s.token.secret);
		expect([unknown.status, unknown.body]).toMatchObject([404, { code: 'not_found' }]);
		const malformed = await call(s.db, getPerson, '/api/v1/people/a%20b', s.token.secret);
		expect([malformed.status, malformed.body]).toMatchObject([400, { code: 'invalid_request' }]);
		await revokeApiToken(s.admin, { tokenId: s.token.id });
		const revoked = await call(s.db, getPerson, path, s.token.secret);
		expect([revoked.status, revoked.body]).toMatchObject([401, { code: 'unauthorized' }]);
		for (const answer of [none, outside, unknown, malformed, revoked])
			expect(violations(answer)).toEqual([]);
	});

	it('answers a case’s eligibility exactly as the case page shows it, each check logged (200)', async () => {
		const s = await setup();
		const answer = await call(s.db, getCase, `/api/v1/cases/${s.caseId}`, s.token.secret);
		expect(answer.status).toBe(200);
		expect(violations(answer)).toEqual([]);
		const body = answer.body as {
			state: string;
			eligibility: { checkId: number; allowed: boolean; reasons: unknown[]; evidence: unknown[] };
		};
		const page = (await caseView(s.hr, s.caseId)).gate!;
		expect(body.state).toBe('open');
		expect(body.eligibility).toMatchObject({
			allowed: true,
			reasons: page.reasons,
			evidence: page.evidence
		});
		expect(page.reasons[0]).toMatchObject({ code: 'promotion.passed' });
		// the API's check is in the gate log beside the page's, made by no one (the token's use is audited)
		const checks = await s.db.select().from(gateCheck).where(eq(gateCheck.caseId, s.caseId));
		expect(checks.find((c) => c.id === body.eligibility.checkId)).toMatchObject({
			purpose: 'view',
			allowed: true,
			checkedBy: null
		});
		expect(checks.find((c) => c.id === page.checkId)?.checkedBy).toBe(s.hr.user.id);
	});

	it('answers a person’s oath status: required and why, deadline, overdue, the ceremony (200)', async () => {
		const s = await setup();
		const path = `/api/v1/people/${s.cadre.person.employeeNo}/oath`;
		const before = await call(s.db, getPersonOath, path, s.token.secret);
		expect([before.status, before.body]).toMatchObject([200, { appointments: [] }]);
		expect(violations(before)).toEqual([]);
		await recordAppointment(s.hr, {
			caseId: s.caseId,
			appointedOn: '2026-03-09',
			confirmed: 'yes'
		});
		const after = await call(s.db, getPersonOath, path, s.token.secret);
		expect(violations(after)).toEqual([]);
		expect((after.body as { appointments: unknown[] }).appointments).toEqual([
			expect.objectContaining({
				post: '法治督察科科长',
				appointingBody: 'government',
				required: true,
				ground: { code: 'oath.required', text: '任命机关为人民政府，须进行宪法宣誓' },
				deadline: '2026-04-08',
				// the API answers on today's date: long past the deadline
				state: 'overdue',
				overdue: true,
				caseId: s.caseId,
				ceremony: null
			})
		]);
	});

	it('refuses the case and oath endpoints without a token, outside its units, for unknown records', async () => {
		const s = await setup();
		const calls = [
			[
				getCase,
				`/api/v1/cases/${s.caseId}`,
				`/api/v1/cases/${s.outsideCase}`,
				'/api/v1/cases/999999'
			],
			[
				getPersonOath,
				`/api/v1/people/${s.cadre.person.employeeNo}/oath`,
				`/api/v1/people/${s.outsider.person.employeeNo}/oath`,
				'/api/v1/people/NOBODY9/oath'
			]
		] as const;
		for (const [handler, mine, outside, unknown] of calls) {
			const none = await call(s.db, handler, mine);
			expect([none.status, none.body]).toMatchObject([401, { code: 'unauthorized' }]);
			const refused = await call(s.db, handler, outside, s.token.secret);
			// another unit's record is answered as an unknown one, as HR's pages do: a guessed number tells nothing
			expect([refused.status, refused.body]).toMatchObject([404, { code: 'not_found' }]);
			// while the audit log tells the token's administrators that it asked beyond its units
			const [audited] = await s.db
				.select({ after: auditEntry.after })
				.from(auditEntry)
				.where(eq(auditEntry.action, 'api_token.used'))
				.orderBy(desc(auditEntry.seq))
				.limit(1);
			expect(audited!.after).toMatchObject({ outcome: 'forbidden' });
			const missing = await call(s.db, handler, unknown, s.token.secret);
			expect([missing.status, missing.body]).toMatchObject([404, { code: 'not_found' }]);
			for (const answer of [none, refused, missing]) expect(violations(answer)).toEqual([]);
		}
		const malformed = await call(s.db, getCase, '/api/v1/cases/abc', s.token.secret);
		expect([malformed.status, violations(malformed)]).toEqual([400, []]);
		// and the document does not promise a 403 it never gives
		const { paths } = openApiDocument() as {
			paths: Record<string, { get: { responses: object } }>;
		};
		for (const path of ['/cases/{id}', '/people/{employeeNo}', '/people/{employeeNo}/oath'])
			expect(Object.keys(paths[path]!.get.responses)).not.toContain('403');
	});

	it('answers a pass voided after the appointment, and HR’s review of it, as the case page shows them', async () => {
		const s = await setup();
		await recordAppointment(s.hr, {
			caseId: s.caseId,
			appointedOn: '2026-03-09',
			confirmed: 'yes'
		});
		const path = `/api/v1/cases/${s.caseId}`;
		const holding = await call(s.db, getCase, path, s.token.secret);
		expect([holding.status, violations(holding)]).toEqual([200, []]);
		expect(holding.body).toMatchObject({ state: 'appointed', evidenceLapse: null });

		const [passed] = await s.db.select().from(passRecord).where(eq(passRecord.passed, true));
		const voidedAt = new Date('2026-03-10T09:00:00+08:00');
		await voidExamAttempt(await ctxFor(s.db, s.organiser.user.id, voidedAt), {
			sittingId: passed!.sittingId,
			attemptId: passed!.attemptId,
			reason: '经查替考'
		});
		const lapsed = await call(s.db, getCase, path, s.token.secret);
		expect([lapsed.status, violations(lapsed)]).toEqual([200, []]);
		expect((lapsed.body as { evidenceLapse: unknown }).evidenceLapse).toEqual({
			attemptId: passed!.attemptId,
			takenOn: passed!.takenOn,
			change: 'voided',
			scoreBefore: passed!.score,
			scoreNow: null,
			supersededBy: null,
			changedAt: voidedAt.toISOString(),
			changedBy: s.organiser.user.displayName,
			reason: '经查替考',
			appointed: true,
			review: null
		});

		const hr = await ctxFor(s.db, s.hr.user.id, new Date('2026-03-11T10:00:00+08:00'));
		await reviewLapse(hr, {
			caseId: s.caseId,
			lapsedAt: voidedAt.getTime(),
			note: '经复核，维持任命',
			confirmed: 'yes'
		});
		const reviewed = await call(s.db, getCase, path, s.token.secret);
		expect([reviewed.status, violations(reviewed)]).toEqual([200, []]);
		expect((reviewed.body as { evidenceLapse: unknown }).evidenceLapse).toMatchObject({
			change: 'voided',
			review: {
				reviewedAt: hr.now.toISOString(),
				reviewedBy: hr.user.displayName,
				note: '经复核，维持任命'
			}
		});
	});

	it('would notice an answer that strays from the document', async () => {
		const answer = await readCadre(await setup());
		const { passRecords: _, ...withoutRecords } = answer.body as Record<string, unknown>;
		expect(violations({ ...answer, body: withoutRecords })).not.toEqual([]);
		expect(violations({ ...answer, status: 404 })).not.toEqual([]);
	});
});
