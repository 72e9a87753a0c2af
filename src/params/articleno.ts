import type { ParamMatcher } from '@sveltejs/kit';

/** An article number in a URL: 0 (the preamble) or a positive whole number. */
export const match: ParamMatcher = (param) => /^(0|[1-9]\d{0,3})$/.test(param);
