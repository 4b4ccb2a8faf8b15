/**
 * The CMS's collections and fields, generated from the content files' JSON Schema (itself
 * generated from the Zod schemas) and the Chinese field docs: no field list is kept by hand.
 * The committed copy (`src/cms/config.json`) is what /admin/ loads; tests/cms-config.test.ts
 * fails when it is stale (`npm run cms:config` writes it). The backend (the bureau's GitLab) is deployment configuration and is
 * added at build time by `backend.ts`.
 */
import { reportLayout } from '../lib/layout';
import { fieldDocs } from '../tooling/field-docs';
import { collectionLabels, layout, type CollectionName } from '../tooling/file-schemas';
import { jsonSchemaOf, valueLabel, type JsonSchemaNode } from '../tooling/json-schema';
import { bodyKey, originalKey } from './file-format';

/** Label of the body field: staff quote the report, they do not write. */
export const bodyLabel = '正文（逐句照录报告原文）';

/**
 * The CMS's name of the file format of a collection (`src/cms/file-format.ts`), one per collection:
 * the CMS hands a format only the values, and where a new key goes depends on the collection.
 */
export const formatName = (collection: CollectionName) => `layout-${collection}`;

type Field = Record<string, unknown>;

/** How a link's target is listed in a relation widget. */
const relationDisplay: Record<CollectionName, { search: string[]; display: string }> = {
	reports: { search: ['title'], display: '{{title}}' },
	owners: { search: ['name', 'shortName'], display: '{{name}}' },
	// Years are left out: the CMS shows a number with a thousands separator (2,024).
	sections: { search: ['title', 'numbering'], display: '{{title}}' },
	achievements: { search: ['title', 'summary'], display: '{{title}}' },
	measures: { search: ['title', 'summary'], display: '{{title}}' },
};

/** Fields whose text runs to sentences: a multi-line box. */
const longText = new Set(['summary', 'intro', 'updates[].note']);

/** The file path pattern of a collection under `content/reports/`, `{{report}}` standing for any report. */
const pathOf = (collection: CollectionName) =>
	collection === 'reports' ? `{{slug}}/${reportLayout.file.replace(/\.yaml$/, '')}` : `{{year}}/${layout[collection].folder}/{{slug}}`;

/** The CMS collection a content file belongs to, from its path (`content/reports/2023/measures/x.mdx`). */
export function cmsCollectionOf(path: string): CollectionName {
	const parts = path.split('/');
	if (parts[1] !== reportLayout.folder) return 'owners';
	if (parts.at(-1) === reportLayout.file) return 'reports';
	const folder = parts.at(-2);
	const found = (Object.keys(layout) as CollectionName[]).find((name) => layout[name].inReport && layout[name].folder === folder);
	if (!found) throw new Error(`${path} is not a content file the CMS edits`);
	return found;
}

/** The fields in the schema's order, where a key a file did not have is put. */
export const fieldOrder = (collection: CollectionName) => Object.keys(jsonSchemaOf(collection).properties ?? {});

function hint(collection: CollectionName, path: string) {
	return fieldDocs[collection][path]?.description;
}

/** One form field from its JSON Schema node. */
function fieldOf(collection: CollectionName, name: string, path: string, node: JsonSchemaNode, required: boolean): Field {
	const doc = fieldDocs[collection][path];
	const common: Field = { name, label: doc?.label ?? name, ...(hint(collection, path) ? { hint: hint(collection, path) } : {}), required };
	const target = node['x-reference'];
	if (target) return { ...common, ...relation(target) };
	if (node.enum) return { ...common, widget: 'select', options: node.enum.map((value) => ({ label: valueLabel(value) ?? String(value), value })), ...('default' in node ? { default: node.default } : {}) };
	if (node.anyOf) return { ...common, widget: 'object', collapsed: false, fields: unionFields(collection, path, node.anyOf as JsonSchemaNode[]) };
	switch (node.type) {
		case 'string':
			if (node.format === 'date') return { ...common, widget: 'datetime', time_format: false, date_format: 'YYYY-MM-DD', format: 'YYYY-MM-DD' };
			return { ...common, widget: longText.has(path) ? 'text' : 'string' };
		case 'integer':
			return { ...common, widget: 'number', value_type: 'int', ...(node.minimum !== undefined ? { min: node.minimum } : {}) };
		case 'number':
			return { ...common, widget: 'number', value_type: 'float' };
		case 'array': {
			const items = node.items ?? {};
			const itemTarget = items['x-reference'];
			if (itemTarget) return { ...common, ...relation(itemTarget), multiple: true };
			if (items.type === 'object') return { ...common, widget: 'list', fields: objectFields(collection, items, `${path}[]`) };
			return { ...common, widget: 'list' };
		}
		case 'object':
			return { ...common, widget: 'object', fields: objectFields(collection, node, path) };
		default:
			throw new Error(`${collection}.${path}: no CMS widget for JSON Schema type ${String(node.type)}`);
	}
}

