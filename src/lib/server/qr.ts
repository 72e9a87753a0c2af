import QRCode from 'qrcode';

/** A QR code of `text` as an SVG string (qrcode: a maintained encoder; SVG prints sharp at any size). */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
