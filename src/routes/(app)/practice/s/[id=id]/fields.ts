/**
 * The answer fields of a question form (`a`, `p0`, `a_0` …) with every value, as the schemas expect
 * them: a multiple choice sends one value per ticked box.
 */
export function answerFieldsOf(form: FormData): Record<string, string[]> {
	const fields: Record<string, string[]> = {};
	for (const [key, value] of form)
		if (/^(a|p\d{1,2})(_\d{1,2})?$/.test(key) && typeof value === 'string')
			(fields[key] ??= []).push(value);
	return fields;
}
