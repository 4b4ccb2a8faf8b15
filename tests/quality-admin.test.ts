// /admin/, the staff's CMS, in the built site: its own CSP without 'unsafe-eval', noindex, no link
// to it from any public page, outside the search index and the sitemap. The public pages' CSP is
// tested unchanged in tests/quality-meta.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminCsp, adminCspHeader } from '../src/cms/csp';
import { cspMeta } from '../src/quality/csp';
import { adminFolder, htmlPages, htmlValidate, parse } from './a11y/site';
import { testDist } from './setup/build-site';

const file = join(testDist, adminFolder, 'index.html');
const html = readFileSync(file, 'utf8');
const root = parse(html);

describe('/admin/', () => {
	it('has its own CSP, as strict as the CMS allows', () => {
		const metas = root.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').map((meta) => meta.getAttributeValue('content'));
		expect(metas).toEqual([adminCsp(undefined)]);
		expect(metas[0]).not.toContain('unsafe-eval');
		expect(metas[0]).not.toBe(cspMeta);
		expect(metas[0]).toContain("script-src 'self';");
	});

	it('has the same policy in _headers, replacing the site\'s for /admin/ only', () => {
		const headers = readFileSync(join(testDist, '_headers'), 'utf8');
		expect(headers).toContain(`/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ${adminCspHeader(undefined)}\n`);
	});

	it('is noindex, in Chinese, and loads only this site’s own script', () => {
		expect(root.querySelector('meta[name="robots"]')?.getAttributeValue('content')).toBe('noindex, nofollow');
		expect(root.querySelector('html')?.getAttributeValue('lang')).toBe('zh-CN');
		const scripts = root.querySelectorAll('script[src]').map((script) => script.getAttributeValue('src') ?? '');
		expect(scripts.length).toBe(1);
		expect(scripts[0]).toMatch(/^\/admin\/assets\/cms-[\w-]+\.js$/);
	});

	it('is valid HTML', async () => {
		const report = await htmlValidate.validateString(html, 'admin/index.html');
		expect(report.results.flatMap((result) => result.messages).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)).toEqual([]);
	});

	it('is linked from no public page and kept out of the search index and the sitemap', () => {
		for (const page of htmlPages(testDist)) expect(page.html, page.file).not.toMatch(/href="[^"]*\/admin\//);
		expect(html).not.toContain('data-pagefind-body');
		const sitemap = join(testDist, 'sitemap-0.xml');
		if (existsSync(sitemap)) expect(readFileSync(sitemap, 'utf8')).not.toContain('/admin/');
	});
});
