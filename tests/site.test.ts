// The built site: every entry has its page, the open data matches the content, pages are Chinese
// and carry no client JavaScript.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../src/lib/report-text';
import { fileSchemas, readContentFiles } from '../src/tooling/content-files';
import { collectionNames } from '../src/tooling/file-schemas';
import { schemaFileNames, serializeSchema } from '../src/tooling/json-schema';
import { testDist } from './setup/build-site';

const page = (path: string) => readFileSync(join(testDist, path, /\.\w+$/.test(path) ? '' : 'index.html'), 'utf8');
const files = readContentFiles();
const entries = files.filter((f) => f.collection === 'achievements' || f.collection === 'measures');
const kindOf = { achievements: 'achievement', measures: 'measure' } as const;

describe('built site', () => {
	it.each(['', 'achievements/', 'measures/', 'owners/', 'figures/', 'source/', '404.html'])('/%s is a Chinese page whose only script is the large-text toggle', (path) => {
		const html = page(path);
		expect(html).toMatch(/<html lang="zh-CN"/);
		const scripts = html.match(/<script\b[^>]*>/g) ?? [];
		expect(scripts.filter((tag) => !tag.includes('application/ld+json'))).toEqual(['<script src="/large-text.js">']);
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

	it('links each entry page to its paragraph of the report', () => {
		for (const file of entries) expect(page(`${file.collection}/${file.id}/`), file.path).toMatch(/href="\/source\/#p\d+"/);
	});

	it('shows every paragraph of the report on /source/ with an anchor', () => {
		const html = page('source/');
		const paragraphs = readFileSync('content/report-2023.txt', 'utf8').split('\n').filter(Boolean);
		paragraphs.forEach((_, index) => expect(html).toContain(`id="p${index + 1}"`));
	});
});

describe('open data', () => {
	const data = JSON.parse(page('data/entries.json')) as {
		entries: { id: string; kind: string; year: number; title: string; section: string; owner: string; status: string; url: string; text: string }[];
		sections: { id: string; year: number; title: string; text: string }[];
	};

	it('lists every entry with the fields of its file', () => {
		expect(data.entries).toHaveLength(entries.length);
		for (const file of entries) {
			const parsed = fileSchemas[file.collection].parse(file.data) as { year: number; title: string; section: string; owner: string; status: string };
			const row = data.entries.find((e) => e.id === file.id && e.kind === kindOf[file.collection as keyof typeof kindOf]);
			expect(row, file.path).toMatchObject({ year: parsed.year, title: parsed.title, section: parsed.section, owner: parsed.owner, status: parsed.status });
			expect(row?.url).toBe(`/${file.collection}/${file.id}/`);
			expect(row?.text).toBe(plainText(file.body));
		}
	});

	it('lists every section with its intro', () => {
		expect(data.sections.map((s) => s.id).sort()).toEqual(files.filter((f) => f.collection === 'sections').map((f) => f.id).sort());
	});

	it('offers the same entries as CSV with a BOM for Excel', () => {
		const csv = page('data/entries.csv');
		expect(csv.startsWith('\uFEFFid,kind,year,title,section,owner,status,url,text')).toBe(true);
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
