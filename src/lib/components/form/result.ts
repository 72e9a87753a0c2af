/**
 * Reading the tagged results of form actions (see $lib/server/actions.ts): a page with several
 * forms shows a failure next to the form that sent it.
 */
export interface TaggedFailure {
	kind: 'invalid' | 'refused';
	action: string;
	values: Record<string, string>;
	errors?: Record<string, string>;
	message: string;
}

type Form = TaggedFailure | Record<string, unknown> | null | undefined;

const failure = (form: Form, action: string): TaggedFailure | null => {
	const f = form as TaggedFailure | null | undefined;
	return f && (f.kind === 'invalid' || f.kind === 'refused') && f.action === action ? f : null;
};

/** The failure of `action`, if the last submission was that form's and failed. */
export const failureOf = failure;

/** Field errors of `action`'s last failed submission. */
export const errorsOf = (form: Form, action: string): Record<string, string> =>
	failure(form, action)?.errors ?? {};

/** The values to show in `action`'s form: what was submitted after a failure, else `fallback`. */
export function valuesOf<T extends Record<string, unknown>>(
	form: Form,
	action: string,
	fallback: T
): Record<string, unknown> {
	return failure(form, action)?.values ?? fallback;
}

/**
 * The boxes of `name` to tick in a form's values: a ticked list comes back from a failure as one
 * string, its values joined by commas (see formValues in $lib/server/forms.ts).
 */
export const tickedIn = (values: Record<string, unknown>, name: string): Set<string> =>
	new Set(String(values[name] ?? '').split(','));
