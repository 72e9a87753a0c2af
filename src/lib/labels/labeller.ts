/** A compiled message; each takes its own inputs, so only "returns a string" is common to all. */
type Message = (...inputs: never[]) => string;

/**
 * A label for stored enum values and codes, in the reader's language, from a fixed table of
 * messages. The table names each message statically so that the bundler ships only the messages a
 * page uses; a lookup by a computed key (`m[key]`) would ship the whole catalogue (80 KB gzipped)
 * to every page. A value without a message shows as it is; `.has(value)` tells whether one exists.
 */
export function labeller<K extends string>(messages: Record<K, Message>) {
	const has = (value: string | number): boolean => Object.hasOwn(messages, value);
	const label = (value: string | number, inputs: Record<string, unknown> = {}): string =>
		has(value)
			? (messages[value as K] as (inputs: Record<string, unknown>) => string)(inputs)
			: String(value);
	return Object.assign(label, { has });
}
