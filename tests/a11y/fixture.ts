/**
 * The end-to-end `test`, extended so that every page a test visits is checked with axe-core
 * (see audit.ts). A page's state is captured when it has loaded, just before SvelteKit asks for the
 * next page's data or posts a form, before the test's own `goto`/`reload`/`goBack`/`goForward`, and
 * at the end of the test; the test fails with the list of violations.
 */
import { test as base, type Page, type Request } from '@playwright/test';
import { A11yAudit, AxeChecker, describeFindings } from './audit.ts';

/** A request after which SvelteKit replaces what the page shows: a navigation's data, a form action. */
function leavesPage(request: Request): boolean {
	return (
		new URL(request.url()).pathname.endsWith('/__data.json') ||
		request.headers()['x-sveltekit-action'] === 'true'
	);
}

/**
 * Captures the page when it loads and before each navigation the test itself starts. (Once the
 * browser has asked for another document, the page can no longer be read, so a route handler is
 * too late for these.)
 */
function watch(page: Page, audit: A11yAudit) {
	page.on('load', () => void audit.capture(page));
	for (const name of ['goto', 'reload', 'goBack', 'goForward'] as const) {
		const original = page[name].bind(page) as (...args: unknown[]) => Promise<unknown>;
		Object.assign(page, {
			[name]: async (...args: unknown[]) => {
				await audit.capture(page);
				return original(...args);
			}
		});
	}
}

export const test = base.extend<
	{ a11y: A11yAudit; a11yAudit: boolean },
	{ a11yChecker: AxeChecker; a11ySeen: Set<string> }
>({
	/** `test.use({ a11yAudit: false })` turns the automatic check off, for a spec that must. */
	a11yAudit: [true, { option: true }],
	a11yChecker: [
		async ({ browser }, use) => {
			const checker = await AxeChecker.open(browser);
			await use(checker);
			await checker.close();
		},
		{ scope: 'worker' }
	],
	a11ySeen: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture uses from this
		async ({}, use) => use(new Set<string>()),
		{ scope: 'worker' }
	],
	a11y: [
		async ({ context, a11yChecker, a11ySeen, a11yAudit }, use, testInfo) => {
			const audit = new A11yAudit(a11yChecker, a11ySeen);
			if (a11yAudit) {
				await context.route('**/*', async (route, request) => {
					try {
						if (leavesPage(request)) await audit.capture(request.frame().page());
					} finally {
						await route.fallback();
					}
				});
				context.pages().forEach((p) => watch(p, audit));
				context.on('page', (p) => watch(p, audit));
			}
			await use(audit);
			if (!a11yAudit) return;
			await context.unrouteAll({ behavior: 'ignoreErrors' });
			if (testInfo.status === testInfo.expectedStatus)
				for (const page of context.pages()) await audit.capture(page);
			await audit.finish();
			if (testInfo.status !== testInfo.expectedStatus) return; // its own failure says more
			if (audit.errors.length) throw audit.errors[0];
			if (audit.findings.length) {
				const report = describeFindings(audit.findings);
				await testInfo.attach('axe-violations', { body: report, contentType: 'text/plain' });
				throw new Error(report);
			}
		},
		{ auto: true }
	]
});

export { expect } from '@playwright/test';
