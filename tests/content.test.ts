// The real content against the real schemas, and the links between entries.
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { fileSchemas, readContentFiles, type CollectionName } from '../src/tooling/content-files';

const files = readContentFiles();
const parsed = files.map((file) => ({ file, result: fileSchemas[file.collection].safeParse(file.data) }));
const ids = (collection: CollectionName) => new Set(files.filter((f) => f.collection === collection).map((f) => f.id));
const valid = <C extends CollectionName>(collection: C) =>
	parsed.flatMap(({ file, result }) => (file.collection === collection && result.success ? [{ file, data: result.data as z.output<(typeof fileSchemas)[C]> }] : []));

describe('content files', () => {
	it('has the collections the report needs', () => {
		expect(ids('reports').size).toBeGreaterThanOrEqual(1);
		expect(ids('owners').size).toBeGreaterThanOrEqual(4);
		expect(ids('sections').size).toBeGreaterThanOrEqual(30);
		expect(ids('achievements').size).toBeGreaterThanOrEqual(40);
		expect(ids('measures').size).toBeGreaterThanOrEqual(15);
	});

	it.each(parsed.map(({ file, result }) => [file.path, result] as const))('%s matches its schema', (_, result) => {
		expect(result.error?.issues ?? []).toEqual([]);
	});

	it('uses stable ASCII kebab-case slugs, unique across reports', () => {
		for (const collection of ['achievements', 'measures'] as const) {
			const slugs = files.filter((f) => f.collection === collection).map((f) => f.id);
			for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
			expect(new Set(slugs).size).toBe(slugs.length);
		}
	});

	it('gives every entry and section the year of its report: the summary year for achievements, the plan year for measures', () => {
		const reports = new Map(valid('reports').map(({ file, data }) => [file.id, data]));
		const checked = parsed.filter(({ file }) => file.collection === 'sections' || file.collection === 'achievements' || file.collection === 'measures');
		expect(checked.length).toBeGreaterThan(0);
		for (const { file, result } of checked) {
			const report = reports.get(file.report ?? '');
			expect(report, file.path).toBeDefined();
			const data = result.data as { year: number; kind?: string };
			const kind = file.collection === 'sections' ? data.kind : file.collection === 'achievements' ? 'achievement' : 'measure';
			expect(data.year, file.path).toBe(kind === 'achievement' ? report!.summaryYear : report!.planYear);
		}
	});
});

describe('links between entries', () => {
	const owners = ids('owners');
	const sections = ids('sections');
	const achievements = ids('achievements');
	const sectionData = new Map(valid('sections').map(({ file, data }) => [file.id, data]));

	it('resolves every owner, partner, section and parent', () => {
		for (const { file, data } of [...valid('achievements'), ...valid('measures')]) {
			expect(owners, `${file.path} owner`).toContain(data.owner);
			for (const partner of data.partners) expect(owners, `${file.path} partners`).toContain(partner);
			expect(sections, `${file.path} section`).toContain(data.section);
		}
		for (const { file, data } of valid('measures')) {
			for (const action of data.actions) if (action.owner) expect(owners, `${file.path} actions.owner`).toContain(action.owner);
			for (const id of data.continues) expect(achievements, `${file.path} continues`).toContain(id);
		}
		for (const { file, data } of valid('sections')) if (data.parent) expect(sections, `${file.path} parent`).toContain(data.parent);
		const measures = ids('measures');
		for (const { file, data } of valid('achievements')) for (const id of data.reportsOn) expect(measures, `${file.path} reportsOn`).toContain(id);
	});

	it('places each entry in a section of its own year and kind', () => {
		for (const [kind, list] of [['achievement', valid('achievements')], ['measure', valid('measures')]] as const) {
			for (const { file, data } of list) {
				const section = sectionData.get(data.section);
				expect(section?.kind, file.path).toBe(kind);
				expect(section?.year, file.path).toBe(data.year);
			}
		}
	});

	it('numbers entries and sections uniquely within their parent', () => {
		const keys = [
			...[...valid('achievements'), ...valid('measures')].map(({ data }) => `${data.section}#${data.order}`),
			...valid('sections').map(({ file, data }) => `${data.parent ?? `${file.report}:${data.kind}`}#${data.order}`),
		];
		const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
		expect(duplicates).toEqual([]);
	});

	it('keeps a measure and its tasks planned until a dated update records progress', () => {
		for (const { file, data } of valid('measures')) {
			if (data.updates.length > 0) continue;
			expect(data.status, file.path).toBe('planned');
			for (const action of data.actions) expect(action.status, file.path).toBe('planned');
		}
	});
});
