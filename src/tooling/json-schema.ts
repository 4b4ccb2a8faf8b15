/**
 * JSON Schema of each content file, generated from the Zod schemas (`z.toJSONSchema`) with links
 * as plain ids, the Chinese field descriptions added for editor hints. The same function feeds the
 * published `/data/schema/*.json`, the committed copies editors read, the field table of
 * CONTRIBUTING.md and the validator's lookups, so none of them can say something the schemas don't.
 */
import { z } from 'astro/zod';
import { kinds, qualifiers, statusLabels } from '../vocabulary';
import { fieldDocs } from './field-docs';
import { collectionLabels, expectedPlace, fileSchemas, referenceKeyword, type CollectionName } from './file-schemas';

export interface JsonSchemaNode {
	type?: string;
	format?: string;
	enum?: unknown[];
	properties?: Record<string, JsonSchemaNode>;
	required?: string[];
	items?: JsonSchemaNode;
	default?: unknown;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: number;
	description?: string;
	title?: string;
	[referenceKeyword]?: CollectionName;
	[key: string]: unknown;
}

/** The file name of each collection's schema, as published and committed. */
export const schemaFileNames: Record<CollectionName, string> = {
	reports: 'report.json',
	owners: 'owner.json',
	sections: 'section.json',
	achievements: 'achievement.json',
	measures: 'measure.json',
};

/** The committed copies, for editors that map a schema to files by path (see CONTRIBUTING.md). */
export const committedSchemaFolder = 'src/tooling/json-schema';

/** Chinese label of a vocabulary value (a status, kind or qualifier), when it has one. */
export function valueLabel(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	if (value in statusLabels) return statusLabels[value as keyof typeof statusLabels];
	if (value in kinds) return kinds[value as keyof typeof kinds];
	if (value in qualifiers) return qualifiers[value as keyof typeof qualifiers] === 'before' ? '写在数字前' : '写在数字后';
	return undefined;
}

/** `planned（未启动）、done（已完成）` */
export const describeValues = (values: readonly unknown[]) =>
	values.map((value) => (valueLabel(value) ? `${String(value)}（${valueLabel(value)}）` : String(value))).join('、');

/** Calls `visit` for every field under `node`, with its path in the `actions[].status` notation. */
export function eachField(node: JsonSchemaNode, visit: (path: string, node: JsonSchemaNode, required: boolean) => void, prefix = '') {
	for (const [name, child] of Object.entries(node.properties ?? {})) {
		const path = prefix ? `${prefix}.${name}` : name;
		visit(path, child, node.required?.includes(name) ?? false);
		if (child.type === 'array' && child.items) {
			if (child.items.type === 'object') eachField(child.items, visit, `${path}[]`);
			else visit(`${path}[]`, child.items, true);
		} else if (child.type === 'object') eachField(child, visit, path);
	}
}

/** The schema node at a field path given as Zod gives it (`['actions', 1, 'status']`). */
export function nodeAt(root: JsonSchemaNode, path: readonly PropertyKey[]): JsonSchemaNode | undefined {
	let node: JsonSchemaNode | undefined = root;
	for (const key of path) {
		if (!node) return undefined;
		node = typeof key === 'number' ? node.items : node.properties?.[String(key)];
	}
	return node;
}

/** How the Zod schemas become JSON Schema; tests/check-docs.test.ts converts with the same. */
export const jsonSchemaOptions = {
	// Draft 7 is the newest draft every editor's YAML/JSON support reads in full.
	target: 'draft-07',
	// The files hold input: fields with a default may be left out.
	io: 'input',
	// A day is read with z.coerce.date(); in the file it is written YYYY-MM-DD.
	unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === 'date' ? { type: 'string', format: 'date' } : 'throw'),
} satisfies Parameters<typeof z.toJSONSchema>[1];

function generate(collection: CollectionName): JsonSchemaNode {
	const schema = z.toJSONSchema(fileSchemas[collection], jsonSchemaOptions) as JsonSchemaNode;
	const docs = fieldDocs[collection];
	eachField(schema, (path, node) => {
		const doc = docs[path];
		if (!doc) return;
		const values = node.enum ? `可选：${describeValues(node.enum)}。` : '';
		node.description = `【${doc.label}】${doc.description}${values}`;
	});
	const kind = collectionLabels[collection];
	const where = expectedPlace(collection);
	return {
		$schema: schema['$schema'],
		title: `${kind}（${where}${where.endsWith('.mdx') ? ' 的 frontmatter' : ''}）`,
		...schema,
	};
}

const cache = new Map<CollectionName, JsonSchemaNode>();

/** The JSON Schema of one collection's files; generated once per process. */
export function jsonSchemaOf(collection: CollectionName): JsonSchemaNode {
	let schema = cache.get(collection);
	if (!schema) cache.set(collection, (schema = generate(collection)));
	return schema;
}

/** The file's text as published and committed: stable key order, tabs, final newline. */
export const serializeSchema = (collection: CollectionName) => `${JSON.stringify(jsonSchemaOf(collection), null, '\t')}\n`;
