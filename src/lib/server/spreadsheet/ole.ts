/**
 * The chains of sectors and the directory of an old binary .xls (an OLE compound file), checked
 * before SheetJS reads them: its reader follows a stream's chain from the stream's first sector
 * without looking for a sector it has already been to, so a chain that comes back on itself
 * (sector 3 → 2 → 3), a few bytes changed in a 5 KB file, grew an array until V8 gave up and ended
 * the whole process; and it walks the directory's tree without looking either (see `tangledTree`).
 */

/** What SheetJS reads the header as ([MS-CFB] 2.2); `cfb.parse` in its sources. */
const MAJOR_VERSION = 0x1a;
const DIRECTORY_START = 0x30;
const DIFAT_START = 0x44;
const HEADER_FAT = 0x4c;
const HEADER_FAT_COUNT = 109;

/**
 * Whether some chain of sectors in an OLE file never ends, or runs into another, or its directory
 * is tangled (see `tangledDirectory`), as SheetJS follows chains (`get_sector_list`,
 * `make_sector_list`): the next of sector `j` is the 32-bit entry `j` of the FAT, whose sectors
 * the header lists up to its first negative entry; a chain ends at a negative sector, or at one
 * whose FAT sector is not in the file. Each entry of each FAT sector listed is looked at once: at
 * most 109 × 1,024, however the file is made. A file whose FAT goes on in DIFAT sectors counts as
 * tangled too: that FAT, which may list sectors many times over, could be far larger than the
 * file; only a file past 6.8 MB needs one.
 * @returns true for a file SheetJS may read for ever or copy over and over; false otherwise, and
 * for one it refuses before following any chain (shorter than a header, of another version).
 */
export function isTangledOle(bytes: Uint8Array): boolean {
	if (bytes.byteLength < 512) return false;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const major = view.getUint16(MAJOR_VERSION, true);
	const size = major === 3 ? 512 : major === 4 ? 4096 : 0;
	if (size === 0) return false;
	// sector k is at (k + 1) × size, the last one cut at the end of the file (`sectorify`)
	const sectors = Math.ceil(bytes.byteLength / size) - 1;
	const isSector = (k: number) => Number.isInteger(k) && k >= 0 && k < sectors;
	// a byte past the end of the file reads as 0 (`__readInt32LE` on a short last sector)
	const int32 = (sector: number, offset: number) => {
		const at = (sector + 1) * size + offset;
		if (at + 4 <= bytes.byteLength) return view.getInt32(at, true);
		let value = 0;
		for (let i = 3; i >= 0; i--) value = (value << 8) | (bytes[at + i] ?? 0);
		return value;
	};
	if (isSector(view.getInt32(DIFAT_START, true))) return true;
	const fat: number[] = [];
	for (let i = 0; i < HEADER_FAT_COUNT; i++) {
		const at = view.getInt32(HEADER_FAT + 4 * i, true);
		if (at < 0) break;
		fat.push(at);
	}
	const perSector = size / 4;
	const nodes = fat.length * perSector;
	// the sector after j, or -1 where SheetJS stops
	const next = (j: number) => {
		const fatSector = fat[Math.floor(j / perSector)]!;
		return isSector(fatSector) ? int32(fatSector, (j % perSector) * 4) : -1;
	};
	// two chains running into one sector: SheetJS copies the shared part again for each sector
	// before it (each chain from each of its sectors not yet read), so a chain of 10,000 sectors
	// each pointing to the one before was copied 50 million times over. No real file has one.
	const before = new Uint8Array(nodes);
	for (let j = 0; j < nodes; j++) {
		const k = next(j);
		if (k < 0 || k >= nodes) continue;
		if (before[k] === 1) return true;
		before[k] = 1;
	}
	// 0: not yet seen, 1: on the chain being followed, 2: known to end
	const state = new Uint8Array(nodes);
	for (let start = 0; start < nodes; start++) {
		const chain: number[] = [];
		let j = start;
		while (j >= 0 && j < nodes && state[j] === 0) {
			state[j] = 1;
			chain.push(j);
			j = next(j);
		}
		if (j >= 0 && j < nodes && state[j] === 1) return true;
		for (const k of chain) state[k] = 2;
	}
	// the directory, as SheetJS reads it: the chain from its first sector, every 128 bytes an entry
	const parts: Uint8Array[] = [];
	for (let j = view.getInt32(DIRECTORY_START, true); j >= 0; j = next(j)) {
		// a directory in no sector SheetJS has: it fails at once
		if (!isSector(j)) return parts.length > 0;
		parts.push(bytes.subarray((j + 1) * size, (j + 2) * size));
		if (parts.length * (size / ENTRY) > MAX_ENTRIES) return true;
	}
	return tangledDirectory(Buffer.concat(parts), (k) => k >= 0 && k < nodes && before[k] === 1);
}

