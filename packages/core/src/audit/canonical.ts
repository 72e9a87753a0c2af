/**
 * Canonical JSON for hashing: keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * `JSON.stringify` writes them (the same output as RFC 8785 for the values allowed here).
 *
 * Handling of awkward values, so that two parties always agree on the bytes:
 * - `undefined` object properties are left out (as `JSON.stringify` does);
 * - `undefined` inside arrays, functions, symbols, bigints, `NaN` and `±Infinity` are refused;
 * - a `Date` becomes its ISO-8601 UTC string (`toISOString()`); an invalid Date is refused;
 * - `-0` is written `0`.
 */
import { ValidationError } from '../errors.ts';

/** A value canonical JSON accepts. */
export type JsonValue = null | boolean | number | string | Date | readonly JsonValue[] | JsonObject;

/** A JSON object canonical JSON accepts (`undefined` properties are left out). */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

function fail(code: string, path: string): never {
	throw new ValidationError([{ code, path }]);
}

function write(value: unknown, path: string): string {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'string':
			return JSON.stringify(value);
		case 'boolean':
			return value ? 'true' : 'false';
		case 'number':
			if (!Number.isFinite(value)) fail('audit.json.number', path);
			return JSON.stringify(value);
		case 'object':
			break;
		default:
			fail('audit.json.unsupported', path);
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) fail('audit.json.date', path);
		return `"${value.toISOString()}"`;
	}
	if (Array.isArray(value)) {
		let out = '[';
		for (let i = 0; i < value.length; i++) {
			if (i > 0) out += ',';
			if (value[i] === undefined) fail('audit.json.undefined_in_array', `${path}[${i}]`);
			out += write(value[i], `${path}[${i}]`);
		}
		return out + ']';
	}
	const obj = value as Record<string, unknown>;
	const keys = Object.keys(obj).sort();
	let out = '{';
	for (const k of keys) {
		const v = obj[k];
		if (v === undefined) continue;
		if (out.length > 1) out += ',';
		out += JSON.stringify(k) + ':' + write(v, path ? `${path}.${k}` : k);
	}
	return out + '}';
}

/**
 * Serialises a value as canonical JSON.
 *
 * @param value - the value
 * @returns the canonical text
 * @throws ValidationError (`audit.json.*`) for values it refuses
 * @example
 * canonicalJson({ b: 1, a: [true, null], c: undefined }); // → '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: JsonValue): string {
	return write(value, '');
}
