/**
 * axe-core (WCAG 2.1 A and AA) on the pages the end-to-end tests visit.
 *
 * A test's page is not checked where it runs: its DOM is copied (a snapshot, without scripts) and
 * checked in a separate page at the same address and width, while the test goes on. So a check
 * never holds a test up, works on pages without JavaScript too, and sees exactly the state the test
 * was in. Each page state (route, language, layout, whether an error shows) is checked once per
 * run, so a page many tests pass through costs one check.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { A11Y_EXCEPTIONS } from './exceptions.ts';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A page's DOM at one moment, and what identifies that state. */
interface Snapshot {
	url: string;
	path: string;
	html: string;
	width: number;
	height: number;
	/** path, language, width, error: as a person reads it */
	where: string;
	/** route, language, layout, error: one check per key and run */
	key: string;
}

/** The violations axe found on one page state, after the accepted exceptions. */
export interface PageFindings {
	where: string;
	violations: Result[];
}

/** The page's DOM as HTML without its scripts, or null for a page that is not one of the app's. */
async function snapshotOf(page: Page): Promise<Snapshot | null> {
	if (page.isClosed() || !/^https?:/.test(page.url())) return null;
	const doc = await page.evaluate(() => {
		if (document.contentType !== 'text/html') return null;
		const copy = document.documentElement.cloneNode(true) as HTMLElement;
		// relative links were resolved against the address the document was first loaded at, which
		// client-side navigation has since changed: keep them as the browser resolved them
		const live = document.querySelectorAll<HTMLLinkElement | HTMLImageElement>(
			'link[href], img[src]'
		);
		copy.querySelectorAll('link[href], img[src]').forEach((el, i) => {
			const from = live[i];
			// (`href` would resolve against the current address: the loaded sheet knows where it came from)
			if (from instanceof HTMLLinkElement) el.setAttribute('href', from.sheet?.href ?? from.href);
			else if (from instanceof HTMLImageElement)
				el.setAttribute('src', from.currentSrc || from.src);
		});
		copy.querySelectorAll('script, link[rel="modulepreload"]').forEach((s) => s.remove());
		// without JavaScript a <noscript>'s content is part of the page: keep it visible in the copy
		copy.querySelectorAll('noscript').forEach((n) => {
			if (n.children.length) n.replaceWith(...n.childNodes);
		});
		// the layout a width gets is what the style sheets' media queries make of it: one check per
		// combination (1280 and 1366 px look the same, so do 390 and 412 px)
		const media = new Set<string>();
		for (const sheet of document.styleSheets)
			for (const rule of sheet.cssRules)
				if (rule instanceof CSSMediaRule) media.add(rule.conditionText);
		const layout = [...media]
			.sort()
			.map((q) => (matchMedia(q).matches ? '1' : '0'))
			.join('');
		return {
			layout,
			html: `<!doctype html>${copy.outerHTML}`,
			lang: document.documentElement.lang,
			// an error message or an alert is a state of its own: its text and links are checked too
			alert: document.querySelector('[aria-invalid="true"], [role="alert"]') !== null
		};
	});
	if (!doc) return null;
	const url = new URL(page.url());
	url.hash = '';
	const path = decodeURI(url.pathname + url.search);
	const { width, height } = page.viewportSize() ?? { width: 1280, height: 720 };
	const where = `${path} (${doc.lang || 'no lang'}, ${width} px${doc.alert ? ', showing an error' : ''})`;
	return {
		url: url.href,
		path,
		html: doc.html,
		width,
		height,
		where,
		key: `${routeOf(url)} ${doc.lang} ${doc.layout} ${doc.alert}`
	};
}

/**
 * The page's route, for telling checks apart: ids and query values left out, so the hundredth
 * question of a practice set is not checked again after the first (the walk in
 * accessibility.spec.ts checks chosen pages on purpose).
 */
function routeOf(url: URL): string {
	const path = url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id');
	const query = [...new Set(url.searchParams.keys())].sort().join('&');
	return query ? `${path}?${query}` : path;
}

const timeout = (ms: number) =>
	new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref());

function accepted(path: string, rule: string, target: string): boolean {
	return A11Y_EXCEPTIONS.some(
		(e) =>
			e.rule === rule && (!e.path || e.path.test(path)) && (!e.target || target.includes(e.target))
	);
}

