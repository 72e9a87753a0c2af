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
