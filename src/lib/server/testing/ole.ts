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
