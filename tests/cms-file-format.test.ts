// The CMS's file format never rewrites what the form did not change: every content file comes
// back byte for byte, also when the form fills in the empty values it adds to every entry, and an
// edit changes only the keys it touched (golden files in tests/fixtures/cms/).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmsCollectionOf, fieldOrder } from '../src/cms/config';
import { readFile, writeFile, type FileKind } from '../src/cms/file-format';
import type { CollectionName } from '../src/tooling/file-schemas';
import { jsonSchemaOf, type JsonSchemaNode } from '../src/tooling/json-schema';

const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures', 'cms');

const contentFiles = readdirSync(join(root, 'content'), { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile() && /\.(mdx|yaml)$/.test(entry.name))
	.map((entry) => relative(root, join(entry.parentPath, entry.name)));

const kindOf = (path: string): FileKind => (path.endsWith('.mdx') ? 'mdx' : 'yaml');

/** What the CMS hands back for an untouched entry: every field of the form, empty ones as '' or []. */
function asForm(values: Record<string, unknown>, schema: JsonSchemaNode): Record<string, unknown> {
	const filled: Record<string, unknown> = { ...values };
	for (const [name, node] of Object.entries(schema.properties ?? {})) {
		const value = filled[name];
		if (value === undefined) filled[name] = node.type === 'array' ? [] : '';
		else if (node.type === 'array' && node.items?.type === 'object' && Array.isArray(value)) filled[name] = value.map((item) => asForm(item as Record<string, unknown>, node.items!));
	}
	return filled;
}

/** The CMS trims what a format writes and ends it with one newline. */
const saved = (text: string) => `${text.trim()}\n`;

function save(path: string, edit: (values: Record<string, unknown>) => void = () => {}) {
	const collection = cmsCollectionOf(path);
	const text = readFileSync(join(root, path), 'utf8');
	const values = asForm(readFile(text, kindOf(path)), jsonSchemaOf(collection));
	edit(values);
	return saved(writeFile(values, { kind: kindOf(path), fieldOrder: fieldOrder(collection), statusFromUpdates: collection === 'measures' }));
}

describe('the CMS file format', () => {
	it('finds the content files', () => {
		expect(contentFiles.length).toBeGreaterThan(100);
	});

	it.each(contentFiles)('%s: a save that changes nothing writes it back byte for byte', (path) => {
		expect(save(path)).toBe(readFileSync(join(root, path), 'utf8'));
	});

	const measure = 'tests/fixtures/cms/measure.mdx';
	const golden = (name: string) => readFileSync(join(fixtures, name), 'utf8');
	const collectionOfFixture = (path: string): CollectionName => (path === measure ? 'measures' : cmsCollectionOf(path));
	const edited = (edit: (values: Record<string, unknown>) => void) => {
		const text = readFileSync(join(root, measure), 'utf8');
		const values = asForm(readFile(text, 'mdx'), jsonSchemaOf('measures'));
		edit(values);
		return saved(writeFile(values, { kind: 'mdx', fieldOrder: fieldOrder(collectionOfFixture(measure)), statusFromUpdates: true }));
	};

	it('adding an update changes only updates and status, which follows the latest update', () => {
		const text = edited((values) => {
			(values['updates'] as unknown[]).push({ date: '2024-03-15', status: 'in-progress', note: '已启动生物医药“面对面”对接服务。', source: { report: '2023', paragraph: 2 } });
		});
		expect(text).toBe(golden('add-update.mdx'));
	});

	it("changing a task's status rewrites only the actions", () => {
		const text = edited((values) => {
			(values['actions'] as Record<string, unknown>[])[0]!['status'] = 'in-progress';
		});
		expect(text).toBe(golden('change-action-status.mdx'));
	});

	it('adding a partner inserts the key where the schema puts it', () => {
		const text = edited((values) => {
			values['partners'] = ['jsmpa-suzhou-center'];
		});
		expect(text).toBe(golden('add-partner.mdx'));
	});

	it('writes a changed body as given and keeps an untouched one', () => {
		const text = edited((values) => {
			values['body'] = '新的正文。';
		});
		expect(text.endsWith('---\n\n新的正文。\n')).toBe(true);
		expect(text.split('---\n')[1]).toBe(readFileSync(join(root, measure), 'utf8').split('---\n')[1]);
	});

	it('drops a key the form emptied and keeps every other line', () => {
		const text = edited((values) => {
			values['tags'] = [];
			values['continues'] = [];
		});
		const before = readFileSync(join(root, measure), 'utf8').split('\n');
		const after = text.split('\n');
		expect(before.filter((line) => !after.includes(line))).toEqual(['tags: [生物医药, 面对面, 产品上市]', 'continues: [biomedicine-review-workstations]']);
		expect(after).toContain('tags: []');
		expect(after).toContain('continues: []');
	});

	it('writes a new file in schema order, without empty values', () => {
		const text = writeFile({ name: '某单位', shortName: '某', extra: '' }, { kind: 'yaml', fieldOrder: fieldOrder('owners') });
		expect(text).toBe('name: 某单位\nshortName: 某\n');
	});

	it('says in Chinese when an MDX file has no frontmatter', () => {
		expect(() => readFile('正文', 'mdx')).toThrow('frontmatter');
	});
});
