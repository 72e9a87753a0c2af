/** What a labelled field takes besides its element's own attributes (Field, TextArea). */
export interface FieldProps {
	label: string;
	name: string;
	/** `f-{name}` unless given. */
	id?: string;
	value?: string | null;
	error?: string;
	hint?: string;
}

/** The `aria-describedby` of a field: its error, then its hint, by the ids the field gives them. */
export function describedBy(id: string, error?: string, hint?: string): string | undefined {
	return (
		[error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
	);
}
