/**
 * The most saves one request to an attempt's save endpoint carries (its schema refuses more): the
 * exam page sends a longer offline queue in parts. Its own module, so the page imports no schema.
 */
export const SAVES_PER_REQUEST = 200;
