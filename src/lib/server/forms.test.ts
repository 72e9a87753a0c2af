import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { loginInput } from '$lib/schemas/auth.ts';
import { markQuestionsReadyInput } from '$lib/schemas/banks.ts';
import { formInput, formValues } from './forms.ts';
import { formAction } from './http.ts';

describe('formValues (what a failed form is refilled with)', () => {
	// regression: a login form failure echoed all 600,000 posted fields, 8 MB, back to a stranger
	it('echoes only the fields the form has, never passwords or files', () => {
		const form = new FormData();
		form.set('username', '张三');
		form.set('password', 'secret');
		for (let i = 0; i < 1000; i++) form.set(`junk${i}`, 'x'.repeat(100));
		form.set('file', new Blob(['x']), 'a.txt');
		expect(formValues(form, loginInput)).toEqual({ username: '张三' });
	});

	it('reads the fields through a schema that transforms', () => {
		const schema = z.object({ name: z.string(), file: z.string() }).transform((v) => v.name);
		const form = new FormData();
		form.set('name', '甲');
		form.set('other', '乙');
		expect(formValues(form, schema)).toEqual({ name: '甲' });
	});
});

describe('formInput (the input of an operation, read from its form once)', () => {
	it('keeps every value of a field the schema reads as a list', () => {
		const form = new FormData();
		for (const id of ['3', '5', '8']) form.append('questionIds', id);
		form.set('bankId', '2');
		form.set('unread', 'x');
		expect(formInput(form, markQuestionsReadyInput)).toEqual({
			bankId: '2',
			questionIds: ['3', '5', '8']
		});
	});

	it('takes the last of repeated values for a single field, as a form does', () => {
		const form = new FormData();
		form.append('active', 'false');
		form.append('active', 'true');
		expect(formInput(form, z.object({ active: z.string() }))).toEqual({ active: 'true' });
	});

	it('gives a list field no values as an empty list, so the schema says what is missing', () => {
		expect(formInput(new FormData(), markQuestionsReadyInput)).toEqual({ questionIds: [] });
	});
});

describe('formAction', () => {
	/** A signed-in request whose body can be read once only, as a real one. */
	function eventWith(form: FormData) {
		const request = new Request('http://local.invalid/x', { method: 'POST', body: form });
		const user = {
			id: 1,
			username: 'u',
			displayName: 'u',
			personId: null,
			mustChangePassword: false,
			grants: []
		};
		return {
			request,
			locals: { user, db: {} },
			url: new URL(request.url)
		} as unknown as RequestEvent;
	}

	it('reads the body once and hands the service every ticked box', async () => {
		const form = new FormData();
		for (const id of ['3', '5']) form.append('questionIds', id);
		form.set('bank', '7');
		let read: unknown;
		// what the schema does not name (here `bank`) is read from the same form, not a second copy
		const out = await formAction(
			eventWith(form),
			markQuestionsReadyInput,
			async (_ctx, input) => (read = input),
			(sent) => ({ bankId: sent.get('bank') })
		);
		expect(out.ok).toBe(true);
		expect(read).toEqual({ bankId: 7, questionIds: [3, 5] });
	});

	it('answers invalid input with the tagged result the page switches on', async () => {
		const out = await formAction(
			eventWith(new FormData()),
			markQuestionsReadyInput,
			async () => 0,
			{
				bankId: '7'
			}
		);
		expect(out.ok).toBe(false);
		if (!out.ok) expect(out.failure.data).toMatchObject({ kind: 'invalid', values: {} });
	});
});
