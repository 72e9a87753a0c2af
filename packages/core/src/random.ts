/**
 * A small seeded pseudo-random generator: sfc32 seeded from a string or number.
 * Deterministic on every platform; not for security.
 */

/** A seed: a number or any string (e.g. `${sittingId}:${candidateId}`). */
export type Seed = string | number;

/** A random source: `int(n)` is uniform in `0 … n-1`. */
export interface Rng {
	/** @returns a number uniform in `[0, 1)` */
	next(): number;
	/**
	 * @param n - how many values there are to choose from (a positive integer)
	 * @returns an integer uniform in `0 … n-1`
	 */
	int(n: number): number;
}

function seedWords(seed: Seed): [number, number, number, number] {
	const text = typeof seed === 'number' ? `n:${seed}` : `s:${seed}`;
	// xmur3-style mixing into four 32-bit words
	let h = 1779033703 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
		h = (h << 13) | (h >>> 19);
	}
	const out: number[] = [];
	for (let k = 0; k < 4; k++) {
		h = Math.imul(h ^ (h >>> 16), 2246822507);
		h = Math.imul(h ^ (h >>> 13), 3266489909);
		h ^= h >>> 16;
		out.push(h >>> 0);
	}
	return out as [number, number, number, number];
}

/**
 * Creates a seeded generator.
 *
 * @param seed - the seed
 * @returns a deterministic random source
 */
export function createRng(seed: Seed): Rng {
	let [a, b, c, d] = seedWords(seed);
	const next = () => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	for (let i = 0; i < 12; i++) next();
	return { next, int: (n) => Math.floor(next() * n) };
}

/**
 * Shuffles a copy of an array (Fisher–Yates).
 *
 * @param items - the items
 * @param rng - the random source
 * @returns a new shuffled array
 */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = rng.int(i + 1);
		const t = out[i]!;
		out[i] = out[j]!;
		out[j] = t;
	}
	return out;
}
