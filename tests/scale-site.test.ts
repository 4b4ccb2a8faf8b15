// The site built from 1,000 generated entries (scripts/bench/generate.ts, the scale benchmark's
// content): the lists that grow with the content are paged, no page outgrows the benchmark's
// 60 KiB budget, and every page is valid with every link resolving. The report as published is
// below every threshold (tests/list-pages.test.ts); this is where the paged pages are built.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeOf } from '../scripts/bench/site';
import { entriesPerPage, latePerPage, lateShown } from '../src/lib/list-pages';
import { brokenLinks, htmlPages, htmlValidate, type BuiltPage } from './a11y/site';
import { buildGeneratedSite, scratchFolder } from './setup/isolated-build';

const scratch = scratchFolder('.test-scale');
const dist = join(scratch, 'dist');
let pages: BuiltPage[];

beforeAll(() => {
	buildGeneratedSite(scratch, dist);
	pages = htmlPages(dist);
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
/** Links to entry pages, each entry once per list item. */
const entryLinks = (html: string) => count(html, /<a href="\/(?:achievements|measures)\/[a-z0-9-]+\/"/g);

describe('the site at 1,000 entries', () => {
	it('lists each year at /achievements/<year>/ and /measures/<year>/, at most a page of entries each', () => {
		expect(existsSync(join(dist, 'achievements/2023/index.html'))).toBe(true);
		expect(existsSync(join(dist, 'measures/2024/index.html'))).toBe(true);
		for (const { path, html } of pages.filter((p) => /^\/(achievements|measures)\/\d{4}\//.test(p.path))) {
			expect(entryLinks(html.replace(/<nav[\s\S]*?<\/nav>/g, '')), path).toBeLessThanOrEqual(entriesPerPage);
		}
	});

	it('lists a body with more than a page of entries by year, and links each year from its own page', () => {
		const own = page('owners/szamr/');
		const years = [...own.matchAll(/href="(\/owners\/szamr\/\d{4}\/)"/g)].map((m) => m[1]!);
		expect(years.length).toBeGreaterThan(1);
		for (const year of years) expect(existsSync(join(dist, year, 'index.html')), year).toBe(true);
		for (const { path, html } of pages.filter((p) => p.path.startsWith('/owners/szamr/2'))) {
			expect(entryLinks(html.replace(/<nav[\s\S]*?<\/nav>/g, '')), path).toBeLessThanOrEqual(entriesPerPage);
		}
	});

	it('shows the most overdue items on /progress/ and every one of them at /progress/late/', () => {
		const progress = page('progress/');
		const total = Number(/共 (\d+) 个）/.exec(progress)?.[1]);
		expect(total).toBeGreaterThan(lateShown);
		const late = pages.filter((p) => p.path.startsWith('/progress/late/'));
		expect(late.length).toBe(Math.ceil(total / latePerPage));
		const rows = (html: string) => count(html.replace(/<thead[\s\S]*?<\/thead>/, ''), /<tr\b/g);
		const section = (id: string) => new RegExp(`<section aria-labelledby="${id}"[^>]*>[\\s\\S]*?</section>`).exec(progress)![0];
		expect(late.reduce((sum, p) => sum + rows(p.html), 0)).toBe(total);
		expect(rows(section('late'))).toBe(lateShown);
		// Past a page of measures, /progress/ links the year lists instead of tabling each measure.
		expect(section('all')).toContain('href="/measures/2024/"');
		expect(section('all')).not.toContain('<table');
	});

	it('keeps every page under 60 KiB gzip, whatever its route', () => {
		const heavy = pages.map((p) => ({ path: p.path, gzip: gzipSync(p.html).length })).filter((p) => p.gzip > 60 * 1024);
		expect(heavy).toEqual([]);
	});

	// A thousand pages of links: seconds of work, more on a busy machine.
	it('has no internal link, asset or #anchor that points nowhere', { timeout: 60_000 }, () => {
		expect(brokenLinks(dist)).toEqual([]);
	});

	it('builds valid HTML on one page of each route', { timeout: 60_000 }, async () => {
		const seen = new Set<string>();
		for (const p of pages) {
			const route = p.path.startsWith('/progress/late/') ? '/progress/late/' : routeOf(p.path);
			if (seen.has(route)) continue;
			seen.add(route);
			const report = await htmlValidate.validateString(p.html, p.file);
			const messages = report.results.flatMap((r) => r.messages).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
			expect(messages, p.path).toEqual([]);
		}
		expect(seen.size).toBeGreaterThan(15);
	});
});
