import yauzl from 'yauzl';

/** Far above any real roster or question workbook of 5,000 rows, far below what hurts the server. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 2000;

/**
 * True when the .xlsx (a zip) would unpack within the limits. It reads only the zip's central
 * directory (yauzl, nothing is inflated), so a small crafted file that would expand to gigabytes in
 * ExcelJS's memory is refused before it is opened.
 */
export function zipWithinLimits(
	bytes: Uint8Array,
	maxBytes = MAX_UNZIPPED_BYTES
): Promise<boolean> {
	return new Promise((resolve) => {
		yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
			if (error || !zip) return resolve(false);
			let total = 0;
			let entries = 0;
			zip.on('entry', (entry: yauzl.Entry) => {
				total += entry.uncompressedSize;
				entries += 1;
				if (total > maxBytes || entries > MAX_ENTRIES) {
					zip.close();
					resolve(false);
				} else zip.readEntry();
			});
			zip.on('end', () => resolve(true));
			zip.on('error', () => resolve(false));
			zip.readEntry();
		});
	});
}
