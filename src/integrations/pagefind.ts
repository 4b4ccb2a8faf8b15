/**
 * Builds the Pagefind index after every `astro build`, in the build's own output folder, so that
 * `npm run build`, the test build (SITE_OUT_DIR) and sub-path builds (SITE_BASE) all get one. Any
 * Pagefind error fails the build; the Pagefind service is always closed.
 *
 * Chinese text is cut into tokens here, before Pagefind sees it (see src/lib/search-text.ts): the
 * HTML handed to Pagefind is the built page with a zero-width space between characters, so the
 * pages on disk, and what readers see, never change.
 *
 * Beside the index it writes the table that reads traditional characters in a query as the
 * simplified ones of the text it indexed (src/integrations/search-variants.ts).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { segmentForIndex, ZWSP } from '../lib/search-text';
import { otherRecordKinds, searchRecordsPath, type SearchRecords } from '../lib/search-records';
import { ownTextId } from '../lib/search-result';
import { variantsFile } from '../lib/search-variants';
import { eachAtOnce } from './each-at-once';
import { scratchFolder } from './scratch';
import { hanCharacters, variantTable } from './search-variants';

export interface SearchIndexOptions {
	/** Cut Chinese text into one token per character before indexing (default). `false` leaves it to Pagefind's jieba, for comparison in the benchmark. */
	segment?: boolean;
	/** Where the bundle goes; default `<site>/pagefind/`. */
	outputPath?: string;
	/** How long one Pagefind call may take before the build fails (default 2 minutes). */
	timeoutMs?: number;
	logger?: Pick<AstroIntegrationLogger, 'info' | 'error'>;
}

/**
 * Elements of a page that are never searched, wherever they stand: navigation, and the lists of
 * facts (status, owner, tally) that every entry repeats and that the filters already cover.
 */
const excludeSelectors = ['.breadcrumbs', '.skip-link', 'dl.facts'];

/**
 * Owner pages (owned by the progress work) carry no Pagefind attributes yet. Only their heading
 * and the sentence under it (the excerpt's text) are indexed: the lists and tables below repeat entries, and every
 * entry is a result of its own.
 */
const pageRules: { path: RegExp; apply(html: string): string }[] = [
	{
		path: /^owners\/[^/]+\/index\.html$/,
		apply: (html) =>
			html.replace(
				/<h1\b([\s\S]*?<\/h1>\s*)<p\b/,
				`<h1 data-pagefind-body data-pagefind-filter="类型:${otherRecordKinds.owner}" data-pagefind-meta="kind:${otherRecordKinds.owner}"$1<p data-pagefind-body id="${ownTextId}"`,
			),
	},
];

export default function searchIndex(options: Omit<SearchIndexOptions, 'logger' | 'outputPath'> = {}): AstroIntegration {
	return {
		name: 'search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				await buildSearchIndex(fileURLToPath(dir), { ...options, logger });
			},
		},
	};
}