/** The findings as a person reads them: page, rule, what is wrong, where, and how to fix it. */
export function describeFindings(findings: PageFindings[]): string {
	const lines: string[] = [];
	for (const f of findings) {
		lines.push(`${f.where}:`);
		for (const v of f.violations) {
			lines.push(`  ${v.id} [${v.impact ?? 'unknown'}] ${v.help}`, `    ${v.helpUrl}`);
			for (const n of v.nodes.slice(0, 5)) {
				const why = (n.failureSummary ?? '').replace(/\s+/g, ' ').trim();
				lines.push(`    - ${n.target.join(' ')}: ${why}`);
			}
			if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more`);
		}
	}
	const count = findings.reduce((n, f) => n + f.violations.length, 0);
	return (
		`axe-core (WCAG 2.1 A/AA) found ${count} violation(s):\n${lines.join('\n')}\n` +
		'Fix them, or accept one with its reason in tests/a11y/exceptions.ts.'
	);
}

/** One page per worker that shows snapshots and runs axe on them, one at a time. */
export class AxeChecker {
	private queue: Promise<unknown> = Promise.resolve();
	private html = '';

	private constructor(
		private readonly context: BrowserContext,
		private readonly page: Page
	) {}

	static async open(browser: Browser): Promise<AxeChecker> {
		// explicit: the test runner lends new contexts the options of the test that makes them
		// (a test without JavaScript would otherwise leave the checker unable to run axe)
		const context = await browser.newContext({
			javaScriptEnabled: true,
			isMobile: false,
			hasTouch: false,
			deviceScaleFactor: 1
		});
		const page = await context.newPage();
		const checker = new AxeChecker(context, page);
		// the snapshot is served at the page's own address, so its relative links resolve as there
		await page.route('**/*', (route, request) =>
			request.isNavigationRequest()
				? route.fulfill({ body: checker.html, contentType: 'text/html; charset=utf-8' })
				: route.continue()
		);
		return checker;
	}

	/** axe's findings on a snapshot, after the accepted exceptions. */
	async audit(snap: Snapshot): Promise<PageFindings> {
		const [found] = await this.auditAt(snap, [snap.width]);
		return found!;
	}

	/** axe's findings on a snapshot at each of these widths, loading it once. */
	auditAt(snap: Snapshot, widths: number[]): Promise<PageFindings[]> {
		const run = this.queue.then(async () => {
			this.html = snap.html;
			const found: PageFindings[] = [];
			for (const [i, width] of widths.entries()) {
				await this.page.setViewportSize({ width, height: snap.height });
				if (i === 0) await this.page.goto(snap.url);
				const results = await new AxeBuilder({ page: this.page })
					.withTags(WCAG_TAGS)
					// no iframes here: the legacy run stays in this page instead of opening a blank one
					.setLegacyMode(true)
					.analyze();
				const violations = results.violations
					.map((v) => ({
						...v,
						nodes: v.nodes.filter((n) => !accepted(snap.path, v.id, n.target.join(' ')))
					}))
					.filter((v) => v.nodes.length > 0);
				found.push({ where: snap.where.replace(/\d+ px/, `${width} px`), violations });
			}
			return found;
		});
		this.queue = run.catch(() => undefined);
		return run;
	}

	close(): Promise<void> {
		return this.context.close();
	}
}

/**
 * The audits of one test: each page state is snapshotted when the test leaves it and checked in
 * the background; `finish` waits for them.
 */
export class A11yAudit {
	private readonly pending: Promise<void>[] = [];
	readonly findings: PageFindings[] = [];
	/** Checks that could not run: they fail the test too. */
	readonly errors: unknown[] = [];

	constructor(
		private readonly checker: AxeChecker,
		private readonly seen: Set<string>
	) {}

	/** Snapshots the page unless its state was checked already in this run. */
	capture(page: Page): Promise<void> {
		const done = this.snapshot(page);
		this.pending.push(done);
		return done;
	}

	private async snapshot(page: Page): Promise<void> {
		let snap: Snapshot | null;
		try {
			// a page that has started loading another document cannot be read until it has: give up
			snap = await Promise.race([snapshotOf(page), timeout(5_000)]);
		} catch {
			return; // it closed or went to another document meanwhile: its next visit is checked
		}
		if (!snap || this.seen.has(snap.key)) return;
		this.seen.add(snap.key);
		this.pending.push(
			this.checker.audit(snap).then(
				(found) => void (found.violations.length && this.findings.push(found)),
				(e: unknown) => void this.errors.push(e)
			)
		);
	}

	/** Waits for every check of this test. */
	async finish(): Promise<void> {
		for (let n = 0; n < this.pending.length; n++) await this.pending[n];
	}

	/**
	 * Checks the page as it is now at each of these widths, even if an equal state was checked
	 * before (for specs that walk pages on purpose): what axe found, after the accepted exceptions.
	 */
	async atWidths(page: Page, widths: number[]): Promise<PageFindings[]> {
		const snap = await snapshotOf(page);
		if (!snap) throw new Error(`${page.url()} is not a page of the app`);
		return this.checker.auditAt(snap, widths);
	}
}
