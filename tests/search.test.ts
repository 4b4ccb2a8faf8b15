// Search against the built index, with Pagefind's own pagefind.js running in Node: what people type
// finds the entry, in simplified or traditional characters; every entry is found by terms from its
// own text; every excerpt quotes the record's own text; filters narrow; a query that stands nowhere
// finds nothing; and a first search stays small.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PagefindFragment, SearchEngine } from '../src/lib/search-engine';
import { searchFilters } from '../src/lib/search-filters';
import { loadSearch, searchPageScript } from '../src/lib/search-node';
import { openingWords, resultView, termPattern } from '../src/lib/search-result';
import { parseQuery, ZWSP } from '../src/lib/search-text';
import { loadVariants, toSimplified, type VariantTable } from '../src/lib/search-variants';
import { kinds } from '../src/vocabulary';
import {
	excerptProblems,
	noMatchQueries,
	querySet,
	recall,
	substringCases,
	sweepCases,
	traditionalSet,
	type EntryRow,
	type SectionRow,
} from './search-cases';
import { ownTextReader } from './search-own-text';
import { testDist } from './setup/build-site';

// SEARCH_TEST_SITE points these tests at another build of the site at the root path.
const siteDir = process.env.SEARCH_TEST_SITE ?? testDist;
const openData = () => JSON.parse(readFileSync(join(siteDir, 'data/entries.json'), 'utf8')) as { entries: EntryRow[]; sections: SectionRow[] };

let engine: SearchEngine;
let variants: VariantTable;
const fragments = new Map<string, PagefindFragment>();
/** Results of a query as fragments, in rank order. */
const search = async (query: string, selection = {}) => {
	const { results, counts } = await engine.search(query, selection);
	const data = await Promise.all(results.map(async (r) => fragments.get(r.id) ?? (await r.data())));
	results.forEach((r, i) => fragments.set(r.id, data[i]!));
	return { data, counts };
};
const pathOf = (url: string) => url.replace(/^\/|\/$/g, '');
const paths = async (query: string) => (await search(query)).data.map((d) => pathOf(d.url));

beforeAll(async () => {
	const loaded = await loadSearch(siteDir);
	engine = loaded.engine;
	variants = await loadVariants(loaded.bundleUrl);
});

describe('the query set', () => {
	it('has at least 60 queries, each standing in the title or text of the entry it expects', () => {
		expect(querySet.length).toBeGreaterThanOrEqual(60);
		const { entries } = openData();
		for (const { query, expect: path } of querySet) {
			const entry = entries.find((e) => pathOf(e.url) === path);
			expect(entry, path).toBeDefined();
			const haystack = `${entry!.title}${entry!.text}`.replace(/[.．]/g, '.');
			const found = parseQuery(query).every((term) => term.forms.some((tokens) => haystack.includes(tokens.join(''))));
			expect(found, `${query} in ${path}`).toBe(true);
		}
	});

	it.each(querySet)('$query finds $expect in the top 3', async ({ query, expect: path }) => {
		expect((await paths(query)).slice(0, 3)).toContain(path);
	});

	it('ranks every result whose title holds the query before any whose title does not', async () => {
		let checked = 0;
		for (const { query } of querySet) {
			const terms = parseQuery(query);
			const inTitle = (await search(query)).data.map((d) => {
				const title = d.meta.title?.replaceAll(ZWSP, '') ?? '';
				return terms.every((term) => term.forms.some((tokens) => title.includes(tokens.join(''))));
			});
			if (!inTitle.includes(true)) continue;
			checked++;
			expect(inTitle.lastIndexOf(true), query).toBeLessThan(inTitle.includes(false) ? inTitle.indexOf(false) : Infinity);
		}
		expect(checked).toBeGreaterThan(40);
	});
});

