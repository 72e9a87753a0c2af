/** The bank's read-only view of each type's key (`<type>/View.svelte`); a case shows its parts. */
import type { Component } from 'svelte';
import type { PartType } from '@xuefa/core';
import EssayView from './essay/View.svelte';
import FillView from './fill/View.svelte';
import type { RenderedBody } from './model.ts';
import MultipleView from './multiple/View.svelte';
import SingleView from './single/View.svelte';
import TrueFalseView from './truefalse/View.svelte';

export const BODY_VIEWS: Record<PartType, Component<{ body: RenderedBody }>> = {
	single: SingleView,
	multiple: MultipleView,
	truefalse: TrueFalseView,
	fill: FillView,
	essay: EssayView
};
