import { z } from 'zod';
import { personInput } from './org.ts';
import { ROLES } from './enums.ts';
import { stagedId, uploadedFile } from './common.ts';

/** The upload limits, shown next to the file input and enforced by the server. */
export const ROSTER_MAX_BYTES = 5 * 1024 * 1024;
export const ROSTER_MAX_ROWS = 5000;

/** Step 1: a file to preview. */
export const rosterPreviewInput = z.object({
	file: uploadedFile(ROSTER_MAX_BYTES, {
		required: 'roster_file_required',
		empty: 'roster_file_empty_file',
		tooLarge: 'roster_file_too_large'
	})
});
export type RosterPreviewInput = z.infer<typeof rosterPreviewInput>;

/** Step 2: confirm a staged preview. */
export const rosterImportInput = z.object({
	stagedId
});
export type RosterImportInput = z.infer<typeof rosterImportInput>;

/**
 * One roster row once its labels are read (职级 "科员" → 'staff', …), before its unit is resolved.
 * Built on the person form's schema, so that a row obeys the same rules as the form.
 * `position` and `status` are undefined when the file has no such column (keep what is stored).
 */
export const rosterRow = personInput.omit({ unitId: true, position: true, status: true }).extend({
	unit: z.string(),
	position: personInput.shape.position.unwrap().unwrap().optional(),
	status: personInput.shape.status.unwrap().optional(),
	/** Undefined when the file has no 角色 column: leave roles alone. */
	roles: z.array(z.enum(ROLES)).optional()
});
export type RosterRow = z.infer<typeof rosterRow>;

/** Downloading the one-time passwords of a finished import job (its id is the staged upload's). */
export const rosterPasswordsInput = z.object({
	job: rosterImportInput.shape.stagedId
});
export type RosterPasswordsInput = z.infer<typeof rosterPasswordsInput>;