describe('the sweep over every entry', () => {
	it('finds every entry in the top 3 for at least 99% of the terms taken from its text', async () => {
		const { entries, sections } = openData();
		const cases = sweepCases(entries, sections);
		expect(new Set(cases.map((c) => c.expect)).size).toBe(entries.length);
		const result = await recall(cases, paths);
		expect(result.found).toBe(1);
		expect(result.at3, JSON.stringify(result.misses)).toBeGreaterThanOrEqual(0.99);
	});

	it('finds the entry for any 2–8 character piece of its text, however common', async () => {
		const { entries } = openData();
		const result = await recall(substringCases(entries), async (query) => paths(query));
		expect(result.found, JSON.stringify(result.misses.slice(0, 5))).toBe(1);
	});
});

describe('traditional and mixed queries', () => {
	it('has at least 30, each a form of a simplified query that differs from it', () => {
		expect(traditionalSet.length).toBeGreaterThanOrEqual(30);
		for (const { query, simplified } of traditionalSet) expect(query, simplified).not.toBe(simplified);
	});

	it.each(traditionalSet)('$query finds what $simplified finds, $expect in the top 3', async ({ query, simplified, expect: path }) => {
		const found = await paths(query);
		expect(found).toEqual(await paths(simplified));
		expect(found.slice(0, 3)).toContain(path);
	});

	it('reaches the recall@3 of the simplified forms', async () => {
		const traditional = await recall(traditionalSet, paths);
		const simplified = await recall(
			traditionalSet.map((c) => ({ query: c.simplified, expect: c.expect })),
			paths,
		);
		expect(traditional.at3).toBe(simplified.at3);
		expect(traditional.at3).toBe(1);
	});

	it('leaves every simplified query and every term of the sweep as it is', () => {
		const { entries, sections } = openData();
		const queries = [...querySet.map((c) => c.query), ...sweepCases(entries, sections).map((c) => c.query), ...noMatchQueries];
		expect(queries.filter((q) => toSimplified(q, variants) !== q)).toEqual([]);
	});
});

