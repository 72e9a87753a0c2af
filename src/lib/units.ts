/** A unit in a picker: the tree shown by indenting each name by its depth (a full-width space a level). */
export function unitOptions(units: readonly { id: number; name: string; depth: number }[]) {
	return units.map((u) => ({ value: u.id, label: `${'　'.repeat(u.depth)}${u.name}` }));
}
