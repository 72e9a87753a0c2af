/**
 * Moving keyboard focus where the person's attention should go after something they did: to the
 * result of an answer (practice), or back to the question (an exam page that stays on it), so the
 * next control is one Tab away instead of about ten from the top of the page.
 */

/**
 * Focuses `el`, making it focusable by script first if it is not (without making it a Tab stop).
 * A screen reader then reads it. Does nothing without an element.
 */
export function moveFocus(el: HTMLElement | null | undefined): void {
	if (!el) return;
	if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
	el.focus();
}

/**
 * An attachment (`{@attach focusOnArrival}`) that focuses its element when it appears. After a
 * client-side navigation SvelteKit keeps focus that was moved while the page rendered, instead of
 * sending it back to the top.
 */
export function focusOnArrival(el: HTMLElement): void {
	moveFocus(el);
}
