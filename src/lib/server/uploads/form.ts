/**
 * Reads a form that carries an upload. A body over the server's limit (BODY_SIZE_LIMIT) fails
 * while it is read; that is answered as the form's own "file too large" message rather than the
 * generic error page, so the person knows what to do.
 * @returns the form, or null when the body was over the limit
 */
export async function readUploadForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch (e) {
		if ((e as { status?: number }).status === 413) return null;
		throw e;
	}
}
