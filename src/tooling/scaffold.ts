/**
 * A new measure or achievement file that passes the check as written: every field commented in
 * Chinese from the field docs, linked to a section, owner and free order that exist. Never
 * overwrites: a slug already used in any report is refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { reportLayout } from '../lib/layout';
import { kindRegistry, kinds, type Kind } from '../vocabulary';
import { scanContent } from './content-files';
import { fieldDocs } from './field-docs';
import { layout, type CollectionName } from './file-schemas';
import { describeValues, jsonSchemaOf, type JsonSchemaNode } from './json-schema';

export const scaffoldKinds = { measure: 'measures', achievement: 'achievements' } as const satisfies Record<Kind, CollectionName>;

export interface ScaffoldOptions {
	kind: Kind;
	slug: string;
	contentRoot: string;
	/** The report (its folder name); by default the latest report. */
	report?: string | undefined;
	/** A section id; by default the first section of that report and kind. */
	section?: string | undefined;
}

export class ScaffoldError extends Error {}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Data = Record<string, unknown>;

/** The file's path and text; throws ScaffoldError, in Chinese, when it cannot or must not be written. */
export function scaffold({ kind, slug, contentRoot, report, section }: ScaffoldOptions): { path: string; content: string } {
	if (!(kind in scaffoldKinds)) throw new ScaffoldError(`不认识的类型 ${kind}：只能是 ${Object.keys(scaffoldKinds).join(' 或 ')}`);
	const collection = scaffoldKinds[kind];
	if (!slugPattern.test(slug)) throw new ScaffoldError(`文件名 ${slug || '（空）'} 不能用作网址：只用小写英文字母、数字和连字符 -，例如 fair-competition-review`);

	const { files, placed } = scanContent(contentRoot);
	const taken = placed.find((file) => file.collection === collection && file.id === slug);
	if (taken) throw new ScaffoldError(`${taken.path} 已经存在，不会覆盖。文件名就是网址，请换一个没有用过的文件名`);

	const reports = files.filter((file) => file.collection === 'reports').sort((a, b) => a.id.localeCompare(b.id));
	const chosenReport = report ? reports.find((r) => r.id === report) : reports.at(-1);
	if (!chosenReport) throw new ScaffoldError(report ? `没有报告 ${report}；现有的报告：${reports.map((r) => r.id).join('、') || '（没有）'}` : 'content/reports/ 中还没有报告');
	const folderYear = (chosenReport.data as Data)[kindRegistry[kind].reportYear];
	const sections = files
		.filter((file) => file.collection === 'sections' && file.report === chosenReport.id)
		.map((file) => ({ id: file.id, data: file.data as Data }))
		.filter(({ data }) => data['kind'] === kind)
		.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
	const chosen = section ?? sections.find(({ id }) => !sections.some(({ data }) => data['parent'] === id))?.id ?? sections[0]?.id;
	if (!chosen || !sections.some(({ id }) => id === chosen)) {
		const known = sections.map(({ id }) => id).join('、') || '（没有）';
		throw new ScaffoldError(`报告 ${chosenReport.id} 没有${section ? ` ${section} 这个` : ''}${kinds[kind]}部分；可用的部分：${known}`);
	}
	const orders = files
		.filter((file) => (file.collection === 'achievements' || file.collection === 'measures') && (file.data as Data)['section'] === chosen)
		.map((file) => (file.data as Data)['order'])
		.filter((order): order is number => typeof order === 'number');
	const owners = files.filter((file) => file.collection === 'owners').map((file) => file.id);
	const owner = owners.includes('szamr') ? 'szamr' : owners[0];
	if (!owner) throw new ScaffoldError('content/owners/ 中还没有责任单位');

	const values: Data = {
		title: kind === 'measure' ? '待填写的举措标题' : '待填写的成果标题',
		year: folderYear,
		section: chosen,
		order: Math.max(0, ...orders) + 1,
		owner,
		partners: [],
		status: kind === 'measure' ? 'planned' : 'done',
		summary: `待填写：用一句话概括这项${kinds[kind]}。`,
		tags: [],
		metrics: [],
		...(kind === 'measure' ? { actions: [], continues: [], updates: [] } : {}),
	};
	const docs = fieldDocs[collection];
	const schema = jsonSchemaOf(collection);
	const lines = Object.entries(values).flatMap(([field, value]) => {
		const doc = docs[field];
		const choices = schema.properties?.[field]?.enum;
		const comment = doc ? [`# ${doc.label}：${doc.description}${choices ? `可选：${describeValues(choices)}。` : ''}`] : [];
		return [...comment, ...blockExample(collection, field, schema.properties?.[field]), stringify({ [field]: value }, { flowCollectionPadding: false }).trimEnd()];
	});
	const optional = Object.keys(schema.properties ?? {}).filter((field) => !(field in values));
	const optionalLines = optional.flatMap((field) => (docs[field] ? [`# ${field}: （${docs[field].label}：${docs[field].description}）`] : []));
	const content = [
		'---',
		`# 新${kinds[kind]}：把“待填写”的地方换成报告原文，改完运行 npm run check。字段说明见 CONTRIBUTING.md。`,
		...lines,
		...optionalLines,
		'---',
		'',
		`待填写：报告中与这项${kinds[kind]}对应的原句，逐字照录。`,
		'',
	].join('\n');
	return { path: join(contentRoot, reportLayout.folder, chosenReport.id, layout[collection].folder, `${slug}${layout[collection].extension}`), content };
}

/**
 * For a list of items with fields (tasks, updates, figures): how to write one, as comment lines
 * in the block style — `- ` and the first field on one line, the others aligned below. The
 * one-line `{ … }` form breaks on a comma or colon in a value, so staff are never shown it.
 */
function blockExample(collection: CollectionName, field: string, node: JsonSchemaNode | undefined): string[] {
	const item = node?.type === 'array' && node.items?.type === 'object' ? node.items : undefined;
	if (!item?.properties) return [];
	// The required fields, and a task's status (optional, but what staff change as work moves on).
	const required = Object.keys(item.properties).filter((key) => item.required?.includes(key) || key === 'status');
	const placeholder = (key: string) => {
		const choices = item.properties?.[key]?.enum;
		return choices ? String(choices[0]) : `（${fieldDocs[collection][`${field}[].${key}`]?.label ?? key}）`;
	};
	return [
		`# 有内容时删去 []，每项照下面的样子写：“- ”和第一个字段在同一行，其余字段与它对齐写在下面。`,
		`# ${field}:`,
		...required.map((key, index) => `#   ${index === 0 ? '- ' : '  '}${key}: ${placeholder(key)}`),
	];
}

/** Writes the scaffold; `wx` refuses to replace a file that appeared since the check above. */
export function writeScaffold(options: ScaffoldOptions): string {
	const { path, content } = scaffold(options);
	mkdirSync(dirname(path), { recursive: true });
	try {
		writeFileSync(path, content, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ScaffoldError(`${relative(process.cwd(), path)} 已经存在，不会覆盖`);
		throw error;
	}
	return path;
}
