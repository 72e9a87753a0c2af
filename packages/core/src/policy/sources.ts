/**
 * Where a rule's default comes from: a named document the project checked, or a local choice. The
 * settings screens show this beside each default, so an administrator knows which defaults a document
 * fixes and which are the project's (or their own) decision.
 */
import type { JsonValue } from '../audit/canonical.ts';

/**
 * The documents the defaults rest on. Names and what each says are in the message table
 * (`policy.source.<id>`, `policy.source.<id>.says`).
 */
export const POLICY_SOURCES = [
	'npcsc_oath_decision_2018',
	'lianyungang_2013',
	'lanzhou_2014',
	'xiaoshan_2021'
] as const;

/** One of {@link POLICY_SOURCES}. */
export type PolicySourceId = (typeof POLICY_SOURCES)[number];

/** A named document, or `local_choice` when no source fixes the value. */
export type PolicySource = PolicySourceId | 'local_choice';

/** One setting of a rule, as a settings screen shows it. */
export interface PolicySettingInfo {
	/**
	 * The setting's path, e.g. `promotion.countFrom`; its label is the message `policy.setting.<key>`
	 * and why the default is what it is, `policy.basis.<key>`.
	 */
	key: string;
	/** The default value (plain JSON). */
	defaultValue: JsonValue;
	/** Where the default comes from. */
	source: PolicySource;
	/** Other documents worth reading beside the default (for example one that chose differently). */
	seeAlso: PolicySourceId[];
}
