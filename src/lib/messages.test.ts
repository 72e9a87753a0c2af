import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueProblems, templateProblems } from '../../scripts/messages.mjs';

const load = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>;

describe('the message catalogues', () => {
	it('are complete in both languages, with no Chinese punctuation in English', () => {
		expect(catalogueProblems(load('messages/zh-CN.json'), load('messages/en.json'))).toEqual([]);
	});

	it('the check finds full-width punctuation in English, and nothing in a Chinese example', () => {
		const zh = { a: '一，二', b: '见{n}条', c: '二〇二六年' };
		expect(
			catalogueProblems(zh, { a: 'one， two', b: 'see article {n}：', c: 'the year 二〇二六' })
		).toEqual(['a: Chinese punctuation “，” in English', 'b: Chinese punctuation “：” in English']);
		expect(catalogueProblems(zh, { a: 'one, two (三)', b: 'article {n}', c: 'ok' })).toEqual([]);
		expect(catalogueProblems({ d: '{n} 天' }, { d: '{n} day(s) left' })).toEqual([
			'd: “(s)” in English: add a d_one'
		]);
		expect(catalogueProblems(zh, { a: 'x', b: 'article {m}' })).toEqual([
			'b: placeholders differ',
			'c: missing in en'
		]);
	});

	it('the check finds full-width punctuation a component writes beside its messages, not in comments', () => {
		const source = [
			'<!-- 名称：… -->',
			'<p>{m.law_version()}：{label}</p>',
			'<script>const x = 1; // 例如（注释）</script>',
			'<li>《{law}》{n}</li>',
			'{`${a}（${b}）`}'
		].join('\n');
		expect(templateProblems('X.svelte', source)).toEqual([
			'X.svelte:2: Chinese punctuation “：” beside the messages',
			'X.svelte:5: Chinese punctuation “（” beside the messages'
		]);
	});

	it('the check finds a “·” that Svelte glues to the text beside it (white space dropped at a block’s edge)', () => {
		const source = [
			'<span>{s.time}{#if s.place}',
			'\t· {s.place}{/if}</span>',
			'<p>{#if root}{root.name} ·',
			'\t{/if}{m.as_of()}</p>',
			'<span>{s.time}',
			'\t{#if s.place}· {s.place}{/if}</span>',
			'<p>{#if root}{root.name} ·{/if}',
			'\t{m.as_of()}</p>',
			'<p>{m.flagged()}<span',
			'\tclass="keys"',
			'>',
			'\t· {m.keys()}</span></p>'
		].join('\n');
		expect(templateProblems('X.svelte', source)).toEqual([
			'X.svelte:2: “·” glued to the text beside it',
			'X.svelte:3: “·” glued to the text beside it',
			'X.svelte:12: “·” glued to the text beside it'
		]);
	});
});
