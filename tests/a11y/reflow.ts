import type { Page } from '@playwright/test';

/** 320 CSS px: a 640 px phone screen at 200 % zoom, the width WCAG 1.4.10 (reflow) asks for. */
export const REFLOW_WIDTH = 320;

/**
 * Whether the page scrolls sideways at 320 CSS px, or null when it does not: the outermost
 * elements that stick out past the right edge (a wide table scrolling in its own box does not).
 */
export async function sidewaysAt320(page: Page): Promise<string | null> {
	const before = page.viewportSize();
	await page.setViewportSize({ width: REFLOW_WIDTH, height: 700 });
	const found = await page.evaluate(() => {
		const root = document.documentElement;
		if (root.scrollWidth <= root.clientWidth) return null;
		const edge = root.clientWidth + 0.5;
		const sticksOut = (el: Element) => el.getBoundingClientRect().right > edge;
		const name = (el: Element) =>
			el.tagName.toLowerCase() +
			(el.id ? `#${el.id}` : '') +
			[...el.classList].map((c) => `.${c}`).join('');
		const offenders = [...document.body.querySelectorAll('*')].filter(
			(el) => sticksOut(el) && el.parentElement && !sticksOut(el.parentElement)
		);
		const list = offenders
			.slice(0, 5)
			.map((el) => `${name(el.parentElement!)} > ${name(el)}`)
			.join(', ');
		return `${location.pathname}${location.search} (${root.lang}): ${root.scrollWidth} px wide: ${list}`;
	});
	if (before) await page.setViewportSize(before);
	return found;
}
