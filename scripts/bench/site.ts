/** Sizes of a built site: the whole output, the search bundle and every page, raw and gzip. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageSize {
	/** The page's URL path, e.g. `/measures/` or `/404.html`. */
	path: string;
	bytes: number;
	gzip: number;
}

export interface SiteSize {
	/** Every file of the output, the search bundle included. */
	totalBytes: number;
	files: number;
	/** The Pagefind bundle (`pagefind/`). */
	searchBytes: number;
	searchFiles: number;
	/** HTML pages, largest (gzip) first. */
	pages: PageSize[];
}

const filesIn = (dir: string) =>
	readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile())
		.map((e) => join(e.parentPath, e.name));

const urlPath = (file: string) => `/${file.split(sep).join('/')}`.replace(/index\.html$/, '');

export function siteSize(dist: string): SiteSize {
	let totalBytes = 0;
	let files = 0;
	let searchBytes = 0;
	let searchFiles = 0;
	const pages: PageSize[] = [];
	for (const file of filesIn(dist)) {
		const path = relative(dist, file);
		const { size } = statSync(file);
		totalBytes += size;
		files++;
		if (path.startsWith(`pagefind${sep}`)) {
			searchBytes += size;
			searchFiles++;
		} else if (path.endsWith('.html')) {
			pages.push({ path: urlPath(path), bytes: size, gzip: gzipSync(readFileSync(file), { level: 6 }).length });
		}
	}
	pages.sort((a, b) => b.gzip - a.gzip);
	return { totalBytes, files, searchBytes, searchFiles, pages };
}

/** The route a page belongs to, to tell which lists grow with the number of entries: `/owners/szamr/` → `/owners/*`. */
export function routeOf(path: string): string {
	const parts = path.split('/').filter(Boolean);
	if (parts.length <= 1) return path;
	return `/${parts[0]}/${parts.slice(1).map(() => '*').join('/')}/`;
}
