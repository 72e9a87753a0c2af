/**
 * The OpenAPI 3.1 document of `/api/v1`, written once as data. Its schemas are generated from the
 * zod schemas the API answers with (schemas/api.ts, by zod's own JSON Schema output, whose
 * draft 2020-12 is OpenAPI 3.1's dialect), so the document describes what the code sends. A new
 * endpoint adds its path here and its schemas there; the contract test (openapi.test.ts) then
 * calls it and checks its answers against this document.
 */
import { z } from 'zod';
import { apiSchemas, caseIdParam, employeeNoParam } from '$lib/schemas/api.ts';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/**
 * A JSON Schema of zod's as it sits inside an OpenAPI document: without the `$schema` and `$id`
 * zod gives a standalone one (the document's dialect and its components name them).
 */
function bare(schema: unknown): Record<string, unknown> {
	const { $schema: _, $id: _id, ...rest } = schema as Record<string, unknown>;
	return rest;
}

const errorResponse = (description: string, headers: Record<string, unknown> = {}) => ({
	description,
	...(Object.keys(headers).length > 0 ? { headers } : {}),
	content: { 'application/json': { schema: ref('Error') } }
});

const retryAfter = {
	'Retry-After': {
		description: 'Seconds to wait before trying again.',
		schema: { type: 'integer', minimum: 1 }
	}
};

/** The error answers every authenticated operation may give, by status. */
const ERRORS = {
	'400': errorResponse('The parameters are malformed (code `invalid_request`).'),
	'401': errorResponse(
		'No token, an unknown or revoked one (code `unauthorized`), an expired one (code `token_expired`), or one whose issuing administrator no longer administers any of its units (code `token_suspended`).',
		{
			'WWW-Authenticate': {
				description: 'Always `Bearer realm="xuefa"`.',
				schema: { type: 'string' }
			}
		}
	),
	'404': errorResponse(
		'No such record, or one outside the units the token may read: both are answered alike, so that a guessed employee or case number tells nothing (code `not_found`).'
	),
	'429': errorResponse(
		'The token made too many requests; wait for Retry-After seconds (code `rate_limited`).',
		retryAfter
	),
	'503': errorResponse('The database is busy for a moment (code `busy`).', retryAfter)
};

const DESCRIPTION = `Read-only access for another HR system to the pass records, certificates, constitutional oaths and promotion cases of the cadres in chosen units.

Authenticate with an API token that an administrator creates at 系统管理 → API 令牌 (/admin/api-tokens): send \`Authorization: Bearer <token>\`. A token reads the units it was made for and every unit below them; it is shown once, stored only as a hash, and can be revoked or given a last day. Each token may make a limited number of requests per minute (policy setting \`api.requestsPerMinute\`, default 120); beyond it the answer is 429 with Retry-After. Every answered request is written to the audit log.

Errors are JSON: a stable \`code\` and a \`message\` for people.`;

/** The employee number in a path. */
const EMPLOYEE_NO = {
	name: 'employeeNo',
	in: 'path',
	required: true,
	description: 'The employee number (工号), as in the roster.',
	schema: bare(z.toJSONSchema(employeeNoParam.shape.employeeNo))
};

/** The document, built once per process (it depends on nothing but the code). */
let built: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
	if (built) return built;
	const { schemas } = z.toJSONSchema(apiSchemas, {
		target: 'draft-2020-12',
		uri: (id) => `#/components/schemas/${id}`
	});
	built = {
		openapi: '3.1.0',
		info: { title: 'Xuefa (学法) HR API', version: '1.0.0', description: DESCRIPTION },
		servers: [{ url: '/api/v1' }],
		security: [{ bearerToken: [] }],
		paths: {
			'/people/{employeeNo}': {
				get: {
					operationId: 'getPerson',
					summary: 'A cadre with their pass records and certificate status',
					description:
						'The person with this employee number (工号, case ignored): their unit, rank and status, every exam attempt on record with its result, and every certificate with its state today.',
					parameters: [EMPLOYEE_NO],
					responses: {
						'200': {
							description: 'The person.',
							content: { 'application/json': { schema: ref('Person') } }
						},
						...ERRORS
					}
				}
			},
			'/people/{employeeNo}/oath': {
				get: {
					operationId: 'getPersonOath',
					summary: 'A cadre’s constitutional oath status',
					description:
						'Every appointment of the person on record, newest first: whether the oath is required (and the ground, from the oath policy by appointing body), the deadline, whether it is overdue, and the ceremony once sworn.',
					parameters: [EMPLOYEE_NO],
					responses: {
						'200': {
							description: 'The person’s appointments with their oath state.',
							content: { 'application/json': { schema: ref('PersonOath') } }
						},
						...ERRORS
					}
				}
			},
			'/cases/{id}': {
				get: {
					operationId: 'getCase',
					summary: 'A promotion case and its eligibility under the exam gate',
					description:
						'The case as its page in Xuefa shows it: for an open (or postponed) case the gate is checked now and the check written to the gate log, as the page does; for a closed one, the check that decided it. Allowed or not, every reason as a code and in words, the attempts weighed and the exemption claims.',
					parameters: [
						{
							name: 'id',
							in: 'path',
							required: true,
							description: 'The case number, as in the address of its page (/hr/cases/{id}).',
							schema: bare(z.toJSONSchema(caseIdParam.shape.id, { io: 'input' }))
						}
					],
					responses: {
						'200': {
							description: 'The case.',
							content: { 'application/json': { schema: ref('PromotionCase') } }
						},
						...ERRORS
					}
				}
			},
			'/openapi.json': {
				get: {
					operationId: 'getOpenApiDocument',
					summary: 'This document',
					security: [],
					responses: {
						'200': {
							description: 'The OpenAPI 3.1 document of this API.',
							content: { 'application/json': { schema: { type: 'object' } } }
						}
					}
				}
			}
		},
		components: {
			schemas: Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, bare(s)])),
			securitySchemes: {
				bearerToken: {
					type: 'http',
					scheme: 'bearer',
					description: 'An API token (`xuefa_…`) made by an administrator.'
				}
			}
		}
	};
	return built;
}
