/** The chart colours from the page's own palette (the theme's variables), with fallbacks. */
export function palette(el: Element = document.documentElement) {
	const style = getComputedStyle(el);
	const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
	return [
		v('--focus', '#0b57d0'),
		v('--ok', '#116329'),
		v('--warn', '#7d4e00'),
		v('--red', '#9f1d20')
	];
}
