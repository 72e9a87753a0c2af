import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
	it('gives every setting its default when the environment is empty', () => {
		expect(readConfig({})).toMatchObject({
			databaseUrl: 'file:./data/xuefa.db',
			demo: false,
			production: false,
			secureCookies: false,
			logLevel: 'info',
			lawsDir: resolve(process.cwd(), '..', 'shared', 'data', 'laws'),
			migrationsFolder: './drizzle',
			sweepMs: 15_000
		});
	});

	it('makes cookies Secure in production unless the site is declared plain http', () => {
		expect(readConfig({ NODE_ENV: 'production' }).secureCookies).toBe(true);
		const https = { NODE_ENV: 'production', ORIGIN: 'https://xuefa.example.gov.cn' };
		expect(readConfig(https).secureCookies).toBe(true);
		const trial = { NODE_ENV: 'production', ORIGIN: 'http://localhost:3000' };
		expect(readConfig(trial).secureCookies).toBe(false);
	});

	it('reads the log level and the statutes folder', () => {
		const env = { LOG_LEVEL: 'debug', XUEFA_LAWS_DIR: '/srv/laws' };
		expect(readConfig(env)).toMatchObject({ logLevel: 'debug', lawsDir: '/srv/laws' });
	});

	it('keeps the deadline sweep between once a second and once in five minutes', () => {
		expect(readConfig({ XUEFA_SWEEP_SECONDS: '2' }).sweepMs).toBe(2000);
		expect(readConfig({ XUEFA_SWEEP_SECONDS: '0.001' }).sweepMs).toBe(1000);
		expect(readConfig({ XUEFA_SWEEP_SECONDS: '86400' }).sweepMs).toBe(300_000);
		expect(readConfig({ XUEFA_SWEEP_SECONDS: 'soon' }).sweepMs).toBe(15_000);
	});
});
