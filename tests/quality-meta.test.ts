// What every built page declares and loads: the strict CSP (and the same policy in _headers),
// nothing inline that the policy would block, nothing from another host, the metadata for search
// engines and link previews, the 长者模式 switch and the accessibility statement.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspDirectives, cspHeader, cspMeta } from '../src/quality/csp';
import { adminCspHeader } from '../src/cms/csp';
import { headersFile } from '../src/quality/integration';
import { siteConfig } from '../src/site.config';
import { readContentFiles } from '../src/tooling/content-files';
import { siteName } from '../src/data/site-info';
import { filesIn, htmlPages, parse } from './a11y/site';
import { testDist } from './setup/build-site';

const pages = htmlPages(testDist).map((page) => ({ ...page, root: parse(page.html) }));
const eachPage = pages.map((page) => [page.path, page] as const);
const site = process.env.SITE_URL;
/** The reports' own titles, newest last, as their report.yaml files give them. */
const reportTitles = readContentFiles()
	.filter((f) => f.collection === 'reports')
	.sort((a, b) => a.id.localeCompare(b.id))
	.map((f) => String((f.data as { title: unknown }).title));

const attribute = (root: (typeof pages)[number]['root'], selector: string, name: string) =>
	root.querySelector(selector)?.getAttributeValue(name) ?? undefined;

