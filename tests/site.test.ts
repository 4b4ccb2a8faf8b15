// The built site: every entry has its page, the open data matches the content, pages are Chinese
// and carry no client JavaScript.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { plainText } from '../src/lib/report-text';
import { fileSchemas, readContentFiles } from '../src/tooling/content-files';
import { collectionNames } from '../src/tooling/file-schemas';
import { schemaFileNames, serializeSchema } from '../src/tooling/json-schema';
import { govsiteDist, testDist } from './setup/build-site';

const page = (path: string) => readFileSync(join(testDist, path, /\.\w+$/.test(path) ? '' : 'index.html'), 'utf8');
const files = readContentFiles();
const entries = files.filter((f) => f.collection === 'achievements' || f.collection === 'measures');
const kindOf = { achievements: 'achievement', measures: 'measure' } as const;
const reports = files.filter((f) => f.collection === 'reports').map((f) => f.id);

describe('built site', () => {
	it.each(['', 'achievements/', 'measures/', 'owners/', 'figures/', 'source/', '404.html'])('/%s is a Chinese page whose only script is the reading-modes switch', (path) => {
		const html = page(path);
		expect(html).toMatch(/<html lang="zh-CN"/);
		const scripts = html.match(/<script\b[^>]*>/g) ?? [];
		expect(scripts.filter((tag) => !tag.includes('application/ld+json'))).toEqual(['<script src="/reading-modes.js">']);
	});

	it('has a page for every entry and every owner', () => {
		for (const file of entries) expect(existsSync(join(testDist, file.collection, file.id, 'index.html')), file.path).toBe(true);
		for (const file of files.filter((f) => f.collection === 'owners')) expect(existsSync(join(testDist, 'owners', file.id, 'index.html'))).toBe(true);
	});

	it('lists every measure on /measures/ with its owner and status in words', () => {
		const html = page('measures/');
		for (const file of files.filter((f) => f.collection === 'measures')) {
			const { title } = file.data as { title: string };
			expect(html, file.path).toContain(`/measures/${file.id}/`);
			expect(html).toContain(title);
		}
		expect(html).toContain('未启动');
		expect(html).toContain('苏州市市场监督管理局');
	});

	it('renders every body into the content store, not into a compiled module per file', () => {
		// src/loaders/report-entries.ts falls back to MDX modules (slow at scale) if Astro stops handing it the Markdown entry type.
		expect(readFileSync('.astro/content-modules.mjs', 'utf8')).not.toMatch(/content\/(achievements|measures)\//);
	});

	it('shows each entry body, every sentence of it, on the entry page', () => {
		for (const file of entries) {
			const html = page(`${file.collection}/${file.id}/`);
			const text = html.replace(/<[^>]+>|\s+/g, '');
			for (const line of plainText(file.body).split('\n')) expect(text, file.path).toContain(line.replace(/\s+/g, ''));
		}
	});

	it('links each entry page to its paragraph of its own report', () => {
		for (const file of entries) expect(page(`${file.collection}/${file.id}/`), file.path).toMatch(new RegExp(`href="/source/${file.report}/#p\\d+"`));
	});

	it.each(reports)('shows every paragraph of report %s on /source/<id>/ with an anchor, and has its /reports/<id>/ page', (report) => {
		const html = page(`source/${report}/`);
		const paragraphs = readFileSync(`content/reports/${report}/report.txt`, 'utf8').split('\n').filter((line) => line.trim());
		paragraphs.forEach((_, index) => expect(html).toContain(`id="p${index + 1}"`));
		expect(page(`reports/${report}/`)).toContain(`href="/source/${report}/"`);
		expect(page('reports/')).toContain(`href="/reports/${report}/"`);
	});

	it('keeps /source/ and its paragraph anchors while there is one report, and lists the texts once there are more', () => {
		const html = page('source/');
		if (reports.length === 1) expect(html).toContain('id="p1"');
		else for (const report of reports) expect(html).toContain(`href="/source/${report}/"`);
	});
});

describe('open data', () => {
	const data = JSON.parse(page('data/entries.json')) as {
		reports: { id: string; summaryYear: number; planYear: number; url: string; textUrl: string }[];
		entries: { id: string; report: string; kind: string; year: number; title: string; section: string; owner: string; status: string; url: string; text: string }[];
		sections: { id: string; report: string; year: number; title: string; text: string }[];
	};

	it('lists every entry with the fields of its file', () => {
		expect(data.entries).toHaveLength(entries.length);
		for (const file of entries) {
			const parsed = fileSchemas[file.collection].parse(file.data) as { year: number; title: string; section: string; owner: string; status: string };
			const row = data.entries.find((e) => e.id === file.id && e.kind === kindOf[file.collection as keyof typeof kindOf]);
			expect(row, file.path).toMatchObject({ year: parsed.year, title: parsed.title, section: parsed.section, owner: parsed.owner, status: parsed.status });
			expect(row?.url).toBe(`/${file.collection}/${file.id}/`);
			expect(row?.report, file.path).toBe(file.report);
			expect(row?.text).toBe(plainText(file.body));
		}
	});

	it('lists every section with its intro', () => {
		expect(data.sections.map((s) => s.id).sort()).toEqual(files.filter((f) => f.collection === 'sections').map((f) => f.id).sort());
	});

	it('lists every report, and names each section’s report', () => {
		expect(data.reports.map((r) => r.id)).toEqual(reports);
		for (const r of data.reports) expect(r).toMatchObject({ summaryYear: Number(r.id), url: `/reports/${r.id}/`, textUrl: `/source/${r.id}/` });
		for (const file of files.filter((f) => f.collection === 'sections')) expect(data.sections.find((s) => s.id === file.id)?.report, file.path).toBe(file.report);
	});

	it('offers the same entries as CSV with a BOM for Excel', () => {
		const csv = page('data/entries.csv');
		expect(csv.startsWith('\uFEFFid,report,kind,year,title,section,owner,status,url,text')).toBe(true);
		expect(csv.trim().split('\r\n')).toHaveLength(entries.length + 1);
	});
});

describe('published JSON Schema', () => {
	it.each(collectionNames)('%s: is published at /data/schema/ as committed', (collection) => {
		const published = join(testDist, 'data', 'schema', schemaFileNames[collection]);
		expect(existsSync(published)).toBe(true);
		expect(readFileSync(published, 'utf8')).toBe(serializeSchema(collection));
	});
});

describe('compressed copies', () => {
	// Written in two passes, the first while later build steps still change files (src/integrations/precompress.ts).
	const copiesIn = (dist: string) => {
		const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(join(dist, file)).isFile());
		return { files: new Set(files), copies: files.filter((file) => /\.(?:gz|br)$/.test(file)) };
	};

	it.each([
		['the site', testDist],
		['the sub-path build', govsiteDist],
	])('in %s each hold exactly their file as it ended up, and every page has both', (_, dist) => {
		const { files, copies } = copiesIn(dist);
		for (const copy of copies) {
			const original = copy.slice(0, -3);
			expect(files.has(original), `${copy} has no file`).toBe(true);
			const unpack = copy.endsWith('.gz') ? gunzipSync : brotliDecompressSync;
			expect(unpack(readFileSync(join(dist, copy))).equals(readFileSync(join(dist, original))), `${copy} is stale`).toBe(true);
		}
		const pages = [...files].filter((file) => file.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(50);
		for (const page of pages) for (const suffix of ['.gz', '.br']) expect(files.has(page + suffix), page + suffix).toBe(true);
		// Files that build steps change or remove after the pages are written.
		expect(files.has('admin/index.html.br')).toBe(true);
		expect([...files].filter((file) => file.startsWith('search/records.json'))).toEqual([]);
	});
});
