/** The key view of each type that has one (`<type>/Key.svelte`); a case shows its parts' keys. */
import type { Component } from 'svelte';
import type { PartType } from '@xuefa/core';
import EssayKey from './essay/Key.svelte';
import FillKey from './fill/Key.svelte';
import type { KeyView } from './model.ts';
import MultipleKey from './multiple/Key.svelte';
import SingleKey from './single/Key.svelte';
import TrueFalseKey from './truefalse/Key.svelte';

export const KEY_VIEWS: Record<PartType, Component<{ key: KeyView }>> = {
	single: SingleKey,
	multiple: MultipleKey,
	truefalse: TrueFalseKey,
	fill: FillKey,
	essay: EssayKey
};