const relation = (target: CollectionName): Field => ({
	widget: 'relation',
	collection: target,
	value_field: '{{slug}}',
	search_fields: relationDisplay[target].search,
	display_fields: [relationDisplay[target].display],
});

function objectFields(collection: CollectionName, node: JsonSchemaNode, prefix: string): Field[] {
	return Object.entries(node.properties ?? {}).map(([name, child]) => fieldOf(collection, name, prefix ? `${prefix}.${name}` : name, child, node.required?.includes(name) ?? false));
}

/**
 * A choice between shapes (an update's source: a report's paragraph, or a web page) has no widget
 * of its own: every shape's fields are offered, all optional, and the content check says when a
 * mix of them is not one of the shapes. Their labels come from the union's own documentation.
 */
function unionFields(collection: CollectionName, path: string, shapes: JsonSchemaNode[]): Field[] {
	const label = fieldDocs[collection][path]?.label ?? path;
	return shapes.flatMap((shape) =>
		Object.entries(shape.properties ?? {}).map(([name, child]) => ({ ...fieldOf(collection, name, `${path}.${name}`, child, false), label: `${label}：${sourceLabels[name] ?? name}` })),
	);
}

/** The parts of a source, named as the contributor guide names them. */
const sourceLabels: Record<string, string> = { report: '报告编号', paragraph: '段落序号', url: '网址', title: '标题' };

function collectionOf(collection: CollectionName): Field {
	const schema = jsonSchemaOf(collection);
	const isEntry = layout[collection].extension === '.mdx';
	const fields = [
		...objectFields(collection, schema, ''),
		...(isEntry ? [{ name: bodyKey, label: bodyLabel, widget: 'text', hint: '报告中与这一条对应的原句，逐字照录；不要改写，不要加格式。' }] : []),
		// The file as read, so that saving keeps what did not change (src/cms/file-format.ts).
		{ name: originalKey, widget: 'hidden' },
	];
	return {
		name: collection,
		label: collectionLabels[collection],
		label_singular: collectionLabels[collection],
		folder: collection === 'owners' ? `content/${layout.owners.folder}` : `content/${reportLayout.folder}`,
		...(collection === 'owners' ? {} : { path: pathOf(collection) }),
		format: formatName(collection),
		// New files come from `npm run new`, which picks a free slug, section and order.
		create: false,
		delete: false,
		identifier_field: collection === 'owners' ? 'name' : 'title',
		summary: relationDisplay[collection].display,
		...(isEntry ? { sortable_fields: ['year', 'title', 'status'] } : {}),
		fields,
	};
}

/** Collections in the order staff need them: progress first. */
const order: CollectionName[] = ['measures', 'achievements', 'sections', 'reports', 'owners'];

/** The CMS configuration without its backend. */
export function cmsConfig() {
	return {
		load_config_file: false,
		media_folder: 'public/uploads',
		public_folder: '/uploads',
		collections: order.map(collectionOf),
	};
}

/** The committed copy's text: stable key order, tabs, final newline. */
export const serializeCmsConfig = () => `${JSON.stringify(cmsConfig(), null, '\t')}\n`;

export const committedCmsConfig = 'src/cms/config.json';
