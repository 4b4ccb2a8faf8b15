/**
 * Zod's issues in Chinese: what is wrong with the field, as staff wrote it, and what is allowed.
 * A message the schema already gives in Chinese (the status and progress-log rules) is passed
 * through as it is; the others are translated by issue code.
 */
import type { z } from 'astro/zod';
import { dayExample } from '../lib/format';
import type { ContentFile } from './content-files';
import { fieldDoc } from './field-docs';
import type { CollectionName } from './file-schemas';
import { describeValues, nodeAt, type JsonSchemaNode } from './json-schema';
import { fieldName, type Problem } from './problems';
import { closest } from './suggest';

/** What may be written where a link to `collection` is expected, given what was written. */
export type Choices = (collection: CollectionName, written: unknown, file: ContentFile) => string;

const chinese = /[\u3400-\u9fff]/;

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

const typeNames: Record<string, string> = {
	string: '文字',
	number: '数字',
	int: '整数',
	integer: '整数',
	boolean: 'true 或 false',
	array: '列表',
	object: '一组字段',
	date: '日期',
};

/** The value as staff see it: `文字 "2023"`, `数字 10.7`, `列表`, `空值`. */
export function describeWritten(value: unknown): string {
	if (value === null) return '空值（冒号后没有内容）';
	if (typeof value === 'string') return `文字 "${value}"`;
	// YAML reads .nan and .inf as numbers; to staff they are words, not figures.
	if (typeof value === 'number' && Number.isNaN(value)) return '“.nan”（YAML 把它读作“不是数字”）';
	if (typeof value === 'number' && !Number.isFinite(value)) return `“${value > 0 ? '.inf' : '-.inf'}”（YAML 把它读作无穷大）`;
	if (typeof value === 'number') return `数字 ${value}`;
	if (typeof value === 'boolean') return String(value);
	if (value instanceof Date) return '日期';
	if (Array.isArray(value)) return '列表';
	if (typeof value === 'object') return '一组字段';
	return String(value);
}

/**
 * Whether an unknown key is the rest of a value cut off at a comma: in `{ note: 甲,乙 }` YAML
 * reads `乙` as a key with no value. Field names are English words, so a key that is not one and
 * has no value is that.
 */
const splitByComma = (key: string, value: unknown) => value === null && !/^[A-Za-z_][\w-]*$/.test(key);

/** A field's Chinese name for a sentence, with its key for clarity when the key is not obvious. */
const labelOf = (collection: CollectionName, field: string) => fieldDoc(collection, field)?.label ?? field;

/** What may be written in a field, from its schema node and docs. */
export function allowedFor(collection: CollectionName, field: string, node: JsonSchemaNode | undefined, written: unknown, file: ContentFile, choices: Choices): string | undefined {
	if (!node) return undefined;
	if (node.enum) return `可选：${describeValues(node.enum)}`;
	const target = node['x-reference'];
	if (target) return choices(target, written, file);
	if (node.format === 'date') return `写成 YYYY-MM-DD，例如 ${dayExample}`;
	if (/^metrics\[\d+\]\.value$/.test(field)) return '只写报告中的阿拉伯数字，不加引号；量级写进 unit，例如“10.7万家”写 value: 10.7 和 unit: 万家';
	if (node.type === 'integer') return '写不带引号的整数，例如 3';
	if (node.type === 'number') return '写不带引号的数字，例如 10.7';
	if (node.type === 'array') {
		const item = node.items?.type === 'object' ? '每项以“- ”和第一个字段开头另起一行，其余字段与第一个字段对齐写在下面' : '写成 [甲, 乙]，或每项以“- ”开头另起一行';
		return `${item}；没有内容时写 []`;
	}
	if (node.type === 'object' && node.properties) return `可用字段：${Object.keys(node.properties).join('、')}`;
	return fieldDoc(collection, field)?.description;
}

