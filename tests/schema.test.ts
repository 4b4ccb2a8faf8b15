// The schemas accept good entries and reject bad ones, naming the field at fault.
import { describe, expect, it } from 'vitest';
import { fileSchemas } from '../src/tooling/content-files';

const measure = {
	title: '落实公平竞争审查制度',
	year: 2024,
	section: '2024-1-1',
	order: 1,
	owner: 'szamr',
	status: 'planned',
	summary: '全面落实公平竞争审查制度。',
	tags: ['公平竞争审查'],
	actions: [{ title: '全面落实公平竞争审查制度', status: 'planned' }],
	continues: [],
	updates: [],
};
const achievement = {
	title: '线下购物无理由退货',
	year: 2023,
	section: '2023-2-1-3',
	order: 1,
	owner: 'szamr',
	status: 'done',
	summary: '签约商户超过10.7万家。',
	metrics: [{ label: '线下购物无理由退货签约商户', value: 10.7, unit: '万家', qualifier: '超过' }],
};

/** The dotted paths of the fields a parse complains about. */
const failingPaths = (schema: keyof typeof fileSchemas, data: unknown) => {
	const result = fileSchemas[schema].safeParse(data);
	return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('entry schemas', () => {
	it('accepts a complete measure and fills the defaults', () => {
		const parsed = fileSchemas.measures.parse({ ...measure, actions: undefined, continues: undefined, updates: undefined });
		expect(parsed).toMatchObject({ actions: [], continues: [], updates: [], partners: [], metrics: [] });
	});

	it('accepts an achievement with a qualified figure', () => {
		expect(fileSchemas.achievements.parse(achievement).metrics[0]).toEqual(achievement.metrics[0]);
	});

	it.each([
		['status', 'measures', { ...measure, status: 'done-ish' }],
		['owner', 'measures', { ...measure, owner: undefined }],
		['actions.0.status', 'measures', { ...measure, actions: [{ title: '任务', status: 'finished' }] }],
		['updates.0.date', 'measures', { ...measure, updates: [{ date: 'not a date', status: 'done', note: '完成' }] }],
		['status', 'achievements', { ...achievement, status: 'planned' }],
		['metrics.0.value', 'achievements', { ...achievement, metrics: [{ label: '签约商户', value: '10.7万', unit: '家' }] }],
		['metrics.0.qualifier', 'achievements', { ...achievement, metrics: [{ label: '签约商户', value: 10.7, unit: '万家', qualifier: '大约' }] }],
		['order', 'achievements', { ...achievement, order: 0 }],
		['year', 'achievements', { ...achievement, year: '2023' }],
	] as const)('rejects a bad "%s" in %s', (path, schema, data) => {
		expect(failingPaths(schema, data)).toContain(path);
	});

	it('names an unknown field, which is usually a typo', () => {
		const result = fileSchemas.measures.safeParse({ ...measure, titel: '错字' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['titel'] });
	});
});

describe('section and owner schemas', () => {
	it('requires a title and a known kind', () => {
		expect(failingPaths('sections', { year: 2024, kind: 'plan', order: 1 })).toEqual(expect.arrayContaining(['kind', 'title']));
	});

	it('requires both names of an owner', () => {
		expect(failingPaths('owners', { name: '苏州市市场监督管理局' })).toEqual(['shortName']);
	});
});
