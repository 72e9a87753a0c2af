/** The repeated fields of the exam and sitting forms (checkboxes), read as lists for the schemas. */
export async function examFormData(request: Request): Promise<Record<string, string[]>> {
	const form = await request.clone().formData();
	const all = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
	return { bankIds: all('bankIds'), unitIds: all('unitIds') };
}
