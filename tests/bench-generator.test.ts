// The scale benchmark's synthetic content (scripts/bench/generate.ts) is content the site accepts:
// every file passes the real schemas, every link resolves, and the text is the report's own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent, touchEntry, type GeneratedContent } from '../scripts/bench/generate';
import { splitSentences } from '../src/lib/report-text';
import { fileSchemas, readContentFiles, splitFrontmatter, type ContentFile } from '../src/tooling/content-files';
import { formatProblem } from '../src/tooling/problems';
import { validateContent } from '../src/tooling/validate';

const scratch = mkdtempSync(join(tmpdir(), 'bench-generator-test-'));
const report = readFileSync('content/reports/2023/report.txt', 'utf8');
let generated: GeneratedContent;
let files: ContentFile[];

beforeAll(() => {
	// 800 entries span two report years, so links across years are exercised.
	generated = generateContent({ entries: 800, outDir: join(scratch, 'content'), seed: 7 });
	files = readContentFiles(generated.root);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ofCollection = (collection: ContentFile['collection']) => files.filter((f) => f.collection === collection);

describe('bench content generator', () => {
	it('writes the number of entries asked for, over several years, outside content/', () => {
		expect(generated.root.startsWith(scratch)).toBe(true);
		expect(ofCollection('achievements').length + ofCollection('measures').length).toBe(800);
		expect(generated.achievements + generated.measures).toBe(800);
		expect(generated.years).toEqual([2022, 2023, 2024]);
		expect(ofCollection('owners').length).toBeGreaterThanOrEqual(24);
	});

	it('writes only files that pass the site schemas, one report folder per year', () => {
		for (const file of files) {
			const result = fileSchemas[file.collection].safeParse(file.data);
			expect(result.error?.issues ?? [], file.path).toEqual([]);
		}
		expect(ofCollection('reports').map((f) => f.id)).toEqual(['2022', '2023']);
	});

	it('passes the content check that `npm run build` runs first', () => {
		expect(validateContent(generated.root).map(formatProblem)).toEqual([]);
	});

	it('gives every file an id of its own and links only to files that exist', () => {
		const ids = new Map((['reports', 'owners', 'sections', 'achievements', 'measures'] as const).map((c) => [c, new Set(ofCollection(c).map((f) => f.id))]));
		for (const [collection, set] of ids) expect(set.size, collection).toBe(ofCollection(collection).length);
		const has = (collection: 'owners' | 'sections' | 'achievements', id: string | undefined) => id === undefined || ids.get(collection)!.has(id);
		for (const file of ofCollection('sections')) expect(has('sections', (file.data as { parent?: string }).parent), file.path).toBe(true);
		for (const file of [...ofCollection('achievements'), ...ofCollection('measures')]) {
			const data = file.data as { owner: string; section: string; partners?: string[]; continues?: string[]; actions?: { owner?: string }[] };
			expect(has('owners', data.owner), file.path).toBe(true);
			expect(has('sections', data.section), file.path).toBe(true);
			for (const partner of data.partners ?? []) expect(has('owners', partner), file.path).toBe(true);
			for (const achievement of data.continues ?? []) expect(has('achievements', achievement), file.path).toBe(true);
		}
	});

	it('keeps each measure’s status equal to its latest update and its updates in date order', () => {
		for (const file of ofCollection('measures')) {
			const measure = fileSchemas.measures.parse(file.data);
			const dates = measure.updates.map((u) => u.date.getTime());
			expect(dates, file.path).toEqual([...dates].sort((a, b) => a - b));
			expect(measure.status, file.path).toBe(measure.updates.at(-1)?.status ?? 'planned');
		}
	});

	it('writes bodies made of the report’s own sentences, each whole sentence once per report', () => {
		const template = new Set(report.split('\n').flatMap(splitSentences));
		const texts = new Map<string, Set<string>>();
		const textOf = (id: string) =>
			texts.get(id) ?? texts.set(id, new Set(readFileSync(join(generated.root, 'reports', id, 'report.txt'), 'utf8').split('\n').flatMap(splitSentences))).get(id)!;
		for (const file of [...ofCollection('achievements'), ...ofCollection('measures')].slice(0, 200)) {
			const body = file.body.split('\n').flatMap(splitSentences);
			expect(body.length, file.path).toBeGreaterThan(0);
			for (const sentence of body) {
				expect(textOf(file.report!).has(sentence), `${file.path}: ${sentence}`).toBe(true);
				// The template's sentence, or the same marked for a later round (其二, 其三…).
				expect(template.has(sentence.replace(/（其[二三四五六七八九十]+）。$/, '。')), `${file.path}: ${sentence}`).toBe(true);
			}
		}
	});

	it('writes the same files for the same seed', () => {
		const again = generateContent({ entries: 800, outDir: join(scratch, 'again'), seed: 7 });
		const first = readFileSync(generated.sampleEntry, 'utf8');
		expect(readFileSync(again.sampleEntry, 'utf8')).toBe(first);
	});

	it('edits one entry for the rebuild timing and leaves it valid', () => {
		const before = splitFrontmatter(readFileSync(generated.sampleEntry, 'utf8'))!;
		touchEntry(generated.sampleEntry, 1);
		touchEntry(generated.sampleEntry, 2);
		const after = readContentFiles(generated.root).find((f) => join(generated.root, '..', f.path) === generated.sampleEntry)!;
		const data = fileSchemas.achievements.parse(after.data);
		expect(data.summary).toMatch(/（修订二）$/);
		expect(data.summary).not.toMatch(/修订一/);
		expect(after.body).toBe(before.body);
	});

	it('refuses a size it cannot spread over an achievement and a measure', () => {
		expect(() => generateContent({ entries: 1, outDir: join(scratch, 'one') })).toThrow(/at least 2/);
	});
});
