// What is generated from the schemas stays in step with them: the JSON Schemas (committed and
// published), the field docs and CONTRIBUTING.md's field reference.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { achievementStatuses, measureStatuses } from '../src/vocabulary';
import { generatedFiles, invalidCases, staleGeneratedFiles, statusMeanings } from '../src/tooling/contributing';
import { fieldDocs } from '../src/tooling/field-docs';
import { collectionNames, fileSchemas, type CollectionName } from '../src/tooling/file-schemas';
import { committedSchemaFolder, eachField, jsonSchemaOf, jsonSchemaOptions, nodeAt, schemaFileNames, serializeSchema, type JsonSchemaNode } from '../src/tooling/json-schema';

const projectRoot = join(import.meta.dirname, '..');
const contributing = readFileSync(join(projectRoot, 'CONTRIBUTING.md'), 'utf8');

const fieldsOf = (collection: CollectionName) => {
	const fields: { path: string; node: JsonSchemaNode; required: boolean }[] = [];
	eachField(jsonSchemaOf(collection), (path, node, required) => fields.push({ path, node, required }));
	return fields;
};

/** A file of each kind that passes its schema, to take fields away from. */
const valid: Record<CollectionName, Record<string, unknown>> = {
	reports: { title: '年度报告', publisher: 'szamr', summaryYear: 2023, planYear: 2024 },
	owners: { name: '苏州市市场监督管理局', shortName: '苏州局' },
	sections: { year: 2024, kind: 'measure', order: 1, title: '加强公平竞争监管' },
	achievements: { title: '线下购物无理由退货', year: 2023, section: '2023-2-1-3', order: 1, owner: 'szamr', status: 'done', summary: '摘要。' },
	measures: { title: '落实公平竞争审查制度', year: 2024, section: '2024-1-1', order: 1, owner: 'szamr', status: 'planned', summary: '摘要。' },
};

/** Without the descriptions this project adds to every field. */
function withoutDescriptions(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(withoutDescriptions);
	if (!node || typeof node !== 'object') return node;
	return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'description').map(([key, value]) => [key, withoutDescriptions(value)]));
}

/** Zod's own JSON Schema: the published one without the added title and descriptions. */
function plain(schema: Record<string, unknown>): unknown {
	const { title: _, ...rest } = schema;
	return withoutDescriptions(rest);
}

describe('JSON Schema of the content files', () => {
	it.each(collectionNames)('%s: the committed copy is what the Zod schema gives now', (collection) => {
		const committed = join(projectRoot, committedSchemaFolder, schemaFileNames[collection]);
		expect(readFileSync(committed, 'utf8')).toBe(serializeSchema(collection));
	});

	it.each(collectionNames)('%s: is z.toJSONSchema of the Zod schema, with descriptions added', (collection) => {
		const fresh = z.toJSONSchema(fileSchemas[collection], jsonSchemaOptions);
		expect(plain(JSON.parse(serializeSchema(collection)))).toEqual(withoutDescriptions(fresh));
	});

	it.each(collectionNames)('%s: requires exactly the fields Zod requires', (collection) => {
		const schema = jsonSchemaOf(collection);
		for (const field of Object.keys(schema.properties ?? {})) {
			const { [field]: _, ...without } = valid[collection];
			const zodRequires = !fileSchemas[collection].safeParse(without).success;
			expect(schema.required?.includes(field) ?? false, field).toBe(zodRequires);
		}
		expect(fileSchemas[collection].safeParse(valid[collection]).success).toBe(true);
	});

	it('offers exactly the statuses the vocabulary defines', () => {
		expect(nodeAt(jsonSchemaOf('achievements'), ['status'])?.enum).toEqual(Object.keys(achievementStatuses));
		for (const path of [['status'], ['actions', 0, 'status'], ['updates', 0, 'status']]) {
			expect(nodeAt(jsonSchemaOf('measures'), path)?.enum, path.join('.')).toEqual(Object.keys(measureStatuses));
		}
	});

	it('is mapped to the YAML files in the committed editor settings', () => {
		const settings = JSON.parse(readFileSync(join(projectRoot, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
		expect(settings['yaml.schemas']).toEqual({
			[`./${committedSchemaFolder}/${schemaFileNames.owners}`]: 'content/owners/*.yaml',
			[`./${committedSchemaFolder}/${schemaFileNames.sections}`]: 'content/reports/*/sections/*.yaml',
			[`./${committedSchemaFolder}/${schemaFileNames.reports}`]: 'content/reports/*/report.yaml',
		});
		for (const path of Object.keys(settings['yaml.schemas'])) expect(existsSync(join(projectRoot, path)), path).toBe(true);
	});

	it('marks every link with the collection it points at', () => {
		expect(nodeAt(jsonSchemaOf('measures'), ['owner'])?.['x-reference']).toBe('owners');
		expect(nodeAt(jsonSchemaOf('measures'), ['continues', 0])?.['x-reference']).toBe('achievements');
		expect(nodeAt(jsonSchemaOf('sections'), ['parent'])?.['x-reference']).toBe('sections');
	});
});

describe('field docs and CONTRIBUTING.md', () => {
	it.each(collectionNames)('%s: every schema field has a Chinese name and description, and every description a field', (collection) => {
		const paths = fieldsOf(collection).map((f) => f.path);
		for (const path of paths) expect(fieldDocs[collection][path]?.description, path).toMatch(/[\u4e00-\u9fff]/);
		expect(Object.keys(fieldDocs[collection]).toSorted()).toEqual(paths.toSorted());
	});

	it.each(collectionNames)('%s: CONTRIBUTING.md lists every field with its Chinese name', (collection) => {
		for (const { path } of fieldsOf(collection).filter((f) => !f.path.endsWith('[]'))) {
			expect(contributing, path).toContain(`| \`${path}\` | ${fieldDocs[collection][path]?.label} |`);
		}
	});

	it('explains every status with its Chinese label', () => {
		for (const [status, label] of [...Object.entries(achievementStatuses), ...Object.entries(measureStatuses)]) {
			expect(contributing).toContain(`| \`${status}\` | ${label} |`);
		}
		expect(Object.keys(statusMeanings.achievement)).toEqual(Object.keys(achievementStatuses));
		expect(Object.keys(statusMeanings.measure)).toEqual(Object.keys(measureStatuses));
	});

	it('has every generated part as the code renders it now', () => {
		expect(staleGeneratedFiles(projectRoot)).toEqual([]);
		const guide = generatedFiles(projectRoot).find((f) => f.path === 'CONTRIBUTING.md');
		expect(guide?.content).toBe(contributing);
	});

	it('shows the messages of every broken example file under its kind of mistake', () => {
		const cases = invalidCases(projectRoot);
		expect(cases.length).toBeGreaterThanOrEqual(20);
		for (const { title, expected } of cases) {
			const section = contributing.split(`#### ${title}\n`)[1]?.split('#### ')[0] ?? '';
			for (const line of expected) expect(section, title).toContain(line);
		}
	});
});
