/**
 * The start of an OLE compound file (what Excel writes for a password-protected .xlsx, and for an
 * old .xls): the 512-byte header, then one directory sector whose first entry has `name`.
 */
export function oleFile(name: string): Uint8Array {
	const bytes = new Uint8Array(1024);
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
	const entry = 512;
	for (let i = 0; i < name.length; i++) {
		bytes[entry + 2 * i] = name.charCodeAt(i) & 0xff;
		bytes[entry + 2 * i + 1] = name.charCodeAt(i) >> 8;
	}
	// the name's length in bytes, its terminating zero included
	new DataView(bytes.buffer).setUint16(entry + 64, (name.length + 1) * 2, true);
	return bytes;
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/**
 * A whole old binary .xls as Excel lays it out, made here: an OLE compound file (version 3, 512-byte
 * sectors) of one FAT sector, one directory sector and a 4,096-byte `Workbook` stream that opens
 * with a BIFF8 BOF record, followed, when `password` is set, by the FILEPASS record (RC4) of a
 * workbook saved with a password, its salt and verifier made up. Nothing past them is a workbook.
 */
export function oleXls(password: boolean): Uint8Array {
	const SECTOR = 512;
	const streamSectors = 8;
	const bytes = new Uint8Array(SECTOR * (3 + streamSectors));
	const view = new DataView(bytes.buffer);
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
	view.setUint16(0x18, 0x3e, true); // minor version
	view.setUint16(0x1a, 3, true); // major version: 512-byte sectors
	view.setUint16(0x1c, 0xfffe, true); // little-endian
	view.setUint16(0x1e, 9, true); // sector shift
	view.setUint16(0x20, 6, true); // mini-sector shift
	view.setUint32(0x2c, 1, true); // FAT sectors
	view.setUint32(0x30, 1, true); // first directory sector
	view.setUint32(0x38, 4096, true); // mini-stream cutoff
	view.setUint32(0x3c, END_OF_CHAIN, true); // no mini FAT
	view.setUint32(0x44, END_OF_CHAIN, true); // no more DIFAT
	view.setUint32(0x4c, 0, true); // the FAT is sector 0
	for (let i = 1; i < 109; i++) view.setUint32(0x4c + 4 * i, FREE, true);
	const sector = (n: number) => SECTOR * (n + 1);
	// the FAT: itself, the directory, then the stream's chain
	for (let i = 0; i < SECTOR / 4; i++) view.setUint32(sector(0) + 4 * i, FREE, true);
	view.setUint32(sector(0), 0xfffffffd, true);
	view.setUint32(sector(0) + 4, END_OF_CHAIN, true);
	for (let i = 0; i < streamSectors; i++)
		view.setUint32(sector(0) + 4 * (2 + i), i === streamSectors - 1 ? END_OF_CHAIN : 3 + i, true);
	const entry = (n: number, name: string, type: number, start: number, size: number) => {
		const at = sector(1) + 128 * n;
		for (let i = 0; i < name.length; i++) view.setUint16(at + 2 * i, name.charCodeAt(i), true);
		view.setUint16(at + 64, (name.length + 1) * 2, true);
		bytes[at + 66] = type;
		bytes[at + 67] = 1; // black
		view.setUint32(at + 68, FREE, true); // left sibling
		view.setUint32(at + 72, FREE, true); // right sibling
		view.setUint32(at + 76, n === 0 ? 1 : FREE, true); // child
		view.setUint32(at + 116, start, true);
		view.setUint32(at + 120, size, true);
	};
	entry(0, 'Root Entry', 5, END_OF_CHAIN, 0);
	entry(1, 'Workbook', 2, 2, streamSectors * SECTOR);
	for (let n = 2; n < 4; n++)
		for (const at of [68, 72, 76]) view.setUint32(sector(1) + 128 * n + at, FREE, true);
	// BOF: BIFF8, workbook globals, build and year as Excel 2003 writes them
	let at = sector(2);
	for (const word of [0x0809, 16, 0x0600, 0x0005, 0x0dbb, 0x07cc]) {
		view.setUint16(at, word, true);
		at += 2;
	}
	at = sector(2) + 20;
	if (password) {
		view.setUint16(at, 0x002f, true);
		view.setUint16(at + 2, 54, true);
		view.setUint16(at + 4, 1, true); // RC4
		view.setUint16(at + 6, 1, true);
		view.setUint16(at + 8, 1, true);
		for (let i = 0; i < 48; i++) bytes[at + 10 + i] = (i * 37 + 11) & 0xff;
		at += 58;
	}
	// WRITEACCESS, encrypted or not: what follows says nothing of the password
	view.setUint16(at, 0x005c, true);
	view.setUint16(at + 2, 112, true);
	return bytes;
}
