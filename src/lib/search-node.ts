/**
 * Node only (tests and the benchmark): loads a built site's `pagefind/pagefind.js` the way a
 * browser would, with `fetch` answering its requests for `file:` URLs from disk and counting the
 * bytes it read. Never imported by the site.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSearchEngine, type Pagefind, type SearchEngine } from './search-engine';
import { loadVariants } from './search-variants';

export interface LoadedPagefind {
	pagefind: Pagefind;
	/** The bundle folder as a `file:` URL, ending in a slash. */
	bundleUrl: string;
	/** Every file Pagefind fetched, relative to the bundle, with its size on disk (already compressed). */
	fetched: Map<string, number>;
}

let fetchInstalled = false;
const fetchLogs = new Map<string, Map<string, number>>();

/** Lets `fetch` read `file:` URLs, as Pagefind's loader in Node needs; other URLs go to the real fetch. */
function installFileFetch() {
	if (fetchInstalled) return;
	fetchInstalled = true;
	const realFetch = globalThis.fetch;
	globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
		const url = input instanceof Request ? input.url : String(input);
		if (!url.startsWith('file:')) return realFetch(input, init);
		const path = decodeURIComponent(new URL(url).pathname);
		const bytes = await readFile(path);
		for (const [bundle, log] of fetchLogs) if (path.startsWith(bundle)) log.set(path.slice(bundle.length), bytes.byteLength);
		return new Response(bytes);
	};
}

/** A fresh Pagefind instance over `<siteDir>/pagefind/`. */
export async function loadPagefind(siteDir: string): Promise<LoadedPagefind> {
	installFileFetch();
	const bundle = join(siteDir, 'pagefind') + '/';
	const fetched = new Map<string, number>();
	fetchLogs.set(bundle, fetched);
	// createInstance gives each caller its own state, even when the module is cached.
	const module = (await import(pathToFileURL(join(bundle, 'pagefind.js')).href)) as {
		createInstance(options: { basePath: string; baseUrl: string }): Pagefind;
	};
	const bundleUrl = pathToFileURL(bundle).href;
	const pagefind = module.createInstance({ basePath: bundleUrl, baseUrl: '/' });
	return { pagefind, bundleUrl, fetched };
}

/** The search page's engine over a built site: Pagefind and the variant table, both fetched (and counted). */
export async function loadSearch(siteDir: string): Promise<LoadedPagefind & { engine: SearchEngine }> {
	const loaded = await loadPagefind(siteDir);
	const engine = createSearchEngine(loaded.pagefind, await loadVariants(loaded.bundleUrl), offeredFilters(siteDir));
	return { ...loaded, engine };
}

const searchPagePath = (siteDir: string) => join(siteDir, 'search/index.html');

/** The filters the built search page offers, one per checkbox as its script reads them; none for a bare index. */
function offeredFilters(siteDir: string): string[] {
	const page = searchPagePath(siteDir);
	if (!existsSync(page)) return [];
	return [...readFileSync(page, 'utf8').matchAll(/data-filter="([^"]+)"/g)].map((match) => match[1]!);
}

/** The search page's own script, as a path inside a built site. */
export function searchPageScript(siteDir: string): string {
	const page = searchPagePath(siteDir);
	const script = /<script type="module" src="\/?([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1];
	if (!script) throw new Error(`${page} has no module script`);
	return script;
}