/** Indexes a built site; returns the number of records. Throws on any Pagefind error. */
export async function buildSearchIndex(
	siteDir: string,
	{ segment = true, outputPath = join(siteDir, 'pagefind'), timeoutMs = 120_000, logger }: SearchIndexOptions = {},
) {
	const started = performance.now();
	const transform = (html: string) => (segment ? segmentHtml(html) : html);
	const call = <T extends { errors: string[] }>(what: string, request: Promise<T>) => answered(check(what), request, timeoutMs, what);
	try {
		const { index } = await call('createIndex', pagefind.createIndex({ excludeSelectors }));
		const siteChars = new Set<string>();
		// Every Han character the index holds, for the traditional-character table.
		const indexed = (html: string) => {
			for (const char of hanCharacters(textOf(html))) siteChars.add(char);
			return transform(html);
		};
		// Pagefind's service reads one message at a time, but parses a folder on every core: the
		// pages, segmented, go into a folder of their own that is indexed in one call (at 5,000
		// entries 2.5 s against 19 s for one call per page).
		const pages = scratchFolder('search-pages-');
		let staged = 0;
		try {
			await eachAtOnce(await htmlFiles(siteDir), 8, async (file) => {
				const path = relative(siteDir, file);
				let html = await readFile(file, 'utf8');
				const rule = pageRules.find((r) => r.path.test(path.split(sep).join('/')));
				if (rule && !html.includes('data-pagefind-body')) html = rule.apply(html);
				if (!html.includes('data-pagefind-body')) return;
				await mkdir(dirname(join(pages, path)), { recursive: true });
				await writeFile(join(pages, path), indexed(html));
				staged++;
			});
			const { page_count } = await call('addDirectory', index!.addDirectory({ path: pages }));
			if (page_count !== staged) throw new Error(`Pagefind indexed ${page_count} of ${staged} pages`);
		} finally {
			await rm(pages, { recursive: true, force: true });
		}
		// Sections and report paragraphs are anchors on other pages; each is a record of its own.
		const recordsFile = join(siteDir, searchRecordsPath);
		const extra = JSON.parse(await readFile(recordsFile, 'utf8')) as SearchRecords;
		// Sent at once: the service answers them in order.
		await Promise.all(extra.records.map((record) => call(record.url, index!.addHTMLFile({ url: record.url, content: indexed(record.html) }))));
		const records = staged + extra.records.length;
		await rm(recordsFile);
		await call('writeFiles', index!.writeFiles({ outputPath }));
		await writeFile(join(outputPath, variantsFile), JSON.stringify(variantTable(siteChars)));
		// The search page uses Pagefind's JS API only; its ready-made UIs would ship unused.
		for (const file of await readdir(outputPath)) if (/-ui\.|highlight/.test(file)) await rm(join(outputPath, file));
		logger?.info(`Pagefind indexed ${records} records in ${Math.round(performance.now() - started)} ms`);
		return records;
	} catch (error) {
		logger?.error(String(error));
		throw new Error(`Search index failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	} finally {
		await pagefind.close();
	}
}

/** Pagefind reports problems in `errors` instead of throwing; here they throw. */
const check =
	(what: string) =>
	<T extends { errors: string[] }>(response: T): T => {
		if (response.errors.length > 0) throw new Error(`Pagefind (${what}): ${response.errors.join('; ')}`);
		return response;
	};

/**
 * A Pagefind call that must answer in time. When the Pagefind binary panics (it does on a write
 * error), its Node API never settles, and the build would hang — or, with nothing else keeping
 * Node alive, end as if it had succeeded.
 */
async function answered<T, R>(then: (value: T) => R, request: Promise<T>, timeoutMs: number, what: string): Promise<R> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`Pagefind (${what}) did not answer within ${timeoutMs} ms`)), timeoutMs);
	});
	try {
		return then(await Promise.race([request, timeout]));
	} finally {
		clearTimeout(timer);
	}
}

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name))
		.filter((file) => !relative(dir, file).startsWith(`pagefind${sep}`))
		.sort();
}

/** Tags, comments, script and style bodies and character references pass through untouched. */
const notText = /(<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>|<!--[\s\S]*?-->|<[^>]*>|&[#\w]+;)/;

/** The text of an HTML document, without markup, scripts or styles. */
const textOf = (html: string) => html.split(notText).filter((_, index) => index % 2 === 0).join(' ');

/** The text of an HTML document cut into search tokens; markup and attributes are unchanged. */
export function segmentHtml(html: string): string {
	return html
		.split(notText)
		.map((part, index) => (index % 2 === 1 ? part : segmentText(part)))
		.join('');
}

/**
 * A text node, also cut where it starts: Pagefind would glue "…管理局</a></dd><dt>所属" into one
 * word. Not where it ends: there Pagefind marks the end of a block (". "), which the search page
 * needs to keep a text fragment inside one block.
 */
const segmentText = (text: string) => {
	const segmented = segmentForIndex(text);
	return /^[\p{Script=Han}0-9]/u.test(segmented) ? ZWSP + segmented : segmented;
};
