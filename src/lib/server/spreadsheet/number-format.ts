/**
 * Numbers as a cell's number format shows them (ECMA-376 §18.8.31): `0.00` → 3.50, `#,##0` →
 * 1,000, `000000` → 001234, `000-0000-0000` → 138-0013-8000, `0"分"` → 5分, `0.0%` → 12.5%,
 * `0.00E+00` → 1.23E+05. What a person typed and sees is the text of an option or an answer, not
 * the number Excel keeps behind it.
 */

type Token =
	| { kind: 'literal'; text: string }
	| { kind: 'digit'; placeholder: '0' | '#' | '?' }
	| { kind: 'point' }
	| { kind: 'comma' }
	| { kind: 'percent' }
	| { kind: 'exponent'; sign: '+' | '-' }
	| { kind: 'general' };

/** The sections of a format code (`positive;negative;zero;text`), split outside quotes. */
function sections(code: string): string[] {
	const out: string[] = [];
	let current = '';
	for (let i = 0; i < code.length; i++) {
		const c = code[i]!;
		if (c === '"') {
			const end = code.indexOf('"', i + 1);
			const stop = end < 0 ? code.length : end;
			current += code.slice(i, stop + 1);
			i = stop;
		} else if (c === '\\') {
			current += code.slice(i, i + 2);
			i++;
		} else if (c === ';') {
			out.push(current);
			current = '';
		} else current += c;
	}
	out.push(current);
	return out;
}

/** A section as tokens; undefined for what is not read here (fractions, conditions, Chinese numerals …). */
function tokens(section: string): Token[] | undefined {
	const out: Token[] = [];
	for (let i = 0; i < section.length; i++) {
		const c = section[i]!;
		if (c === '"') {
			const end = section.indexOf('"', i + 1);
			if (end < 0) return undefined;
			out.push({ kind: 'literal', text: section.slice(i + 1, end) });
			i = end;
		} else if (c === '\\') {
			out.push({ kind: 'literal', text: section[i + 1] ?? '' });
			i++;
		} else if (c === '_')
			i++; // the width of the next character: a space nobody reads
		else if (c === '*')
			i++; // the next character repeated to fill the cell
		else if (c === '[') {
			const end = section.indexOf(']', i);
			if (end < 0) return undefined;
			const inside = section.slice(i + 1, end);
			// a currency symbol with its locale ([$¥-804]); a locale or a colour alone shows nothing
			const currency = /^\$([^-]*)(?:-[0-9A-Fa-f]+)?$/.exec(inside);
			if (currency) out.push({ kind: 'literal', text: currency[1]! });
			else if (!/^(?:black|blue|cyan|green|magenta|red|white|yellow|color\s*\d+)$/i.test(inside))
				return undefined;
			i = end;
		} else if (c === '0' || c === '#' || c === '?') out.push({ kind: 'digit', placeholder: c });
		else if (c === '.') out.push({ kind: 'point' });
		else if (c === ',') out.push({ kind: 'comma' });
		else if (c === '%') out.push({ kind: 'percent' });
		else if ((c === 'E' || c === 'e') && (section[i + 1] === '+' || section[i + 1] === '-')) {
			out.push({ kind: 'exponent', sign: section[i + 1] as '+' | '-' });
			i++;
		} else if (/^general/i.test(section.slice(i))) {
			out.push({ kind: 'general' });
			i += 'general'.length - 1;
		} else if (/[A-Za-z@/]/.test(c)) return undefined;
		else out.push({ kind: 'literal', text: c });
	}
	return out;
}

/** `x` ≥ 0 rounded to `decimals` places, as Excel shows it: 15 significant digits, the rest 0s. */
function fixed(x: number, decimals: number): { int: string; frac: string } {
	const [mantissa = '', exponent = '0'] = x.toPrecision(15).split('e');
	const power = Number(exponent);
	if (power >= 15) {
		const digits = mantissa.replace('.', '');
		return { int: digits.padEnd(power + 1, '0'), frac: '0'.repeat(decimals) };
	}
	const [int = '0', frac = ''] = Number(mantissa + (power ? `e${power}` : ''))
		.toFixed(decimals)
		.split('.');
	return { int, frac };
}

/** 1234567 → 1,234,567 */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The text of the literals among `tokens`. */
const literals = (part: Token[]) => part.map((t) => (t.kind === 'literal' ? t.text : '')).join('');

/**
 * The integer placeholders filled with `digits` from the right, those left over at the leftmost;
 * with `grouping`, thousands separated (literals only before and after the placeholders).
 */
function fillInteger(part: Token[], digits: string, grouping: boolean): string | undefined {
	const places = part.filter((t) => t.kind === 'digit');
	if (grouping) {
		const first = part.findIndex((t) => t.kind === 'digit');
		const last = part.findLastIndex((t) => t.kind === 'digit');
		if (part.slice(first, last).some((t) => t.kind === 'literal')) return undefined;
		const least = places.filter((t) => t.placeholder === '0').length;
		const body = grouped(digits.padStart(least, '0'));
		return literals(part.slice(0, first)) + body + literals(part.slice(last + 1));
	}
	let left = digits;
	let out = '';
	let seen = 0;
	for (let i = part.length - 1; i >= 0; i--) {
		const t = part[i]!;
		if (t.kind === 'literal') out = t.text + out;
		else if (t.kind === 'digit') {
			seen++;
			const last = seen === places.length;
			const take = last ? left : left.slice(-1);
			left = last ? '' : left.slice(0, -1);
			out = (take || (t.placeholder === '0' ? '0' : t.placeholder === '?' ? ' ' : '')) + out;
		}
	}
	return out;
}

