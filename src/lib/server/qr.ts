import QRCode from 'qrcode';

/**
 * A QR code as inline SVG, drawn by the `qrcode` library from text the server chose (a link of this
 * site): safe to insert as markup.
 */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
