import type { Handle, RequestEvent } from '@sveltejs/kit';
import { readConfig } from '../config.ts';
import {
	SESSION_COOKIE,
	generateSessionToken,
	createSession,
	validateSessionToken
} from './session.ts';
import { DEVICE_COOKIE, DEVICE_LIFETIME_MS } from './trusted-device.ts';

// Secure in production unless the site itself is declared plain http (see config.ts)
export const secure = readConfig().secureCookies;

export function setSessionCookie(event: RequestEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: expiresAt
	});
}

/** The browser's device cookie (see trusted-device.ts): long-lived, useless without a password. */
export function setDeviceCookie(event: RequestEvent, token: string): void {
	event.cookies.set(DEVICE_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		maxAge: DEVICE_LIFETIME_MS / 1000
	});
}

export function clearSessionCookie(event: RequestEvent): void {
	event.cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/** Starts a session for `userId` and sets its cookie. */
export async function startSession(event: RequestEvent, userId: number, now: Date): Promise<void> {
	const token = generateSessionToken();
	const session = await createSession(event.locals.db, token, userId, now);
	setSessionCookie(event, token, session.expiresAt);
}

export const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = await validateSessionToken(event.locals.db, token, new Date());
	if (session) setSessionCookie(event, token, session.expiresAt);
	else clearSessionCookie(event);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};
