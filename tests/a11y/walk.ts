/**
 * The accessibility walk (tests/accessibility*.spec.ts): each role logs in and walks the sections of
 * its navigation and the pages below them, each page checked with axe-core (WCAG 2.1 A and AA) at
 * each width and for sideways scrolling at 320 CSS px. The full walk (A11Y=1, `npm run test:a11y`)
 * goes in both languages at 1366 and 390 px; `npm test` in Chinese at 390 px only: a quarter of the
 * time, within CI's budget, and where most regressions show. The walk is split in two spec files so
 * that CI's two shards share it.
 */
import type { Page } from '@playwright/test';
import { type PageFindings, describeFindings } from './audit.ts';
import { expect, loginAs, test } from '../helpers.ts';
import { sidewaysAt320 } from './reflow.ts';

const full = Boolean(process.env.A11Y);
/** a desktop, and a phone */
const WIDTHS = full ? [1366, 390] : [390];
const LANGUAGES = full ? ['zh-CN', 'en'] : ['zh-CN'];

/**
 * A step of a walk: a path; the first link (on the pages seen so far, latest first) whose path
 * matches; or something a person does that ends on a new page.
 */
export type Step = string | RegExp | ((page: Page) => Promise<void>);

/** Starts a practice set from the first bank, checks the question, answers it, shows the result. */
const practiseOne: Step = async (page) => {
	await page.goto('/practice');
	const byBank = page.locator('section', { has: page.locator('#start-bank') });
	await byBank.locator('select[name="value"]').selectOption({ index: 0 });
	await byBank.locator('button[type="submit"]').click();
	await expect(page).toHaveURL(/\/practice\/s\/\d+$/);
};
const answerIt: Step = async (page) => {
	await page.locator('form[action="?/answer"] button[type="submit"]').click();
	// an essay (the set's order is random) is marked by the learner before the result shows
	const assess = page.locator('form[action="?/assess"]');
	const result = /\/practice\/s\/\d+\/a\/\d+$/;
	await expect(assess.or(page.locator('#result')).first()).toBeVisible();
	if (await assess.isVisible()) {
		await assess.getByRole('radio').first().check();
		await assess.locator('button[type="submit"]').click();
	}
	await expect(page).toHaveURL(result);
};

// Every role walks the sections of its navigation (a path another role walked already, other
// than the home page, is not walked again), then the pages below them that only it shows here.
/** One role's walk: `then` are the pages below its sections that only it shows here. */
export interface RoleWalk {
	who: string;
	part?: string;
	then: Step[];
}

export const WALKS: RoleWalk[] = [
	{
		who: 'cadre',
		then: [
			'/practice/mistakes',
			/^\/laws\/\d+$/,
			/^\/laws\/\d+\/articles\/\d+$/,
			/^\/laws\/\d+\/versions\/\d+$/,
			'/laws/search?q=行政',
			'/account/password',
			'/study/calendar',
			'/study/checkin',
			'/study/feeds',
			/^\/study\/readings\/\d+$/,
			'/study/lessons',
			/^\/study\/lessons\/\d+$/
		]
	},
	{
		who: 'organiser',
		then: [
			/^\/banks\/\d+$/,
			/^\/banks\/\d+\/questions\/\d+$/,
			/^\/banks\/\d+\/questions\/new$/,
			/^\/banks\/\d+\/import$/,
			'/laws/import'
		]
	},
	{
		// a walk of its own: one test that long would not finish in time on a busy machine
		who: 'organiser',
		part: 'study and exams',
		then: [
			'/study/plans',
			/^\/study\/plans\/\d+$/,
			/^\/study\/plans\/\d+\/items\/\d+$/,
			'/study/schedules',
			/^\/study\/schedules\/\d+$/,
			/^\/study\/sessions\/\d+$/,
			'/study/teams',
			/^\/study\/teams\/\d+$/,
			'/study/readings',
			/^\/study\/readings\/\d+$/,
			'/study/lessons',
			/^\/study\/lessons\/\d+$/,
			/^\/study\/lessons\/\d+\/edit$/,
			'/study/lessons/new?kind=case',
			'/study/credits?all=1',
			'/exams/manage',
			'/exams/manage/new',
			// when the demo has exams: an exam, a sitting's results and its live monitor
			/^\/exams\/manage\/\d+$/,
			/^\/exams\/manage\/sittings\/\d+$/,
			/^\/exams\/manage\/sittings\/\d+\/monitor$/
		]
	},
	{
		who: 'admin',
		then: [
			/^\/admin\/units\/\d+$/,
			/^\/admin\/people\/\d+$/,
			'/admin/people/new',
			'/admin/calendar'
		]
	},
	{ who: 'street', then: [] },
	{ who: 'hr', then: ['/hr/cases', '/hr/cases/new', /^\/hr\/cases\/\d+$/] },
	// the grader practises (every account may): the practice spec that runs later starts from the
	// demo cadre with nothing practised yet
	{ who: 'grader', then: ['/exams/grading', practiseOne, answerIt, '/practice/mistakes'] }
];

