import { m } from '$lib/i18n.ts';
import type { ColumnSpec } from './write.ts';

type Message = (params: object, options: { locale: 'zh-CN' }) => string;

/** A catalogue message in Chinese whatever the reader's language: exports are filed in Chinese. */
export const zh = (key: string, params: object = {}) =>
	(m as unknown as Record<string, Message>)[key]!(params, { locale: 'zh-CN' });

/** A column whose header is the message `key` in Chinese; `text` for codes such as 工号. */
export const zhColumn = (key: string, width: number, text = false): ColumnSpec => ({
	header: zh(key),
	width,
	...(text ? { text } : {})
});

/** A moment as the district files it: 2026-03-02 09:05 (Beijing time); empty for none. */
export const cellTime = (d: Date | null | undefined) =>
	d ? d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16) : '';
