/**
 * A click handler for the editor's buttons that change the form (add an option, remove a part):
 * with JavaScript the change happens in place; without it the button posts the form and the server
 * applies the same change.
 *
 * @param enhanced - whether JavaScript runs
 * @param fn - the change
 * @returns the handler
 */
export const inPlace = (enhanced: boolean, fn: () => void) => (e: MouseEvent) => {
	if (!enhanced) return;
	e.preventDefault();
	fn();
};