describe('Content-Security-Policy', () => {
	it('allows no inline script or eval, and only what Pagefind needs beyond this origin', () => {
		expect(cspMeta).not.toMatch(/unsafe-inline|'unsafe-eval'/);
		expect(cspDirectives['default-src']).toEqual(["'self'"]);
		expect(cspDirectives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(cspDirectives['worker-src']).toEqual(["'self'", 'blob:']);
		expect(cspDirectives['object-src']).toEqual(["'none'"]);
	});

	it.each(eachPage)('%s states the policy first in <head>', (_, { root }) => {
		const head = root.querySelector('head')!;
		const metas = root.querySelectorAll('meta[http-equiv="content-security-policy"]');
		expect(metas.map((meta) => meta.getAttributeValue('content'))).toEqual([cspMeta]);
		// Only <meta charset> may come before it: the policy covers what follows.
		expect(head.childElements.slice(0, 2).map((element) => element.tagName)).toEqual(['meta', 'meta']);
		expect(head.childElements[1]).toBe(metas[0]);
	});

	it('is the same policy in _headers, plus frame-ancestors (which a <meta> cannot set)', () => {
		const headers = readFileSync(join(testDist, '_headers'), 'utf8');
		expect(headers).toBe(headersFile('/', adminCspHeader(undefined)));
		expect(headers).toContain(`Content-Security-Policy: ${cspHeader}\n`);
		expect(cspHeader).toBe(`${cspMeta}; frame-ancestors 'none'`);
	});

	it.each(eachPage)('%s has nothing inline the policy would block', (_, { root }) => {
		const inlineScripts = root.querySelectorAll('script').filter((script) => !script.hasAttribute('src') && script.getAttributeValue('type') !== 'application/ld+json');
		expect(inlineScripts.map((script) => script.textContent.slice(0, 80))).toEqual([]);
		expect(root.querySelectorAll('style').length).toBe(0);
		expect(root.querySelectorAll('[style]').map((element) => element.tagName)).toEqual([]);
		const handlers = root.querySelectorAll('*').flatMap((element) => element.attributes.filter((a) => /^on/i.test(a.key)).map((a) => `<${element.tagName} ${a.key}>`));
		expect(handlers).toEqual([]);
		const urls = root.querySelectorAll('[href], [src]').map((element) => element.getAttributeValue('href') ?? element.getAttributeValue('src'));
		expect(urls.filter((value) => /^\s*javascript:/i.test(value ?? ''))).toEqual([]);
	});

	it.each(eachPage)('%s loads nothing from another host', (_, { root }) => {
		const loaded = [
			...root.querySelectorAll('link[href]').filter((link) => !/\b(alternate|canonical|sitemap)\b/.test(link.getAttributeValue('rel') ?? '')).map((link) => link.getAttributeValue('href')),
			...root.querySelectorAll('script[src], img[src], iframe[src], source[src], video[src], audio[src], embed[src], object[data]').map((element) => element.getAttributeValue('src') ?? element.getAttributeValue('data')),
		];
		expect(loaded.length).toBeGreaterThan(0);
		expect(loaded.filter((value) => /^([a-z]+:)?\/\//i.test(value ?? ''))).toEqual([]);
	});
});

describe('fonts and stylesheets', () => {
	const stylesheets = filesIn(testDist).filter((file) => file.endsWith('.css'));

	it('use the system font stack, with no web font and nothing from another host', () => {
		expect(stylesheets.length).toBeGreaterThan(0);
		for (const file of stylesheets) {
			const css = readFileSync(join(testDist, file), 'utf8');
			expect(css, file).not.toMatch(/@font-face|@import/);
			expect(css.match(/url\([^)]*\)/g)?.filter((u) => /\/\//.test(u)) ?? [], file).toEqual([]);
		}
		const global = stylesheets.map((file) => readFileSync(join(testDist, file), 'utf8')).find((css) => css.includes('--font:'));
		expect(global).toMatch(/--font:\s*system-ui,[^;]*"?PingFang SC"?[^;]*"?Microsoft YaHei"?[^;]*"?Noto Sans CJK SC"?[^;]*sans-serif/);
	});
});

describe('metadata', () => {
	it.each(eachPage)('%s has a title, a description and Open Graph tags', (_, { root }) => {
		const title = root.querySelector('title')?.textContent ?? '';
		expect(title).toMatch(new RegExp(`${siteName}$`));
		const description = attribute(root, 'meta[name="description"]', 'content') ?? '';
		expect(description.length).toBeGreaterThan(10);
		expect(attribute(root, 'meta[property="og:description"]', 'content')).toBe(description);
		expect(title.startsWith(attribute(root, 'meta[property="og:title"]', 'content') ?? '-')).toBe(true);
		expect(attribute(root, 'meta[property="og:locale"]', 'content')).toBe('zh_CN');
		expect(attribute(root, 'meta[property="og:site_name"]', 'content')).toBe(siteName);
		expect(attribute(root, 'meta[property="og:type"]', 'content')).toMatch(/^(website|article)$/);
	});

	it.each(eachPage)('%s has a canonical address and og:url only when the build knows its public address', (path, { root }) => {
		const canonical = attribute(root, 'link[rel="canonical"]', 'href');
		if (site && path !== '/404.html') {
			expect(canonical).toBe(new URL(path, site).href);
			expect(attribute(root, 'meta[property="og:url"]', 'content')).toBe(canonical);
		} else {
			expect(canonical).toBeUndefined();
			expect(root.querySelector('meta[property="og:url"]')).toBeNull();
		}
	});

	it('keeps the 404 page out of search engines', () => {
		const notFound = pages.find((page) => page.path === '/404.html')!;
		expect(attribute(notFound.root, 'meta[name="robots"]', 'content')).toBe('noindex');
	});

	it('describes the bureau and its report in JSON-LD on the home page', () => {
		const home = pages.find((page) => page.path === '/')!;
		const data = JSON.parse(home.root.querySelector('script[type="application/ld+json"]')!.textContent);
		expect(data).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Report',
			name: reportTitles.at(-1),
			inLanguage: 'zh-CN',
			publisher: { '@type': 'GovernmentOrganization', name: siteConfig.publisher },
		});
		expect(existsSync(join(testDist, data.url.replace(/^\//, ''), 'index.html'))).toBe(true);
	});

	it.each(pages.filter((page) => /^\/(achievements|measures)\/[^/]+\/$/.test(page.path)).map((page) => [page.path, page] as const))(
		'%s describes its entry in JSON-LD as part of the report',
		(path, { root }) => {
			const script = root.querySelector('script[type="application/ld+json"]');
			expect(script).not.toBeNull();
			const data = JSON.parse(script!.textContent);
			expect(data).toMatchObject({
				'@type': 'CreativeWork',
				name: root.querySelector('h1')!.textContent.trim(),
				description: attribute(root, 'meta[name="description"]', 'content'),
				url: site ? new URL(path, site).href : path,
				isPartOf: { '@type': 'Report', publisher: { name: siteConfig.publisher } },
			});
			expect(reportTitles).toContain(data.isPartOf.name);
			expect(data.creativeWorkStatus).toBe(root.querySelector('.facts .status')!.textContent.trim());
		},
	);

	it('lets every page be crawled, naming the sitemap when there is one', () => {
		const robots = readFileSync(join(testDist, 'robots.txt'), 'utf8');
		expect(robots.startsWith('User-agent: *\nDisallow:\n')).toBe(true);
		expect(robots.includes('Sitemap: ')).toBe(Boolean(site));
		expect(existsSync(join(testDist, 'sitemap-index.xml'))).toBe(Boolean(site));
	});
});

describe('长者模式 and the accessibility statement', () => {
	it.each(eachPage)('%s loads the 长者模式 and 高对比度 script first thing in <head>, with both switches in the header', (_, { root }) => {
		const scripts = root.querySelectorAll('head script[src]');
		expect(scripts.map((script) => script.getAttributeValue('src'))).toEqual(['/reading-modes.js']);
		// A classic, blocking script: it sets the size and colours before the body is parsed, so nothing jumps.
		expect(scripts[0]!.attributes.map((a) => a.key)).toEqual(['src']);
		for (const [id, label] of [['large-text', '长者模式'], ['high-contrast', '高对比度']]) {
			const button = root.querySelector(`#${id}`)!;
			expect(button.tagName).toBe('button');
			expect(button.getAttributeValue('type')).toBe('button');
			// Shown by the stylesheet only once the script has marked <html> (see the no-JavaScript browser test).
			expect(button.classList.contains('mode-toggle')).toBe(true);
			expect(button.closest('header')).not.toBeNull();
			expect(button.getAttributeValue('aria-pressed')).toBe('false');
			expect(button.textContent.trim()).toBe(label);
		}
	});

	it.each(eachPage)('%s links to the accessibility statement', (_, { root }) => {
		expect(root.querySelector('footer a[href="/accessibility/"]')?.textContent).toBe('无障碍声明');
	});

	it('names the standards, the tests and the known limits', () => {
		const statement = pages.find((page) => page.path === '/accessibility/')!;
		const text = statement.root.querySelector('main')!.textContent;
		for (const needed of ['GB/T 37668-2019', '互联网网站适老化通用设计规范', 'WCAG', '2.2 AA', '已知不足', '长者模式', '高对比度']) expect(text).toContain(needed);
		expect(statement.root.querySelectorAll('main h2').map((h) => h.textContent)).toEqual(['参照的标准', '本站的做法', '如何测试', '已知不足', '反馈']);
		// Standards are referred to, not claimed: conformance to them has not been assessed.
		expect(text).not.toContain("遵循");
		expect(text).toContain('不声称完全符合');
		// Each tested item names its tool at the version the tests run with.
		const tools = JSON.parse(readFileSync('package.json', 'utf8')).devDependencies as Record<string, string>;
		for (const tool of ['axe-core', 'playwright-core', 'html-validate']) expect(text).toContain(`${tool} ${tools[tool]}`);
	});
});
