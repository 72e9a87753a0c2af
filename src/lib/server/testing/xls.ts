import * as XLSX from '@e965/xlsx';
import { gbk } from './encodings.ts';

/**
 * A BIFF5 .xls as an older Chinese tool writes it: one sheet of `rows`, its text in GBK (code page
 * 936). SheetJS writes BIFF5 text in code page 1252 only, so the file is written with stand-ins as
 * long as each text's GBK bytes, which are then put in their place, and the code page made 936.
 */
export function biff5Gbk(name: string, rows: string[][]): Uint8Array {
	const texts = [...new Set([name, ...rows.flat()])];
	const ascii = (text: string) => /^[\x20-\x7e]*$/.test(text);
	const standIns = new Map(
		texts.map((text, i) => [
			text,
			ascii(text) ? text : `~${i.toString(36)}`.padEnd(gbk(text).length, '#')
		])
	);
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(
		wb,
		XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((text) => standIns.get(text)!))),
		standIns.get(name)
	);
	const bytes = Buffer.from(XLSX.write(wb, { bookType: 'biff5', type: 'buffer' }));
	for (const [text, standIn] of standIns) {
		if (text === standIn) continue;
		for (let at = bytes.indexOf(standIn); at >= 0; at = bytes.indexOf(standIn, at + 1))
			bytes.set(gbk(text), at);
	}
	// the CODEPAGE record: 1252 → 936
	const codepage = bytes.indexOf(Buffer.from([0x42, 0, 2, 0, 0xe4, 0x04]));
	if (codepage < 0) throw new Error('no CODEPAGE record');
	bytes.writeUInt16LE(936, codepage + 4);
	return new Uint8Array(bytes);
}
