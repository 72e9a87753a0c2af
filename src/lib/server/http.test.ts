import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { CountedConflictError, RateLimitedError, UnauthorizedError } from './errors.ts';
import { apiErrorResponse, localPath, mapError } from './http.ts';

describe('localPath (no open redirect after login or a language switch)', () => {
	it('keeps paths on this site', () => {
		expect(localPath('/admin/people?q=张&page=2')).toBe('/admin/people?q=%E5%BC%A0&page=2');
		expect(localPath('/laws#top')).toBe('/laws#top');
	});

	it.each([
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'/.//evil.example',
		'/..//evil.example/x',
		'/a/..//evil.example',
		'/%2e//evil.example',
		'https://evil.example/x',
		'javascript:alert(1)',
		''
	])('sends %j home', (target) => {
		expect(localPath(target)).toBe('/');
	});
});

describe('apiErrorResponse (what an API client is told when its token is refused)', () => {
	it.each([
		['api_unauthorized', 'unauthorized'],
		['api_token_expired', 'token_expired'],
		['api_token_suspended', 'token_suspended']
	] as const)('%s answers 401 with the stable code %s and a sentence', async (reason, code) => {
		const response = apiErrorResponse(new UnauthorizedError(reason));
		expect(response.status).toBe(401);
		expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="xuefa"');
		const body = await response.json();
		expect(body.code).toBe(code);
		expect(body.message).not.toBe(reason);
		expect(body.message.length).toBeGreaterThan(5);
	});
});

describe('a wait after too many tries, in the reader’s language', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	const formMessage = (code: string, minutes: number) =>
		(mapError(new RateLimitedError(code, { minutes })).data as { message: string }).message;
	const apiMessage = async (seconds: number) =>
		(await apiErrorResponse(new RateLimitedError('api_rate_limited', { seconds })).json())
			.message as string;

	it('says “1 minute” and “2 minutes” in English', async () => {
		overwriteGetLocale(() => 'en');
		expect([formMessage('error_login_locked', 1), formMessage('error_login_locked', 2)]).toEqual([
			'Too many failed logins: temporarily locked. Try again in 1 minute.',
			'Too many failed logins: temporarily locked. Try again in 2 minutes.'
		]);
		expect(formMessage('error_password_change_locked', 1)).toBe(
			'Too many wrong current passwords: try again in 1 minute.'
		);
		expect(formMessage('study_checkin_locked', 1)).toBe(
			'Too many wrong codes: try again in 1 minute.'
		);
		expect(formMessage('err_verify_rate_limited', 15)).toBe(
			'Too many lookups: try again in 15 minutes'
		);
		expect([await apiMessage(1), await apiMessage(30)]).toEqual([
			'Too many requests: try again in 1 second.',
			'Too many requests: try again in 30 seconds.'
		]);
	});

	it('and the same sentence for every wait in Chinese', async () => {
		expect([formMessage('error_login_locked', 1), formMessage('error_login_locked', 2)]).toEqual([
			'登录失败次数过多，已暂时锁定，请 1 分钟后再试。',
			'登录失败次数过多，已暂时锁定，请 2 分钟后再试。'
		]);
		expect(await apiMessage(1)).toBe('请求过于频繁，请 1 秒后重试。');
	});
});

describe('a count that stands in the way, in the reader’s language', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	const pending = (n: number) => {
		const failure = mapError(new CountedConflictError('err_release_pending', n));
		return [failure.status, (failure.data as { message: string }).message];
	};

	it('says “1 attempt still awaits” and “2 attempts still await” in English, with the same code', () => {
		overwriteGetLocale(() => 'en');
		expect([pending(1), pending(2)]).toEqual([
			[409, '1 attempt still awaits grading: results can be released once it is marked'],
			[409, '2 attempts still await grading: results can be released once they are marked']
		]);
		expect(new CountedConflictError('err_release_pending', 1)).toMatchObject({
			code: 'err_release_pending',
			params: { n: 1 }
		});
	});

	it('and the same sentence for any count in Chinese', () => {
		expect(pending(1)).toEqual([409, '还有 1 份答卷待评分，评完后才能发布成绩']);
	});
});
