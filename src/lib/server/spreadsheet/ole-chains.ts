/**
 * The chains of sectors of an old binary .xls (an OLE compound file), checked before SheetJS reads
 * them: its reader follows a stream's chain from the stream's first sector without looking for a
 * sector it has already been to, so a chain that comes back on itself (sector 3 → 2 → 3), a few
 * bytes changed in a 5 KB file, grew an array until V8 gave up and ended the whole process.
 */

/** What SheetJS reads the header as ([MS-CFB] 2.2); `cfb.parse` in its sources. */
const MAJOR_VERSION = 0x1a;
const DIFAT_START = 0x44;
const HEADER_FAT = 0x4c;
const HEADER_FAT_COUNT = 109;

/**
 * Whether some chain of sectors in an OLE file never ends, or runs into another, as SheetJS
 * follows chains (`get_sector_list`, `make_sector_list`): the next of sector `j` is the 32-bit
 * entry `j` of the FAT, whose sectors the header lists up to its first negative entry; a chain
 * ends at a negative sector, or at one whose FAT sector is not in the file. Each entry of each
 * FAT sector listed is looked at once: at most 109 × 1,024, however the file is made. A file
 * whose FAT goes on in DIFAT sectors counts as tangled too: that FAT, which may list sectors many
 * times over, could be far larger than the file; only a file past 6.8 MB needs one.
 * @returns true for a file SheetJS may read for ever or copy over and over; false otherwise, and
 * for one it refuses before following any chain (shorter than a header, of another version).
 */
export function hasTangledChain(bytes: Uint8Array): boolean {
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
	return false;
}
