import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4317);
// a second run beside the first (npm test's statute run without statutes) keeps its own database
// and results: E2E_TMP, E2E_OUTPUT
const TMP = process.env.E2E_TMP ?? 'tests/.tmp';
const ORIGIN = `http://localhost:${PORT}`;

// Debian's chromium where it is installed (CI installs it), its headless shell first: the tests
// never show a window, and the full browser's headless mode took 70 % more CPU for the same specs
// (on two cores the suite is CPU-bound). Otherwise Playwright's own browser.
const executablePath =
	process.env.CHROMIUM_PATH ??
	['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));

// Every page a test visits is checked with axe-core (tests/a11y/fixture.ts) with A11Y=1
// (`npm run test:a11y`, which adds the full walk): on two cores the checks double the suite's time,
// more than CI's fifteen minutes allow.
const a11y = Boolean(process.env.A11Y);

export default defineConfig<{ a11yAudit: boolean }>({
	testDir: 'tests',
	outputDir: process.env.E2E_OUTPUT ?? 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// flows of many steps (password hashing on each login) on a two-core machine; a test also waits for
	// the axe-core checks of the pages it visited (tests/a11y)
	timeout: 60_000,
	expect: { timeout: 7_000 },
	reporter: process.env.CI
		? [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/e2e.json' }]]
		: 'list',
	use: {
		baseURL: ORIGIN,
		locale: 'zh-CN',
		// npm test (CI=1) records no trace: recording one for every test and keeping the failures'
		// cost a fifth of the suite's CPU; a failure still leaves its error context (the page as an
		// accessibility tree). Run a spec alone to get its trace.
		trace: process.env.CI ? 'off' : 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], a11yAudit: a11y },
			// the accessibility walk is shorter without A11Y (tests/a11y/walk.ts)
			testIgnore: /mobile\.spec\.ts/
		},
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], a11yAudit: a11y },
			testMatch: /mobile\.spec\.ts/
		}
	],
	webServer: {
		// the built app, as in production, on a fresh demo database (E2E_PREBUILT=1: the build/ of a
		// run just before, for a second run with other settings)
		command: `rm -rf ${TMP} && ${process.env.E2E_PREBUILT ? '' : 'npm run build && '}node scripts/start.mjs --demo`,
		url: `${ORIGIN}/login`,
		// the build runs inside this command: slow on a loaded two-core machine
		timeout: 600_000,
		reuseExistingServer: false,
		env: {
			PORT: String(PORT),
			ORIGIN,
			DATABASE_URL: `file:./${TMP}/e2e.db`,
			XUEFA_DEMO: '1',
			// the monitor test waits for the sweep to submit an abandoned attempt
			XUEFA_SWEEP_SECONDS: '2'
		}
	}
});
