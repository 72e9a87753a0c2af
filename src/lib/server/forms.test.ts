import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { loginInput } from '$lib/schemas/auth.ts';
import { markQuestionsReadyInput } from '$lib/schemas/banks.ts';
import { sittingInput } from '$lib/schemas/exams.ts';
import { formInput, formValues } from './forms.ts';
import { act } from './actions.ts';
import { ConflictError } from './errors.ts';

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

	it('gives back every box ticked in a list, and a single field as the form reads it', () => {
		const form = new FormData();
		for (const id of ['4', '9']) form.append('unitIds', id);
		for (const rank of ['clerk', 'staff']) form.append('ranks', rank);
		form.append('oneDevice', 'on');
		form.set('name', '第一场');
		expect(formValues(form, sittingInput)).toMatchObject({
			unitIds: '4,9',
			ranks: 'clerk,staff',
			oneDevice: 'on',
			name: '第一场'
		});
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

describe('act', () => {
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
		const out = await act(
			eventWith(form),
			'markReady',
			markQuestionsReadyInput,
			async (_ctx, input) => (read = input),
			{ extra: (sent) => ({ bankId: sent.get('bank') }) }
		);
		expect(out.kind).toBe('done');
		expect(read).toEqual({ bankId: 7, questionIds: [3, 5] });
	});

	it('answers invalid input with the tagged result the page switches on', async () => {
		const out = await act(
			eventWith(new FormData()),
			'markReady',
			markQuestionsReadyInput,
			async () => 0,
			{ extra: { bankId: '7' } }
		);
		expect(out.kind).toBe('failed');
		if (out.kind === 'failed')
			expect(out.failure.data).toMatchObject({ kind: 'invalid', action: 'markReady', values: {} });
	});

	it('refuses what the service refuses, naming the form that asked', async () => {
		const form = new FormData();
		form.append('questionIds', '3');
		const out = await act(
			eventWith(form),
			'markReady',
			markQuestionsReadyInput,
			async () => {
				throw new ConflictError('error_conflict');
			},
			{ extra: { bankId: '7' } }
		);
		expect(out.kind === 'failed' && out.failure.status).toBe(409);
		if (out.kind === 'failed')
			expect(out.failure.data).toMatchObject({ kind: 'refused', action: 'markReady' });
	});

	it('reads every ticked box of a list the schema preprocesses, without reading the body twice', () => {
		const form = new FormData();
		for (const id of ['2', '9']) form.append('unitIds', id);
		const schema = z.object({
			unitIds: z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(z.coerce.number()))
		});
		expect(formInput(form, schema)).toEqual({ unitIds: ['2', '9'] });
	});

	it('gives a sitting every rank ticked, not the last one', () => {
		const form = new FormData();
		for (const rank of ['clerk', 'staff']) form.append('ranks', rank);
		form.append('unitIds', '4');
		expect(formInput(form, sittingInput)).toMatchObject({
			ranks: ['clerk', 'staff'],
			unitIds: ['4']
		});
	});
});
