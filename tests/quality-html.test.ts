// Every built page is valid HTML by html-validate's recommended rules (which include its
// accessibility checks: labels, headings, alt text, ARIA use).
import { describe, expect, it } from 'vitest';
import { htmlPages, htmlValidate } from './a11y/site';
import { testDist } from './setup/build-site';

const pages = htmlPages(testDist);

describe('HTML validity', () => {
	it.each(pages.map((page) => [page.path, page] as const))('%s has no html-validate error', async (_, page) => {
		const report = await htmlValidate.validateString(page.html, page.file);
		const messages = report.results.flatMap((result) => result.messages).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
		expect(messages).toEqual([]);
	});

	it('catches an invalid page', async () => {
		const report = await htmlValidate.validateString('<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><div><p>未闭合</div><img src="a.png"></body></html>', 'bad.html');
		expect(report.valid).toBe(false);
		expect(report.results[0]?.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['wcag/h37']));
	});
});
