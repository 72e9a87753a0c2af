import type { Page } from '@playwright/test';

/** WCAG's contrast ratio of two `rgb(…)`/`rgba(…)` colours as getComputedStyle gives them. */
export function contrast(a: string, b: string): number {
	const lum = (css: string) => {
		const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
			const c = Number(v) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

/** The focus ring of the focused element and what it is drawn against. */
export interface Ring {
	name: string;
	ring: string;
	against: string;
	/** the ring lies wholly on what it is drawn against, and no box of the header cuts it off */
	whole: boolean;
}

/**
 * Tabs from the top of the page through the skip link and the header (opening the phone menu on
 * the way) and reads each focus ring: its colour, the colour it is drawn on, and whether it shows whole.
 */
export async function headerRings(page: Page): Promise<Ring[]> {
	await page.locator('body').focus();
	const rings: Ring[] = [];
	for (let i = 0; i < 30; i++) {
		await page.keyboard.press('Tab');
		const r = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			const header = el?.closest('header');
			if (!el || (!header && !el.matches('.skip-link'))) return null;
			const cs = getComputedStyle(el);
			const rect = el.getBoundingClientRect();
			const width = parseFloat(cs.outlineWidth);
			const offset = parseFloat(cs.outlineOffset);
			const out = Math.max(0, width + offset); // how far the ring reaches outside the box
			const ring = {
				top: rect.top - out,
				bottom: rect.bottom + out,
				left: rect.left - out,
				right: rect.right + out
			};
			// an inset ring is drawn on the element's own background, an outer one on the header's
			const on = offset < 0 || !header ? el : header;
			const box = (header ?? el).getBoundingClientRect();
			let whole =
				cs.outlineStyle !== 'none' &&
				ring.left >= 0 &&
				ring.right <= document.documentElement.clientWidth &&
				(offset < 0 || (ring.top >= box.top && ring.bottom <= box.bottom));
			for (
				let p = el.parentElement;
				header && p && p !== header.parentElement;
				p = p.parentElement
			) {
				if (
					getComputedStyle(p).overflowX === 'visible' &&
					getComputedStyle(p).overflowY === 'visible'
				)
					continue;
				const clip = p.getBoundingClientRect();
				if (
					ring.top < clip.top ||
					ring.bottom > clip.bottom ||
					ring.left < clip.left ||
					ring.right > clip.right
				)
					whole = false;
			}
			if (el.matches('summary') && !(el.parentElement as HTMLDetailsElement).open)
				el.setAttribute('data-open-me', '');
			return {
				name: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 20)}"`,
				ring: cs.outlineColor,
				against: getComputedStyle(on).backgroundColor,
				whole
			};
		});
		if (!r) {
			if (rings.length) break;
			continue;
		}
		rings.push(r);
		if (await page.locator('[data-open-me]').count()) {
			await page.keyboard.press('Enter'); // open the phone menu: its links are tabbed through next
			await page.locator('[data-open-me]').evaluate((el) => el.removeAttribute('data-open-me'));
		}
	}
	return rings;
}