describe('what each result shows', () => {
	const own = () => ownTextReader(siteDir);

	it('an excerpt of the record\'s own text for every result of the query sets: no heading, label or glyph, no sentence twice, the terms marked', async () => {
		const textOf = own();
		let checked = 0;
		const failures: string[] = [];
		for (const { query } of [...querySet, ...traditionalSet]) {
			const { results, terms } = await engine.search(query);
			for (const result of results) {
				const data = fragments.get(result.id) ?? (await result.data());
				fragments.set(result.id, data);
				const ownText = textOf(data.url);
				const view = resultView(data, terms);
				checked++;
				if (ownText === undefined) {
					failures.push(`${query} → ${data.url}: no own text to compare with`);
					continue;
				}
				const text = view.excerpt.map((p) => `${p.cutStart ? '…' : ''}${p.parts.map((x) => x.text).join('')}${p.cutEnd ? '…' : ''}`).join('');
				const marks = view.excerpt.flatMap((p) => p.parts.filter((x) => x.marked).map((x) => x.text));
				if (ownText.trim() && !text) failures.push(`${query} → ${data.url}: no excerpt`);
				for (const problem of excerptProblems({ text, marks }, ownText, terms.map(termPattern))) failures.push(`${query} → ${data.url}: ${problem}`);
			}
		}
		expect(checked).toBeGreaterThan(300);
		expect(failures).toEqual([]);
	});

	it('says of an entry its kind, year, report, status and owner', async () => {
		const { entries } = openData();
		const { results, terms } = await engine.search('电梯');
		let seen = 0;
		for (const result of results) {
			const data = await result.data();
			const entry = entries.find((e) => e.url === data.url);
			if (!entry) continue;
			seen++;
			const { facts, title } = resultView(data, terms);
			expect(title).toBe(entry.title);
			expect(facts[0]).toBe(kinds[entry.kind as keyof typeof kinds]);
			expect(facts).toContain(`${entry.year}年`);
			expect(data.meta.report).toBeTruthy();
			expect(facts).toContain(data.meta.report);
			expect(facts).toContain(data.meta.status);
			expect(data.meta.owner).toBeTruthy();
			expect(facts.at(-1)).toBe(`责任单位：${data.meta.owner}`);
		}
		expect(seen).toBeGreaterThan(1);
	});

	it('says of a report paragraph which report and which paragraph, and opens with its first words', async () => {
		const textOf = own();
		const { results, terms } = await engine.search('苏迪曼杯');
		const data = await Promise.all(results.map((r) => r.data()));
		const paragraph = data.find((d) => /^\/source\/[^/]+\/#p9$/.test(d.url))!;
		const view = resultView(paragraph, terms);
		expect(view.title).toBe(openingWords(textOf(paragraph.url)!));
		expect(view.title).not.toMatch(/^报告原文第/);
		expect(view.facts[0]).toBe('报告原文');
		expect(view.facts[1]).toBe(`${paragraph.meta.report}第 9 段`);
	});

	it('links to the place where the term stands, for the browser to highlight', async () => {
		const [first] = (await engine.search('電梯')).results;
		const view = resultView(await first!.data(), (await engine.search('電梯')).terms);
		expect(decodeURIComponent(view.href)).toMatch(/#:~:text=.*电梯/);
	});
});

describe('the first search', () => {
	it('downloads less than 150 KB gzip for every query of the query sets, the search page script included', { timeout: 60_000 }, async () => {
		const sizes = new Map<string, number>();
		const gz = (path: string) => sizes.get(path) ?? sizes.set(path, gzipSync(readFileSync(path), { level: 9 }).byteLength).get(path)!;
		const script = searchPageScript(siteDir);
		const bundle = join(siteDir, 'pagefind');
		let largest = 0;
		for (const { query } of [...querySet, ...traditionalSet]) {
			const fresh = await loadSearch(siteDir);
			const { results } = await fresh.engine.search(query);
			await Promise.all(results.slice(0, 10).map((r) => r.data()));
			// Pagefind's index, fragments and WASM are gzipped on disk; its JSON and the scripts are not.
			let bytes = gz(join(siteDir, script)) + gz(join(bundle, 'pagefind.js'));
			for (const [file, size] of fresh.fetched) bytes += file.endsWith('.json') ? gz(join(bundle, file)) : size;
			expect(fresh.fetched.has('zh-variants.json')).toBe(true);
			largest = Math.max(largest, bytes);
			await fresh.pagefind.destroy();
		}
		expect(largest).toBeLessThan(150 * 1024);
	});
});

describe('what is not there', () => {
	it.each(noMatchQueries)('%s returns nothing', async (query) => {
		expect(await paths(query)).toEqual([]);
	});

	it('does not index page furniture: header, breadcrumbs, edit links, skip link', async () => {
		for (const query of ['跳到正文', '长者模式', '在 Git 中编辑此条目的文件', '2024年举措 进展 数说']) expect(await paths(query), query).toEqual([]);
	});

	it('returns results only for pages that hold every term', async () => {
		const { data } = await search('电梯 评估');
		expect(data.length).toBeGreaterThan(0);
		for (const d of data) expect(d.content.replaceAll(ZWSP, ''), d.url).toMatch(/电梯[\s\S]*评估|评估[\s\S]*电梯/);
	});
});

describe('filters', () => {
	it('narrows to the chosen type and year, and counts each value given the others', async () => {
		const all = await search('电梯');
		const measures = await search('电梯', { [searchFilters.kind]: ['举措'] });
		expect(measures.data.map((d) => pathOf(d.url))).toEqual(['measures/old-elevator-safety-assessment']);
		const counts = await all.counts();
		expect(counts[searchFilters.kind]?.['举措']).toBe(measures.data.length);
		expect(counts[searchFilters.kind]?.['成果']).toBe(all.data.filter((d) => d.meta.kind === '成果').length);
		const in2023 = await search('电梯', { [searchFilters.year]: ['2023'] });
		expect(in2023.data.length).toBeGreaterThan(0);
		for (const d of in2023.data) expect(d.filters[searchFilters.year]).toEqual(['2023']);
	});

	it('ORs values of one filter and ANDs different filters', async () => {
		const both = await search('知识产权', { [searchFilters.kind]: ['成果', '举措'] });
		const achievements = await search('知识产权', { [searchFilters.kind]: ['成果'] });
		const measures = await search('知识产权', { [searchFilters.kind]: ['举措'] });
		expect(both.data.length).toBe(achievements.data.length + measures.data.length);
		const owned = await search('知识产权', { [searchFilters.kind]: ['成果'], [searchFilters.owner]: ['苏州市知识产权局'] });
		expect(owned.data.length).toBeGreaterThan(0);
		expect(owned.data.length).toBeLessThan(achievements.data.length);
		for (const d of owned.data) expect(d.filters[searchFilters.owner]).toEqual(['苏州市知识产权局']);
	});

	it('lists every entry of a status with no query at all, and nothing with neither', async () => {
		const { entries } = openData();
		const planned = await search('', { [searchFilters.status]: ['未启动'] });
		expect(planned.data.map((d) => pathOf(d.url)).sort()).toEqual(entries.filter((e) => e.status === 'planned').map((e) => pathOf(e.url)).sort());
		expect((await search('', {})).data).toEqual([]);
	});

	it('offers the five filters, with values free of the index tokens', async () => {
		const counts = await (await search('苏州')).counts();
		expect(Object.keys(counts).sort()).toEqual(Object.values(searchFilters).sort());
		for (const values of Object.values(counts)) for (const value of Object.keys(values)) expect(value).not.toContain(ZWSP);
	});

	it('fetches the filter files only for a filter chosen or for the counts', async () => {
		const fresh = await loadSearch(siteDir);
		const filterFiles = () => [...fresh.fetched.keys()].filter((file) => file.startsWith('filter/'));
		const outcome = await fresh.engine.search('电梯');
		expect(outcome.results.length).toBeGreaterThan(0);
		expect(filterFiles()).toEqual([]);
		await outcome.counts();
		expect(filterFiles().length).toBeGreaterThan(0);
		await fresh.pagefind.destroy();
		const chosen = await loadSearch(siteDir);
		await chosen.engine.search('电梯', { [searchFilters.kind]: ['举措'] });
		expect([...chosen.fetched.keys()].some((file) => file.startsWith('filter/'))).toBe(true);
		await chosen.pagefind.destroy();
	});
});

describe('records beside the pages', () => {
	it('finds a section by its heading and links to its anchor on the list page', async () => {
		const [first] = await paths('全力创优营商环境');
		expect(first).toBe('achievements/#section-2023-2-1');
	});

	it('finds a paragraph of the original report and an owner by name', async () => {
		expect(await paths('苏迪曼杯')).toContain('source/2023/#p9');
		expect((await paths('苏州市知识产权局'))[0]).toBe('owners/szipa');
	});

	it('leaves no build input behind and ships only the Pagefind files the search page uses', () => {
		expect(existsSync(join(siteDir, 'search/records.json'))).toBe(false);
		const bundle = readdirSync(join(siteDir, 'pagefind'));
		expect(bundle).toContain('pagefind.js');
		expect(bundle.filter((f) => /ui|highlight/.test(f))).toEqual([]);
	});
});

describe('the search page', () => {
	const html = () => readFileSync(join(siteDir, 'search/index.html'), 'utf8');

	it('loads its script from a file, with no inline script or handler', () => {
		const scripts = html().match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
		const module = scripts.filter((s) => s.includes('type="module"'));
		expect(module).toHaveLength(1);
		expect(module[0]).toMatch(/src="[^"]+\.js"><\/script>/);
		for (const script of scripts) expect(script, 'inline script').toMatch(/^<script[^>]*\bsrc=|application\/ld\+json/);
		expect(html()).not.toMatch(/\son[a-z]+=/);
	});

	it('is the only page that loads the search script or Pagefind', () => {
		const module = searchPageScript(siteDir);
		for (const page of ['index.html', 'achievements/index.html', 'measures/old-elevator-safety-assessment/index.html', 'source/index.html']) {
			const other = readFileSync(join(siteDir, page), 'utf8');
			expect(other, page).not.toContain(module);
			expect(other, page).not.toMatch(/pagefind[\w-]*\.js/);
		}
	});

	it('keeps its own code small: at most 5 KB gzip', async () => {
		expect(gzipSync(readFileSync(join(siteDir, searchPageScript(siteDir)))).byteLength).toBeLessThanOrEqual(5 * 1024);
	});
});
