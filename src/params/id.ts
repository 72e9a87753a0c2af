import type { ParamMatcher } from '@sveltejs/kit';

/** A record id in a URL: a positive whole number written plainly (no 0x1, 1e0 or spaces). */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,14}$/.test(param);
