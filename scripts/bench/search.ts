/**
 * What a reader's first search costs on a built site, measured in Node with the site's own search
 * code: Pagefind's pagefind.js loaded as the search page loads it (src/lib/search-node.ts) and
 * queried through the search page's engine (src/lib/search-engine.ts: phrases of character
 * tokens, synonyms). Every file it fetches is counted as sent — gzip, except that Pagefind's
 * index, fragments and WASM are compressed already — and so is the search page's own script. As on
 * the page, Pagefind runs on the main thread (no pagefind-worker.js) and the filter counts wait
 * until the reader opens 筛选.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { SearchEngine } from '../../src/lib/search-engine';
import type * as SearchNode from '../../src/lib/search-node';
import { median } from './stats';

/** Queries a reader of the report might type: a topic, a body, a number, a phrase across words. */
export const sampleQueries = ['知识产权', '食品安全', '公平竞争审查', '电梯', '12315', '行政执法', '消费者', '特种设备', '营商环境', '质量强市'];

/** Results whose excerpt the search page shows at once. */
export const resultsShown = 10;

export interface SearchCost {
	/** Files the first search fetched, in order, with their size on disk and gzip. */
	files: { path: string; bytes: number; gzip: number }[];
	/** Everything the first search downloads as sent, the search page's script and pagefind.js included. */
	firstSearchBytes: number;
	/** Median time of one query with its shown results, on a warm instance, in ms. */
	medianQueryMs: number;
	/** How many results the first query found, to show the query is realistic. */
	firstQueryResults: number;
}

/** The site's own search modules, from the copy of the project that was built. */
async function searchModules(projectRoot: string) {
	const load = async <T>(path: string) => (await import(pathToFileURL(join(projectRoot, path)).href)) as T;
	// Pagefind and the traditional-character table, as the search page loads them.
	return load<typeof SearchNode>('src/lib/search-node.ts');
}

export async function measureSearch(siteDir: string, projectRoot: string, queries = sampleQueries): Promise<SearchCost> {
	const bundle = join(siteDir, 'pagefind');
	if (!existsSync(join(bundle, 'pagefind.js'))) throw new Error(`No Pagefind bundle in ${bundle}: was the site built with the search integration?`);
	const { loadSearch, searchPageScript } = await searchModules(projectRoot);
	const search = async (engine: SearchEngine, query: string) => {
		const { results } = await engine.search(query);
		await Promise.all(results.slice(0, resultsShown).map((r) => r.data()));
		return results.length;
	};

	// The first search: a fresh page, one typical query, its shown results.
	const first = await loadSearch(siteDir);
	const firstQueryResults = await search(first.engine, queries[0] ?? '知识产权');
	await first.pagefind.destroy();
	// The scripts load before any fetch: the search page's own, then pagefind.js.
	const script = searchPageScript(siteDir);
	const fetched = new Set(['pagefind.js', ...first.fetched.keys()]);
	const files = [
		{ path: `/${script}`, file: join(siteDir, script) },
		...[...fetched].map((path) => ({ path, file: join(bundle, path) })),
	].map(({ path, file }) => {
		const bytes = readFileSync(file);
		return { path, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
	});

	// Query time on a warm instance, as a reader refining a search.
	const warm = await loadSearch(siteDir);
	const { engine } = warm;
	await search(engine, queries[0] ?? '知识产权');
	const times: number[] = [];
	for (const query of queries) {
		const started = performance.now();
		await search(engine, query);
		times.push(performance.now() - started);
	}
	await warm.pagefind.destroy();
	return {
		files,
		firstSearchBytes: files.reduce((sum, f) => sum + Math.min(f.bytes, f.gzip), 0),
		medianQueryMs: median(times),
		firstQueryResults,
	};
}
