import { randomUUID } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { secure } from './auth/handle.ts';

const EXAM_DEVICE_COOKIE = 'xuefa_exam_device';

/**
 * The browser's exam device id (a random cookie), set when first asked for: a sitting that allows
 * one device only continues an attempt in the browser that started it.
 */
export function examDeviceId(event: RequestEvent, create = false): string | undefined {
	const existing = event.cookies.get(EXAM_DEVICE_COOKIE);
	if (existing || !create) return existing;
	const id = randomUUID();
	event.cookies.set(EXAM_DEVICE_COOKIE, id, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		maxAge: 400 * 24 * 3600
	});
	return id;
}
