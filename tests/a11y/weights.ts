/**
 * What a built page costs to load, in bytes (deterministic, unlike timings): its HTML and the
 * stylesheets it links, gzipped one file at a time as a server would send them; and its scripts
 * with everything they import, apart from Pagefind's own files.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type BuiltPage } from './site';

export interface PageWeight {
	path: string;
	/** Gzipped bytes of the HTML. */
	html: number;
	/** Gzipped bytes of the linked stylesheets, summed. */
	css: number;
	cssFiles: string[];
	/** Bytes of the site's own scripts (Pagefind's files excluded), as stored and gzipped. */
	js: number;
	jsGzip: number;
	jsFiles: string[];
}

const gzip = (bytes: Buffer | string) => gzipSync(bytes).byteLength;
const isPagefind = (path: string) => path.includes('/pagefind/');

/** The scripts a module imports (statically or dynamically) by relative path, transitively. */
function moduleGraph(dir: string, entry: string, seen = new Set<string>()): Set<string> {
	if (seen.has(entry) || isPagefind(entry)) return seen;
	seen.add(entry);
	const code = readFileSync(join(dir, entry), 'utf8');
	for (const [, specifier] of code.matchAll(/(?:\bimport\s*\(?|\bfrom)\s*["'](\.{1,2}\/[^"']+\.m?js)["']/g)) {
		moduleGraph(dir, posix.join(dirname(entry), specifier!), seen);
	}
	return seen;
}

/** The weight of one page of the site built in `dir` under `base`. */
export function pageWeight(dir: string, page: BuiltPage, base = '/'): PageWeight {
	const root = parse(page.html);
	const local = (url: string) => new URL(url, `http://site.invalid${page.path}`).pathname.slice(base.length);
	const cssFiles = root
		.querySelectorAll('link[rel="stylesheet"]')
		.map((link) => local(link.getAttributeValue('href') ?? ''));
	const jsFiles = [
		...new Set(
			root
				.querySelectorAll('script[src]')
				.map((script) => local(script.getAttributeValue('src') ?? ''))
				.flatMap((entry) => [...moduleGraph(dir, entry)]),
		),
	];
	const read = (file: string) => readFileSync(join(dir, file));
	return {
		path: page.path,
		html: gzip(page.html),
		css: cssFiles.reduce((sum, file) => sum + gzip(read(file)), 0),
		cssFiles,
		js: jsFiles.reduce((sum, file) => sum + read(file).byteLength, 0),
		jsGzip: jsFiles.reduce((sum, file) => sum + gzip(read(file)), 0),
		jsFiles,
	};
}

/** The budgets of the issue, in bytes. */
export const budgets = {
	/** HTML plus CSS of any page, gzipped: what fits in the first round trips of a cheap phone. */
	htmlAndCss: 14 * 1024,
	/** JavaScript of a reading page (the 长者模式 script), as stored. */
	readingJs: 1024,
	/** The search page's own code apart from Pagefind, gzipped. */
	searchJs: 5 * 1024,
};
