import type { Locator, Page } from '@playwright/test';

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

/**
 * Where the tables shown as cards on a phone (`table.responsive`) do not line up, or null: a value
 * that starts left or right of the others in its table, or that reads as columns side by side (a
 * piece of it standing beside the piece before, from a line higher up).
 */
export async function cardsMisaligned(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const found: string[] = [];
		for (const table of document.querySelectorAll('table.responsive')) {
			const starts = new Map<number, string>();
			for (const td of table.querySelectorAll('td')) {
				// the lines of its text in reading order (an element's own boxes would repeat them)
				const rects: DOMRect[] = [];
				const texts = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
				for (let node = texts.nextNode(); node; node = texts.nextNode()) {
					const range = document.createRange();
					range.selectNodeContents(node);
					rects.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
				}
				if (!rects.length) continue;
				const text = (td.textContent ?? '').trim().slice(0, 20);
				// where the value starts: its first box (a badge's border, not the text in its padding)
				const all = document.createRange();
				all.selectNodeContents(td);
				const boxes = [...all.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
				starts.set(Math.round(Math.min(...boxes.map((r) => r.left))), text);
				// a piece that starts a line higher than the piece before it (a badge may sit a few px high)
				const back = rects.findIndex((r, i) => i > 0 && r.top < rects[i - 1]!.top - 8);
				if (back > 0) found.push(`"${text}" reads as columns side by side`);
			}
			if (starts.size > 1)
				found.push(`values start at ${[...starts].map(([x, t]) => `${x} px ("${t}")`).join(', ')}`);
		}
		return found.length ? `${location.pathname}: ${found.join('; ')}` : null;
	});
}

/**
 * Which edges of a sideways-scrolling box are shaded, the hint that more of its content lies that
 * way: an edge is shaded when no pixel of a thin strip just inside it is white (text and rules
 * darken some of a strip, never all of it).
 */
export async function shadedEdges(box: Locator): Promise<{ left: boolean; right: boolean }> {
	const png = await box.screenshot({ scale: 'css', animations: 'disabled' });
	return box.page().evaluate(async (b64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${b64}`;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = img.width;
		canvas.height = img.height;
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		// the brightest pixel of a 2 px strip, leaving out the bottom, where a scrollbar may be, and
		// the top rows, which blend with the page above when the box starts at a fraction of a pixel
		const brightest = (x: number) => {
			const { data } = ctx.getImageData(x, 2, 2, Math.max(1, img.height - 18));
			let max = 0;
			for (let i = 0; i < data.length; i += 4)
				max = Math.max(max, (data[i]! + data[i + 1]! + data[i + 2]!) / 3);
			return max;
		};
		return { left: brightest(1) < 245, right: brightest(img.width - 3) < 245 };
	}, png.toString('base64'));
}
