// Each report is quoted and nothing is added to it: every sentence of a report's text stands whole
// in exactly one place of that report, every body sentence is its report's, every figure too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../src/lib/report-text';
import { readContentFiles } from '../src/tooling/content-files';
import { coverageOf } from '../src/tooling/coverage';

const contentRoot = join(process.cwd(), 'content');
const files = readContentFiles(contentRoot);
const reports = coverageOf(contentRoot, files);

describe('coverage of every report', () => {
	it('reads a text for every report folder', () => {
		const folders = new Set(files.flatMap((f) => (f.collection === 'reports' ? [f.id] : [])));
		expect(reports.map((r) => r.report)).toEqual([...folders].sort());
		for (const r of reports) expect(r.paragraphs.length, r.report).toBeGreaterThan(0);
	});

	describe.each(reports)('report $report', (r) => {
		it.each(r.paragraphs.flatMap((p) => p.sentences.map((s) => [p.number, s] as const)))('paragraph %i: "%s" stands in exactly one place', (_, sentence) => {
			expect(r.placesOf(sentence)).toHaveLength(1);
		});

		it('quotes only whole sentences of its own text in bodies and intros', () => {
			expect(r.foreign).toEqual([]);
		});

		it('states no number in a title, summary, tag or body that the report does not', () => {
			expect(r.inventedNumbers).toEqual([]);
		});

		it('takes every metric from the text it belongs to', () => {
			expect(r.metricsNotInText).toEqual([]);
		});
	});

	it('has a body in every entry', () => {
		const empty = files.filter((f) => (f.collection === 'achievements' || f.collection === 'measures') && !plainText(f.body));
		expect(empty.map((f) => f.path)).toEqual([]);
	});
});
