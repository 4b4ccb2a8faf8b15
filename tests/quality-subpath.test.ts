// A deploy under a sub-path: the site built with SITE_BASE=/plan/ and a public address keeps every
// link, asset, feed item, sitemap entry and canonical address inside /plan/, and they all resolve.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCspHeader } from '../src/cms/csp';
import { headersFile } from '../src/quality/integration';
import { brokenLinks, htmlPages, parse } from './a11y/site';
import { pageWeight } from './a11y/weights';

const base = '/plan/';
// A reserved test domain (RFC 2606): the build needs an absolute address; nothing is fetched from it.
const origin = 'https://example.test';
const dir = mkdtempSync(join(tmpdir(), 'site-plan-'));

beforeAll(() => {
	// Vitest puts Vite's own variables (BASE_URL among them) into the worker's environment; the
	// build must not inherit them, or import.meta.env.BASE_URL stays '/'.
	const { BASE_URL, MODE, DEV, PROD, SSR, ...env } = process.env;
	execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
		env: { ...env, SITE_BASE: base, SITE_URL: origin, SITE_OUT_DIR: dir },
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(join(dir, file), 'utf8');
/** The file a public address of the site is served from, or undefined when it is outside /plan/. */
const fileOf = (address: string) => {
	if (!address.startsWith(origin + base)) return undefined;
	// A feed item links to its update's anchor on the measure's page: the file is the page.
	const inside = address.slice((origin + base).length).replace(/[?#].*$/, '');
	return inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
};
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc!);

describe(`the site built under ${base}`, () => {
	it('has every internal link, asset and #anchor inside the base, resolving', () => {
		expect(htmlPages(dir, base).length).toBeGreaterThan(50);
		expect(brokenLinks(dir, base, origin)).toEqual([]);
	});

	it('gives every page its canonical address under the base', () => {
		for (const page of htmlPages(dir, base).filter((p) => !p.file.startsWith('404'))) {
			const canonical = parse(page.html).querySelector('link[rel="canonical"]')?.getAttributeValue('href');
			expect(canonical, page.file).toBe(origin + page.path);
		}
	});

	it('lists every page but the 404 page in the sitemap, each at an address that resolves', () => {
		const index = read('sitemap-index.xml');
		const sitemaps = locs(index);
		expect(sitemaps.length).toBeGreaterThan(0);
		const pages = sitemaps.flatMap((sitemap) => locs(read(fileOf(sitemap)!)));
		for (const page of pages) expect(existsSync(join(dir, fileOf(page) ?? 'outside-the-base')), page).toBe(true);
		const built = htmlPages(dir, base)
			.filter((page) => !page.file.startsWith('404'))
			.map((page) => origin + page.path);
		expect(pages.sort()).toEqual(built.sort());
	});

	it('names the sitemap in robots.txt and on every page', () => {
		expect(read('robots.txt')).toContain(`Sitemap: ${origin}${base}sitemap-index.xml\n`);
		for (const page of htmlPages(dir, base)) expect(parse(page.html).querySelector('link[rel="sitemap"]')?.getAttributeValue('href'), page.file).toBe(`${base}sitemap-index.xml`);
	});

	it('links the feed and its items to pages under the base', () => {
		const feed = read('feed.xml');
		const links = [...feed.matchAll(/<link>([^<]+)<\/link>|<atom:link[^>]*href="([^"]+)"/g)].map(([, link, self]) => (link ?? self)!);
		expect(links.length).toBeGreaterThan(1);
		for (const link of links) expect(existsSync(join(dir, fileOf(link) ?? 'outside-the-base')), link).toBe(true);
	});

	it('loads the search code and Pagefind from under the base', () => {
		const search = htmlPages(dir, base).find((page) => page.path === `${base}search/`)!;
		const { jsFiles } = pageWeight(dir, search, base);
		const code = jsFiles.map((file) => read(file)).join('\n');
		// The base is compiled into the search code, which puts it in front of pagefind/ at run time;
		// the browser tests run a real search under the base.
		expect(code).toMatch(new RegExp(`[\`"']${base}[\`"']`));
		expect(code).toContain('pagefind.js');
		expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
	});

	it('writes _headers for the base', () => {
		expect(read('_headers')).toBe(headersFile(base, adminCspHeader(undefined)));
		expect(read('_headers').startsWith(`${base}*\n`)).toBe(true);
	});
});
