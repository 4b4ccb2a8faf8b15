/**
 * The generated parts of CONTRIBUTING.md (field reference, statuses, progress rules, example error
 * messages) and the committed JSON Schemas, each rendered from the one place that defines it.
 * `npm run check -- --write` rewrites them; `npm run check` and tests/check-docs.test.ts fail
 * when a committed copy differs from what the code would write now.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { progressRules } from '../lib/progress';
import { achievementStatuses, measureStatuses, statusMeanings } from '../vocabulary';
import { fieldDocs } from './field-docs';
import { collectionLabels, collectionNames, expectedPlace, layout, placeOfLinks, type CollectionName } from './file-schemas';
import { committedSchemaFolder, describeValues, eachField, jsonSchemaOf, schemaFileNames, serializeSchema, type JsonSchemaNode } from './json-schema';

export { statusMeanings };

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** How to write a value of this field, in words. */
function howToWrite(node: JsonSchemaNode): string {
	const target = node['x-reference'];
	if (target) return `${placeOfLinks(target)} 中的文件名`;
	if (node.enum) return `可选：${describeValues(node.enum)}`;
	if (node.format === 'date') return '日期 YYYY-MM-DD';
	if (node.type === 'array') {
		if (node.items?.type === 'object') return '列表，每项是一组字段（见下面几行）';
		return `列表，每项是 ${node.items ? howToWrite(node.items) : '一个值'}`;
	}
	const limits = [
		node.minLength && node.minLength > 1 ? `至少 ${node.minLength} 个字` : '',
		node.maxLength ? `最多 ${node.maxLength} 个字` : '',
		node.minimum !== undefined ? `不小于 ${node.minimum}` : '',
		node.exclusiveMinimum !== undefined ? `大于 ${node.exclusiveMinimum}` : '',
		node.maximum !== undefined && node.maximum < 1e9 ? `不大于 ${node.maximum}` : '',
	].filter(Boolean);
	const type = node.type === 'integer' ? '整数' : node.type === 'number' ? '数字' : node.type === 'string' ? '文字' : (node.type ?? '');
	return limits.length ? `${type}，${limits.join('，')}` : type;
}

function required(node: JsonSchemaNode, isRequired: boolean): string {
	if (isRequired) return '必填';
	if (node.default !== undefined) return `可不写（默认 ${JSON.stringify(node.default)}）`;
	return '可不写';
}

/** One table per kind of file: every field, whether it is required, how to write it, what it means. */
export function renderFieldReference(): string {
	return collectionNames
		.map((collection) => {
			const rows: string[] = [];
			eachField(jsonSchemaOf(collection), (path, node, isRequired) => {
				// An item of a plain list (`tags[]`) is described by its list's row.
				if (path.endsWith('[]')) return;
				const doc = fieldDocs[collection][path];
				rows.push(`| \`${path}\` | ${cell(doc?.label ?? '')} | ${cell(required(node, isRequired))} | ${cell(howToWrite(node))} | ${cell(doc?.description ?? '')} |`);
			});
			const where = expectedPlace(collection);
			return [
				`### ${collectionLabels[collection]}：\`${where}\``,
				'',
				layout[collection].extension === '.mdx' ? '字段写在文件开头两行 `---` 之间（frontmatter），正文写在第二个 `---` 之后。' : '整个文件就是这些字段。',
				'',
				'| 字段 | 名称 | 是否必填 | 写法 | 说明 |',
				'| --- | --- | --- | --- | --- |',
				...rows,
			].join('\n');
		})
		.join('\n\n');
}

export function renderStatuses(): string {
	const table = (statuses: Record<string, string>, meanings: Record<string, string>) => [
		'| 状态 | 显示为 | 含义 |',
		'| --- | --- | --- |',
		...Object.entries(statuses).map(([status, label]) => `| \`${status}\` | ${label} | ${cell(meanings[status] ?? '')} |`),
	];
	return [
		'成果（报告文件夹的 `achievements/`）的 `status`：',
		'',
		...table(achievementStatuses, statusMeanings.achievement),
		'',
		'举措（报告文件夹的 `measures/`）的 `status`，以及任务 `actions[].status` 和进展记录 `updates[].status`：',
		'',
		...table(measureStatuses, statusMeanings.measure),
	].join('\n');
}

export function renderProgressRules(): string {
	return progressRules.map((rule) => `- **${rule.title}**：${rule.text}`).join('\n');
}

/** The folder of broken example files, one per kind of mistake, each with its expected messages. */
export const invalidFixtures = 'tests/fixtures/invalid';

export interface InvalidCase {
	name: string;
	/** The kind of mistake, in Chinese (the first `#` line of expected.txt). */
	title: string;
	/** The exact lines the check prints for it. */
	expected: string[];
}

export function invalidCases(projectRoot = process.cwd()): InvalidCase[] {
	const root = join(projectRoot, invalidFixtures);
	return readdirSync(root)
		.filter((name) => !name.startsWith('_') && existsSync(join(root, name, 'expected.txt')))
		.sort()
		.map((name) => {
			const lines = readFileSync(join(root, name, 'expected.txt'), 'utf8').split('\n');
			return {
				name,
				title: lines.find((line) => line.startsWith('# '))?.slice(2).trim() ?? name,
				expected: lines.filter((line) => line.trim() && !line.startsWith('#')),
			};
		});
}

export function renderErrorExamples(projectRoot = process.cwd()): string {
	return invalidCases(projectRoot)
		.map(({ title, expected }) => [`#### ${title}`, '', '```text', ...expected, '```'].join('\n'))
		.join('\n\n');
}

const blocks: Record<string, (projectRoot: string) => string> = {
	fields: renderFieldReference,
	statuses: renderStatuses,
	'progress-rules': renderProgressRules,
	'error-examples': renderErrorExamples,
};

/** Replaces each `<!-- generated:NAME -->…<!-- /generated:NAME -->` block with a fresh rendering. */
export function fillGeneratedBlocks(markdown: string, projectRoot = process.cwd()): string {
	let result = markdown;
	for (const [name, render] of Object.entries(blocks)) {
		const pattern = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
		if (!pattern.test(result)) throw new Error(`CONTRIBUTING.md 缺少生成区块 <!-- generated:${name} -->…<!-- /generated:${name} -->`);
		result = result.replace(pattern, (_, start: string, end: string) => `${start}\n\n${render(projectRoot)}\n\n${end}`);
	}
	return result;
}

export interface GeneratedFile {
	/** From the project root. */
	path: string;
	/** What the file should hold now. */
	content: string;
}

/** Every committed file that is generated from code, with the content it should have. */
export function generatedFiles(projectRoot = process.cwd()): GeneratedFile[] {
	const schemas = collectionNames.map((collection: CollectionName) => ({
		path: `${committedSchemaFolder}/${schemaFileNames[collection]}`,
		content: serializeSchema(collection),
	}));
	const guide = join(projectRoot, 'CONTRIBUTING.md');
	const contributing = existsSync(guide) ? [{ path: 'CONTRIBUTING.md', content: fillGeneratedBlocks(readFileSync(guide, 'utf8'), projectRoot) }] : [];
	return [...schemas, ...contributing];
}

/** The generated files whose committed copy differs from what the code writes now. */
export function staleGeneratedFiles(projectRoot = process.cwd()): string[] {
	return generatedFiles(projectRoot)
		.filter(({ path, content }) => {
			const file = join(projectRoot, path);
			return !existsSync(file) || readFileSync(file, 'utf8') !== content;
		})
		.map(({ path }) => path);
}