class Walk {
	readonly axe: PageFindings[] = [];
	readonly sideways: string[] = [];
	private readonly links: string[][] = [];

	constructor(
		private readonly page: Page,
		private readonly a11y: { atWidths(page: Page, widths: number[]): Promise<PageFindings[]> }
	) {}

	/** Checks the page on screen at every width, then remembers its links for the next steps. */
	async check() {
		const page = this.page;
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const found = await this.a11y.atWidths(page, WIDTHS);
		this.axe.push(...found.filter((f) => f.violations.length));
		const sideways = await sidewaysAt320(page);
		if (sideways) this.sideways.push(sideways);
		this.links.unshift(
			await page
				.locator('main a[href^="/"]')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
		);
	}

	async step(step: Step) {
		if (typeof step === 'function') await step(this.page);
		else if (typeof step === 'string') await this.page.goto(step);
		else {
			const href = this.links.flat().find((h) => step.test(h.split(/[?#]/)[0]!));
			if (!href) return; // e.g. no statutes in this installation: nothing to open
			await this.page.goto(href);
		}
		await this.check();
	}

	expectNothingFound() {
		expect(this.axe.length ? describeFindings(this.axe) : '', 'axe-core').toBe('');
		expect(this.sideways, 'sideways scrolling at 320 CSS px').toEqual([]);
	}
}

/**
 * Registers the walks of `roles` (in the order given; a section another of them walked already,
 * other than the home page, is not walked again), and with `login` the login page's.
 */
export function walkTests(roles: readonly RoleWalk[], { login = false } = {}) {
	test.describe.configure({ timeout: 300_000 });
	// this spec checks on purpose, at each width; the automatic check would only repeat it
	test.use({ a11yAudit: false });

	const walked = new Set<string>();

	if (login)
		test('the login page, in both languages', async ({ page, a11y }) => {
			const walk = new Walk(page, a11y);
			await page.goto('/login');
			await walk.check();
			await page.locator('#lang-select').selectOption('en');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await walk.check();
			walk.expectNothingFound();
		});

	for (const language of LANGUAGES)
		for (const { who, part, then } of roles) {
			const what = part ? `${who} (${part})` : who;
			test(`every page ${what} works with, in ${language}`, async ({ page, a11y }) => {
				await loginAs(page, who);
				if (language === 'en') {
					await page.locator('#lang-select').selectOption('en');
					await expect(page.locator('html')).toHaveAttribute('lang', 'en');
				}
				const nav = await page
					.getByRole('navigation')
					.first()
					.locator('ul.bar a')
					.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
				const sections = nav.filter((href) => href === '/' || !walked.has(`${language} ${href}`));
				sections.forEach((href) => walked.add(`${language} ${href}`));
				const walk = new Walk(page, a11y);
				for (const step of [...sections, ...then]) await walk.step(step);
				walk.expectNothingFound();
			});
		}
}
