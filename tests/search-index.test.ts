// The index step of the build (src/integrations/pagefind.ts) on a small site of its own: what it
// indexes, and that any failure fails the build.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../src/integrations/pagefind';
import { loadSearch } from '../src/lib/search-node';
import { searchRecordsPath, type SearchRecords } from '../src/lib/search-records';
import { variantsFile, type VariantTable } from '../src/lib/search-variants';

const page = (body: string) => `<!doctype html><html lang="zh-CN"><body><header>长者模式</header><main>${body}</main></body></html>`;

function site(files: Record<string, string>, records: SearchRecords | null = { records: [] }) {
	const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
	const all = records ? { ...files, [searchRecordsPath]: JSON.stringify(records) } : files;
	for (const [path, content] of Object.entries(all)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), content);
	}
	return dir;
}

const fixture = () =>
	site(
		{
			'measures/x/index.html': page('<article data-pagefind-body><h1>做好老旧电梯安全评估</h1><p>苏小检在行动。</p></article>'),
			'about/index.html': page('<h1>关于本站</h1><p>老旧电梯</p>'),
			'owners/szipa/index.html': page('<h1>苏州市知识产权局</h1><p>简称：市知识产权局。</p><table><tr><td>老旧电梯</td></tr></table>'),
		},
		{
			records: [
				{ url: '/measures/#section-a', html: page('<main data-pagefind-body><h1>全力保障特种设备安全</h1></main>') },
			],
		},
	);

const urlsFor = async (dir: string, query: string) => {
	const { engine } = await loadSearch(dir);
	return Promise.all((await engine.search(query)).results.map(async (r) => (await r.data()).url));
};

describe('buildSearchIndex', () => {
	it('indexes marked pages, owner headings and extra records, and removes its build input', async () => {
		const dir = fixture();
		expect(await buildSearchIndex(dir)).toBe(3);
		expect(await urlsFor(dir, '老旧电梯')).toEqual(['/measures/x/']);
		expect(await urlsFor(dir, '小检')).toEqual(['/measures/x/']);
		expect(await urlsFor(dir, '知识产权局')).toEqual(['/owners/szipa/']);
		expect(await urlsFor(dir, '特种设备')).toEqual(['/measures/#section-a']);
		expect(await urlsFor(dir, '长者模式')).toEqual([]);
		expect(readdirSync(dirname(join(dir, searchRecordsPath)))).toEqual([]);
	});

	it('writes the traditional-character table for the text it indexed, and the engine reads queries with it', async () => {
		const dir = fixture();
		await buildSearchIndex(dir);
		const table = JSON.parse(readFileSync(join(dir, 'pagefind', variantsFile), 'utf8')) as VariantTable;
		expect(table.chars['電']).toBe('电');
		expect(table.chars['權']).toBe('权');
		// 车 stands nowhere in the fixture: 車 could find nothing either way.
		expect(table.chars['車']).toBeUndefined();
		expect(await urlsFor(dir, '老舊電梯')).toEqual(['/measures/x/']);
		expect(await urlsFor(dir, '知識產權局')).toEqual(['/owners/szipa/']);
	});

	it('fails when Pagefind reports an error, and can run again afterwards', async () => {
		const dir = fixture();
		// Pagefind panics on a write error (its output folder is a file here) and never answers.
		writeFileSync(join(dir, 'taken'), '');
		await expect(buildSearchIndex(dir, { outputPath: join(dir, 'taken', 'pagefind'), timeoutMs: 3000 })).rejects.toThrow(
			/Search index failed: Pagefind \(writeFiles\)/,
		);
		expect(await buildSearchIndex(fixture())).toBe(3);
	});

	it('fails when the extra records are missing', async () => {
		await expect(buildSearchIndex(site({ 'a/index.html': page('<p data-pagefind-body>电梯</p>') }, null))).rejects.toThrow(/records\.json/);
	});
});
