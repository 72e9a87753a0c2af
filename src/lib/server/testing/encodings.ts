/**
 * Text as UTF-16 after its byte-order mark: little-endian is what Windows calls "Unicode"
 * (Notepad's "Unicode", Excel's "Unicode 文本"), big-endian its "Unicode big endian".
 */
export function utf16(text: string, little = true): Uint8Array {
	const view = new DataView(new ArrayBuffer(2 + text.length * 2));
	view.setUint16(0, 0xfeff, little);
	for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), little);
	return new Uint8Array(view.buffer);
}

let gbkTable: Map<string, number[]> | undefined;

/**
 * Text as GBK bytes, as Excel on a Chinese Windows saves "CSV (逗号分隔)" (no byte-order mark).
 * Node has no GBK encoder: the table is built once by decoding every two-byte code.
 */
export function gbk(text: string): Uint8Array {
	if (!gbkTable) {
		gbkTable = new Map();
		const decoder = new TextDecoder('gbk');
		for (let lead = 0x81; lead <= 0xfe; lead++) {
			for (let trail = 0x40; trail <= 0xfe; trail++) {
				if (trail === 0x7f) continue;
				const char = decoder.decode(new Uint8Array([lead, trail]));
				if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char))
					gbkTable.set(char, [lead, trail]);
			}
		}
	}
	const out: number[] = [];
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code < 0x80) out.push(code);
		else {
			const bytes = gbkTable.get(char);
			if (!bytes) throw new Error(`no GBK code for ${char}`);
			out.push(...bytes);
		}
	}
	return new Uint8Array(out);
}
