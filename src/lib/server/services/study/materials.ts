/**
 * A session's materials. An upload is accepted by what its bytes are (file-type reads the magic
 * numbers, and for Office files the package inside the zip), never by its name or the browser's
 * claim: PDF, Word, PowerPoint, Excel, PNG and JPEG only, up to the size limit. Files live in the
 * database and are served only through the download route, which checks access on every request.
 */
import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import {
	type DeleteMaterialInput,
	MATERIALS_PER_SESSION,
	MATERIAL_TYPES,
	type UploadMaterialInput
} from '$lib/schemas/study.ts';
import { type Ctx, transact } from '../../context.ts';
import { studyMaterial } from '../../db/schema/index.ts';
import { InvalidInputError, NotFoundError } from '../../errors.ts';
import { boundFileName } from '../../uploads/file-name.ts';
import { appendAudit } from '../audit/append.ts';
import { loadSession, loadVisibleSession } from './access.ts';

type AllowedType = keyof typeof MATERIAL_TYPES;
const isAllowed = (mime: string | undefined): mime is AllowedType =>
	mime !== undefined && Object.hasOwn(MATERIAL_TYPES, mime);

/**
 * A material's name as it is kept and sent back: the uploaded name made safe and bounded, with
 * the extension of what its bytes are (a PDF named `.jpg` is downloaded as `.pdf`).
 */
export function safeFileName(name: string, type: AllowedType): string {
	const stem = boundFileName(name).replace(/\.[^.]*$/, '') || 'material';
	return `${stem}.${MATERIAL_TYPES[type]}`;
}

/**
 * The stored form of an uploaded file, or a field error when its bytes are not one of the allowed
 * types (whatever its name and the browser say).
 */
export async function acceptFile(file: File) {
	const bytes = new Uint8Array(await file.arrayBuffer());
	const detected = await fileTypeFromBuffer(bytes);
	if (!isAllowed(detected?.mime))
		throw new InvalidInputError({ file: ['study_material_type'] }, 'study_material_type');
	return {
		fileName: safeFileName(file.name, detected.mime),
		contentType: detected.mime,
		size: bytes.byteLength,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		data: Buffer.from(bytes)
	};
}

export async function uploadMaterial(ctx: Ctx, input: UploadMaterialInput): Promise<number> {
	const s = await loadSession(ctx, input.sessionId, 'study.manage');
	const { data, ...stored } = await acceptFile(input.file);
	const [n] = await ctx.db
		.select({ n: count() })
		.from(studyMaterial)
		.where(eq(studyMaterial.sessionId, s.id));
	if ((n?.n ?? 0) >= MATERIALS_PER_SESSION)
		throw new InvalidInputError({ file: ['study_material_too_many'] }, 'study_material_too_many');
	const row = { sessionId: s.id, ...stored };
	return transact(ctx, async (tx) => {
		const [m] = await tx.db
			.insert(studyMaterial)
			.values({ ...row, data, uploadedAt: tx.now, uploadedBy: tx.user.id })
			.returning({ id: studyMaterial.id });
		await appendAudit(tx, {
			action: 'study_material.uploaded',
			entityType: 'study_session',
			entityId: s.id,
			unitId: s.unitId,
			after: { materialId: m!.id, ...row }
		});
		return m!.id;
	});
}

export async function deleteMaterial(ctx: Ctx, input: DeleteMaterialInput): Promise<void> {
	const s = await loadSession(ctx, input.sessionId, 'study.manage');
	await transact(ctx, async (tx) => {
		const [gone] = await tx.db
			.delete(studyMaterial)
			.where(and(eq(studyMaterial.id, input.materialId), eq(studyMaterial.sessionId, s.id)))
			.returning({ fileName: studyMaterial.fileName, sha256: studyMaterial.sha256 });
		if (!gone) throw new NotFoundError();
		await appendAudit(tx, {
			action: 'study_material.deleted',
			entityType: 'study_session',
			entityId: s.id,
			unitId: s.unitId,
			before: { materialId: input.materialId, ...gone }
		});
	});
}

/** A material's bytes, for whoever may see its session (its readers and its team's members). */
export async function readMaterial(ctx: Ctx, sessionId: number, materialId: number) {
	await loadVisibleSession(ctx, sessionId);
	const [m] = await ctx.db
		.select()
		.from(studyMaterial)
		.where(and(eq(studyMaterial.id, materialId), eq(studyMaterial.sessionId, sessionId)));
	if (!m) throw new NotFoundError();
	return m;
}
