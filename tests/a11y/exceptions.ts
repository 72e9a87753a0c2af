/**
 * Accepted accessibility exceptions: the one place where an axe-core finding may be let through,
 * each with the reason it is acceptable. Keep this list short; a finding that can be fixed is fixed.
 */
export interface A11yException {
	/** The axe rule id, e.g. `color-contrast`. */
	rule: string;
	/** Only on pages whose path (with its query) matches; every page when absent. */
	path?: RegExp;
	/** Only for elements whose CSS selector (as axe reports it) contains this; every element when absent. */
	target?: string;
	/** Why this finding does not hurt anyone, or why it cannot be fixed here. Required. */
	reason: string;
}

export const A11Y_EXCEPTIONS: A11yException[] = [];