/** The problems one Zod issue stands for (one per unknown field). */
export function translateIssue(issue: z.core.$ZodIssue, file: ContentFile, schema: JsonSchemaNode, choices: Choices): Problem[] {
	const { collection, data, path } = { collection: file.collection, data: file.data, path: file.path };
	const field = fieldName(issue.path);
	const label = labelOf(collection, field);
	const node = nodeAt(schema, issue.path);
	const written = valueAt(data, issue.path);
	const at = (message: string, allowed?: string) => ({ path, line: file.lineOf(issue.path), field, message, allowed });

	if (issue.code === 'unrecognized_keys') {
		const known = Object.keys(node?.properties ?? {});
		const byLabel = new Map(known.map((key) => [labelOf(collection, fieldName([...issue.path, key])), key]));
		return issue.keys.map((key) => {
			if (splitByComma(key, valueAt(data, [...issue.path, key]))) {
				return {
					path,
					line: file.keyLineOf(issue.path, key),
					// The item, not the "field": its name is half of a sentence.
					field: fieldName(issue.path),
					message: `“${key}”被当成了字段名：{ } 中的英文半角逗号 , 把上一个字段的值分成了两段，逗号后面的部分成了一个没有值的字段`,
					allowed: '把这个逗号改成中文全角“，”，或把整个值用引号括起来；更好的是改用每行一个字段的写法：“- title: …”另起一行，其余字段缩进对齐写在下面',
				};
			}
			const meant = byLabel.get(key) ?? closest(key, known, 1)[0];
			const guess = meant ? `，是不是想写 ${meant}？` : '';
			return {
				path,
				line: file.keyLineOf(issue.path, key),
				field: fieldName([...issue.path, key]),
				message: `未知字段 ${key}${guess}`,
				allowed: `${field ? `${field} 中` : ''}可用的字段：${known.join('、')}`,
			};
		});
	}
	if (chinese.test(issue.message)) return [at(issue.message)];

	const allowed = allowedFor(collection, field, node, written, file, choices);
	switch (issue.code) {
		case 'invalid_type': {
			if (written === undefined) {
				const what = fieldDoc(collection, field)?.description;
				return [at(`缺少必填字段 ${field.split('.').at(-1)}（${label}）`, what ?? allowed)];
			}
			if (written === null) return [at(`${label}没有填写：冒号后面是空的`, allowed)];
			if (issue.expected === 'date') return [at(`${label} ${JSON.stringify(written)} 不是有效的日期`, allowed)];
			if (issue.expected === 'int' && typeof written === 'number') return [at(`${label}应为整数，现在是 ${written}`, allowed)];
			const expected = typeNames[issue.expected] ?? issue.expected;
			const quotedNumber = typeof written === 'string' && expected.includes('数') && /^[-+]?\d+(?:\.\d+)?$/.test(written.trim());
			return [at(`${label}应为${expected}，现在是${describeWritten(written)}`, quotedNumber ? `去掉引号，写成 ${written.trim()}` : allowed)];
		}
		case 'invalid_value':
			return [at(`${label} ${JSON.stringify(written)} 不在可选值中`, allowed ?? `可选：${describeValues(issue.values)}`)];
		case 'too_small': {
			const minimum = Number(issue.minimum);
			if (issue.origin === 'string') {
				const length = typeof written === 'string' ? [...written.trim()].length : 0;
				return [length === 0 ? at(`${label}不能为空`, allowed) : at(`${label}太短：至少 ${minimum} 个字，现在 ${length} 个字`)];
			}
			if (issue.origin === 'array') return [at(`${label}至少要有 ${minimum} 项`, allowed)];
			return [at(`${label}应${issue.inclusive ? '不小于' : '大于'} ${minimum}，现在是 ${describeWritten(written)}`, allowed)];
		}
		case 'too_big': {
			const maximum = Number(issue.maximum);
			if (issue.origin === 'string') {
				const length = typeof written === 'string' ? [...written.trim()].length : 0;
				return [at(`${label}太长：最多 ${maximum} 个字，现在 ${length} 个字`, '请缩短')];
			}
			if (issue.origin === 'array') return [at(`${label}最多只能有 ${maximum} 项`)];
			return [at(`${label}应${issue.inclusive ? '不大于' : '小于'} ${maximum}，现在是 ${describeWritten(written)}`, allowed)];
		}
		default:
			// Codes our schemas do not produce today (formats, unions, keys): say what Zod says, in context.
			return [at(`${label}不符合要求（${issue.message}）`, allowed)];
	}
}
