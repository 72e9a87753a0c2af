import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/services/api/openapi.ts';
import type { RequestHandler } from './$types';

/** The OpenAPI document of `/api/v1`: public, like any API's documentation (it holds no data). */
export const GET: RequestHandler = () => json(openApiDocument());