/**
 * A directory entry's length, and how many an .xls may have: a few, and some for each macro
 * module or embedded object; the tree's walk below goes through its queue once per entry.
 */
const ENTRY = 128;
const MAX_ENTRIES = 4096;

/**
 * Whether SheetJS would walk a directory for ever, or copy a chain again for each entry: an entry
 * of a stream in sectors (4,096 bytes or more) starting in the middle of a chain (`midChain`) has
 * its chain copied from there (`read_directory`), each such entry again; and the siblings and
 * children of its entries, a tree, are walked by `build_full_paths` as `tangledTree` tells.
 */
function tangledDirectory(directory: Uint8Array, midChain: (sector: number) => boolean): boolean {
	const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
	// a field past the end of the last entry reads as 0, as SheetJS reads it
	const int32 = (at: number) => (at + 4 <= directory.byteLength ? view.getInt32(at, true) : 0);
	const entries = Array.from({ length: Math.ceil(directory.byteLength / ENTRY) }, (_, e) => {
		const at = e * ENTRY;
		const [type, start, size] = [directory[at + 66] ?? 0, int32(at + 116), int32(at + 120)];
		if (type !== 5 && size >= 4096 && midChain(start)) return undefined;
		// SheetJS empties an entry of negative start and size: of no type, its path is not walked
		const kind = size < 0 && start < 0 ? 0 : type;
		return { type: kind, L: int32(at + 68), R: int32(at + 72), C: int32(at + 76) };
	});
	if (entries.some((entry) => entry === undefined)) return true;
	return tangledTree(entries as TreeEntry[]);
}

interface TreeEntry {
	type: number;
	L: number;
	R: number;
	C: number;
}

/**
 * Whether `build_full_paths` in SheetJS would not come to an end: done here as it does it (its
 * odd steps too), stopped where it would go on for ever. It queues an entry's siblings again each
 * time it comes back to them, so siblings naming each other (entry 2's left sibling the root,
 * the root's entry 2) filled its queue without end; and it climbs from each entry to the root
 * through parents, which crafted children made a loop of. The trees of `n` entries tried here
 * (random, and all on one side) queued fewer than 2n, and a climb is shorter than `n` steps.
 */
function tangledTree(entries: readonly TreeEntry[]): boolean {
	const n = entries.length;
	// SheetJS's own arrays, written at any index its numbers give (missing reads as undefined)
	const dad = new Map<number | undefined, number | undefined>();
	const q: (number | undefined)[] = [];
	for (let i = 0; i < n; i++) {
		dad.set(i, i);
		q.push(i);
	}
	let L = 0;
	let R = 0;
	for (let j = 0; j < q.length; j++) {
		if (q.length > 3 * n) return true;
		const entry = entries[q[j]!];
		// SheetJS fails at once on an entry that is not there
		if (q[j] === undefined || !entry) return false;
		const i = q[j]!;
		({ L, R } = entry);
		const C = entry.C;
		if (dad.get(i) === i) {
			if (L !== -1 && dad.get(L) !== L) dad.set(i, dad.get(L));
			if (R !== -1 && dad.get(R) !== R) dad.set(i, dad.get(R));
		}
		if (C !== -1) dad.set(C, i);
		if (L !== -1 && i !== dad.get(i)) {
			dad.set(L, dad.get(i));
			if (q.lastIndexOf(L) < j) q.push(L);
		}
		if (R !== -1 && i !== dad.get(i)) {
			dad.set(R, dad.get(i));
			if (q.lastIndexOf(R) < j) q.push(R);
		}
	}
	// as SheetJS does it, with the L and R of the last entry queued
	for (let i = 1; i < n; i++)
		if (dad.get(i) === i) {
			if (R !== -1 && dad.get(R) !== R) dad.set(i, dad.get(R));
			else if (L !== -1 && dad.get(L) !== L) dad.set(i, dad.get(L));
		}
	for (let i = 1; i < n; i++) {
		if (entries[i]!.type === 0) continue;
		let j: number | undefined = i;
		let steps = 0;
		if (j !== dad.get(j))
			do {
				j = dad.get(j);
				if (++steps > n) return true;
			} while (j !== 0 && dad.get(j) !== -1 && j !== dad.get(j));
		dad.set(i, -1);
	}
	return false;
}