/** The decimal placeholders filled with `digits`, trailing zeros dropped where a `#` or `?` stands. */
function fillFraction(part: Token[], digits: string): string {
	const places = part.flatMap((t) => (t.kind === 'digit' ? [t.placeholder] : []));
	let keep = digits.length;
	while (keep > 0 && digits[keep - 1] === '0' && places[keep - 1] !== '0') keep--;
	let at = 0;
	let out = '';
	for (const t of part) {
		if (t.kind === 'literal') out += t.text;
		else if (t.kind === 'digit') {
			out += at < keep ? digits[at] : places[at] === '?' ? ' ' : '';
			at++;
		}
	}
	return out;
}

/** A number as General shows it: up to 11 characters, in scientific notation past them. */
function general(x: number): string {
	const plain = String(Number(x.toPrecision(10)));
	if (plain.length <= 11 && !plain.includes('e')) return plain;
	const [m = '', e = '0'] = x.toExponential(5).split('e');
	const power = Number(e);
	const digits = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
	return `${digits}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}

function render(x: number, written: Token[]): string | undefined {
	if (written.some((t) => t.kind === 'general')) {
		if (written.some((t) => t.kind !== 'general' && t.kind !== 'literal')) return undefined;
		return written.map((t) => (t.kind === 'literal' ? t.text : general(x))).join('');
	}
	const percents = written.filter((t) => t.kind === 'percent').length;
	// a percent sign multiplies by 100 and shows where it stands
	const section = written.map((t): Token =>
		t.kind === 'percent' ? { kind: 'literal', text: '%' } : t
	);
	const point = section.findIndex((t) => t.kind === 'point');
	const exponent = section.findIndex((t) => t.kind === 'exponent');
	const end = exponent < 0 ? section.length : exponent;
	const intPart = section.slice(0, point < 0 ? end : point);
	const fracPart = point < 0 ? [] : section.slice(point + 1, end);
	const expPart = exponent < 0 ? [] : section.slice(exponent + 1);
	const intPlaces = intPart.filter((t) => t.kind === 'digit').length;
	const decimals = fracPart.filter((t) => t.kind === 'digit').length;
	// a section of text alone shows the text (0;-0;"零"); an empty one hides the number: left be
	if (intPlaces + decimals === 0) return literals(section) || undefined;
	// a comma after the last integer placeholder divides by 1,000; one between them groups
	const lastDigit = intPart.findLastIndex((t) => t.kind === 'digit');
	const scaling = intPart.slice(lastDigit + 1).filter((t) => t.kind === 'comma').length;
	const grouping = intPart.slice(0, lastDigit).some((t) => t.kind === 'comma');
	let value = (x / 1000 ** scaling) * 100 ** percents;
	let power = 0;
	if (exponent >= 0) {
		// engineering formats (##0.0E+0) are not read here
		if (intPlaces !== 1) return undefined;
		power = value === 0 ? 0 : Math.floor(Math.log10(value));
		value /= 10 ** power;
		// 9.999 shown with two decimals is 10.00: one power more
		if (Number(value.toFixed(decimals)) >= 10) {
			power++;
			value /= 10;
		}
	}
	const { int, frac } = fixed(value, decimals);
	let out = fillInteger(intPart, int === '0' ? '' : int, grouping);
	if (out === undefined) return undefined;
	if (point >= 0) out += '.' + fillFraction(fracPart, frac);
	const mark = section[exponent];
	if (mark?.kind === 'exponent') {
		const places = expPart.filter((t) => t.kind === 'digit').length;
		const sign = power < 0 ? '-' : mark.sign === '+' ? '+' : '';
		out += `E${sign}${String(Math.abs(power)).padStart(places, '0')}${literals(expPart)}`;
	}
	return out;
}

/**
 * A number as a cell with the number format `code` shows it, for the formats people give columns
 * of ids, amounts and scores (digits, zeros padding, thousands, decimals, percentages, literal
 * text, scientific); undefined for a format not read here (fractions, conditions, Chinese
 * numerals …), which the caller reads its own way.
 */
export function shownNumber(n: number, code: string): string | undefined {
	const parts = sections(code);
	const negative = n < 0 && parts.length >= 2 && parts[1] !== undefined;
	const zero = n === 0 && parts.length >= 3;
	const section = tokens(zero ? parts[2]! : negative ? parts[1]! : parts[0]!);
	if (!section) return undefined;
	const shown = render(Math.abs(n), section);
	if (shown === undefined) return undefined;
	return n < 0 && !negative ? `-${shown}` : shown;
}
