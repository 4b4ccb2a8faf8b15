/**
 * Search benchmark (`npm run bench:search`): builds the site twice — with Pagefind's own Chinese
 * segmentation ("before") and with this project's character tokens ("after") — and prints, for
 * each, recall@1/@3 on the query set, on the traditional and mixed queries and on the sweep, the
 * median query time in Node, and the bytes a first search downloads (the traditional-character
 * table included). Numbers, not assertions: tests/search.test.ts holds the bar.
 *
 * `npm run bench:search -- --reuse` reuses the two builds of the last run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PagefindResult } from '../src/lib/search-engine';
import { loadPagefind, loadSearch, type LoadedPagefind } from '../src/lib/search-node';
import { querySet, recall, substringCases, sweepCases, traditionalSet, type EntryRow, type Recall, type SectionRow } from '../tests/search-cases';

const root = join(import.meta.dirname, '..');
const typicalQuery = '电梯';
const shownResults = 10;

function build(outDir: string, segment: boolean) {
	if (process.argv.includes('--reuse') && existsSync(join(outDir, 'pagefind', 'pagefind.js'))) return;
	console.error(`Building ${segment ? 'after' : 'before'} into ${outDir} …`);
	execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
		cwd: root,
		env: { ...process.env, SITE_OUT_DIR: outDir, SITE_BASE: '/', SEARCH_SEGMENT: segment ? 'on' : 'off' },
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

/** A fresh search over a built site, as a reader's first visit to the search page loads it. */
type Loader = (siteDir: string) => Promise<LoadedPagefind & { search(query: string): Promise<PagefindResult[]> }>;

/** Before: Pagefind as it comes, the query passed straight to it. */
const plainSearch: Loader = async (siteDir) => {
	const loaded = await loadPagefind(siteDir);
	return { ...loaded, search: async (query) => (await loaded.pagefind.search(query)).results };
};

/** After: this project's engine (phrases of character tokens, synonyms, traditional characters, ranking). */
const engineSearch: Loader = async (siteDir) => {
	const loaded = await loadSearch(siteDir);
	return { ...loaded, search: async (query) => (await loaded.engine.search(query)).results };
};

const pathOf = (url: string) => url.replace(/^\/|\/$/g, '');
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function measure(siteDir: string, load: Loader) {
	const { entries, sections } = JSON.parse(readFileSync(join(siteDir, 'data/entries.json'), 'utf8')) as { entries: EntryRow[]; sections: SectionRow[] };
	const { search } = await load(siteDir);
	const paths = async (query: string) => Promise.all((await search(query)).map(async (r) => pathOf((await r.data()).url)));
	const results: Record<string, Recall> = {
		'query set': await recall(querySet, paths),
		traditional: await recall(traditionalSet, paths),
		sweep: await recall(sweepCases(entries, sections), paths),
		substrings: await recall(substringCases(entries), paths),
	};

	// Warm: every chunk is loaded; this is the time of the search itself.
	const times: number[] = [];
	for (let round = 0; round < 3; round++) {
		for (const { query } of querySet) {
			const started = performance.now();
			await search(query);
			times.push(performance.now() - started);
		}
	}

	// Cold: a fresh instance, one search, the first page of results shown.
	const gz = (path: string) => gzipSync(readFileSync(path)).byteLength;
	const bundle = join(siteDir, 'pagefind');
	const script = searchPageScript(siteDir);
	const firstSearch = async (query: string) => {
		const fresh = await load(siteDir);
		const started = performance.now();
		const first = await fresh.search(query);
		await Promise.all(first.slice(0, shownResults).map((r) => r.data()));
		const ms = performance.now() - started;
		// Pagefind's index, fragments and WASM are gzipped on disk already; its JSON and the scripts are not.
		const download: Record<string, number> = { 'pagefind.js': gz(join(bundle, 'pagefind.js')) };
		for (const [file, bytes] of fresh.fetched) {
			const group = file.split('/')[0]!.replace(/\..*$/, '').replace(/^pagefind$/, 'pagefind meta');
			download[group] = (download[group] ?? 0) + (file.endsWith('.json') ? gz(join(bundle, file)) : bytes);
		}
		if (script) download['search page script'] = gz(script);
		return { ms, download, total: Object.values(download).reduce((sum, n) => sum + n, 0) };
	};
	const typical = await firstSearch(typicalQuery);
	const totals: number[] = [];
	for (const { query } of [...querySet, ...traditionalSet]) totals.push((await firstSearch(query)).total);
	return { results, medianMs: median(times), coldMs: typical.ms, download: typical.download, firstSearchMedian: median(totals), firstSearchMax: Math.max(...totals) };
}

/** The search page's own bundled script (the one `<script type="module">` it loads from /_astro/). */
function searchPageScript(siteDir: string) {
	const html = readFileSync(join(siteDir, 'search/index.html'), 'utf8');
	const src = html.match(/<script type="module" src="\/(_astro\/[^"]+\.js)"/)?.[1];
	return src ? join(siteDir, src) : undefined;
}

function report(name: string, outcome: Awaited<ReturnType<typeof measure>>) {
	console.log(`\n## ${name}`);
	for (const [set, r] of Object.entries(outcome.results)) {
		console.log(`${set.padEnd(11)} recall@1 ${percent(r.at1).padStart(6)}  recall@3 ${percent(r.at3).padStart(6)}  found ${percent(r.found).padStart(6)}`);
	}
	console.log(`median query time (Node, warm) ${outcome.medianMs.toFixed(2)} ms; first search "${typicalQuery}" (cold) ${outcome.coldMs.toFixed(0)} ms`);
	const total = Object.values(outcome.download).reduce((sum, n) => sum + n, 0);
	const parts = Object.entries(outcome.download).map(([k, v]) => `${k} ${kb(v)}`);
	console.log(`first search downloads ${kb(total)} gzip: ${parts.join(', ')}`);
	console.log(`first search over the query set and the traditional set: median ${kb(outcome.firstSearchMedian)}, largest ${kb(outcome.firstSearchMax)}`);
	for (const set of ['query set', 'traditional', 'sweep'] as const) {
		const misses = outcome.results[set]!.misses;
		const shown = misses.slice(0, 12).map((x) => `${x.query}→${x.got[0] ?? '∅'}`);
		if (misses.length) console.log(`${set} misses (${misses.length}): ${shown.join('; ')}${misses.length > shown.length ? '; …' : ''}`);
	}
}

const before = join(tmpdir(), 'suzhou-amr-bench-before');
const after = join(tmpdir(), 'suzhou-amr-bench-after');
build(before, false);
build(after, true);
const fragmentCount = (dir: string) => readdirSync(join(dir, 'pagefind/fragment')).length;
console.log(`# Search benchmark (${querySet.length} queries, ${traditionalSet.length} traditional and mixed; ${fragmentCount(after)} records)`);
report('before: Pagefind defaults (jieba at index time, Intl.Segmenter at query time)', await measure(before, plainSearch));
report('after: character tokens, phrase matching, synonyms, traditional characters (src/lib/search-text.ts)', await measure(after, engineSearch));
