import type { JsonValue, PolicySettingInfo } from '@xuefa/core';
import { coreMessage } from '../../core-messages.ts';
import { fieldOf, valueAt } from './rules.ts';

/** One setting as a settings screen shows it: label, why, source, default and current value. */
export interface SettingView {
	key: string;
	field: string;
	label: string;
	basis: string;
	source: { id: string; name: string; says: string | null };
	seeAlso: { name: string; says: string }[];
	defaultText: string;
	value: JsonValue;
	changed: boolean;
}

/** What a source says, when the core quotes it (most local choices quote nothing). */
function says(id: string): string | null {
	const text = coreMessage(`policy.source.${id}.says`);
	return text === `policy.source.${id}.says` ? null : text;
}

/**
 * The settings of a policy for its screen, each with its default in words (`text` puts a value
 * into the reader's language) and where that default comes from.
 */
export function settingViews(
	policy: unknown,
	settings: readonly PolicySettingInfo[],
	text: (key: string, value: JsonValue) => string
): SettingView[] {
	return settings.map((s) => {
		const value = valueAt(policy, s.key);
		return {
			key: s.key,
			field: fieldOf(s.key),
			label: coreMessage(`policy.setting.${s.key}`),
			basis: coreMessage(`policy.basis.${s.key}`),
			source: {
				id: s.source,
				name: coreMessage(`policy.source.${s.source}`),
				says: says(s.source)
			},
			seeAlso: s.seeAlso.map((id) => ({
				name: coreMessage(`policy.source.${id}`),
				says: says(id) ?? ''
			})),
			defaultText: text(s.key, s.defaultValue),
			value,
			changed: JSON.stringify(value) !== JSON.stringify(s.defaultValue)
		};
	});
}
