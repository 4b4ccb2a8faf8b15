/**
 * The CMS's file format: reads a content file into the form's values and writes them back so that
 * only what the form changed changes in the file. Every top-level key the form left alone keeps its
 * original text (flow lists, comments and quoting included), a changed key is written in the
 * project's block style, and an untouched body is written back byte for byte. The CMS's own YAML
 * writer would turn flow lists into block lists, add `partners: []` and `owner: ''`, and escape the
 * body; the content check would then fail on a save that changed nothing.
 *
 * Pure and synchronous: runs in the browser (registered with `CMS.registerCustomFormat`) and in
 * the unit tests that round-trip every content file.
 */
import { parse, stringify } from 'yaml';
import { latestUpdate } from '../lib/progress';
import type { MeasureStatus } from '../vocabulary';

/** The form's value that carries the file as it was read, so that writing can keep its layout. */
export const originalKey = '_original';
/** The form's value that holds an MDX file's body. */
export const bodyKey = 'body';

export type FileKind = 'yaml' | 'mdx';
type Values = Record<string, unknown>;

interface Block {
	key: string | undefined;
	/** Comment and blank lines before the key, kept with it. */
	leading: string[];
	/** The key's own lines: `key: value` and everything indented under it. */
	lines: string[];
}

const keyLine = /^([A-Za-z_][\w-]*):(?:\s|$)/;
const fence = '---';

/** Splits YAML text into its top-level keys, each with the lines that belong to it. */
function blocksOf(yaml: string): { blocks: Block[]; tail: string[] } {
	const blocks: Block[] = [];
	let pending: string[] = [];
	for (const line of yaml === '' ? [] : yaml.split('\n')) {
		const key = keyLine.exec(line)?.[1];
		if (key) {
			blocks.push({ key, leading: pending, lines: [line] });
			pending = [];
		} else if (line.trim() === '' || line.startsWith('#')) {
			pending.push(line);
		} else {
			const current = blocks.at(-1);
			if (current) {
				current.lines.push(...pending, line);
				pending = [];
			} else pending.push(line);
		}
	}
	return { blocks, tail: pending };
}

/** An MDX file's frontmatter and the text after its closing fence. */
function splitMdx(text: string): { yaml: string; rest: string } {
	if (!text.startsWith(`${fence}\n`)) throw new Error('文件须以 --- 开头的 frontmatter 开始。');
	const end = text.indexOf(`\n${fence}\n`, fence.length);
	const closing = end === -1 && text.endsWith(`\n${fence}`) ? text.length - fence.length - 1 : end;
	if (closing === -1) throw new Error('frontmatter 没有以单独一行的 --- 结束。');
	return { yaml: text.slice(fence.length + 1, closing), rest: text.slice(closing + fence.length + 2) };
}

/** The body as the form shows it: without the blank line after the fence and the final newline. */
const shownBody = (rest: string) => rest.replace(/^\n/, '').replace(/\n$/, '');

/** Reads a file into the form's values. YAML 1.2 core schema: a day stays the string YYYY-MM-DD. */
export function readFile(text: string, kind: FileKind): Values {
	const { yaml, rest } = kind === 'mdx' ? splitMdx(text) : { yaml: text, rest: undefined };
	const data = (parse(yaml) ?? {}) as Values;
	return { ...data, ...(rest === undefined ? {} : { [bodyKey]: shownBody(rest) }), [originalKey]: text };
}

/**
 * A value as the content means it: what the form leaves empty (`''`, `null`, an empty object) is
 * no value. Empty lists stay, as `partners: []` is written on purpose.
 */
function meaning(value: unknown): unknown {
	if (value === '' || value === null || value === undefined) return undefined;
	if (Array.isArray(value)) return value.map(meaning).filter((item) => item !== undefined);
	if (typeof value === 'object') {
		const entries = Object.entries(value).flatMap(([key, item]) => {
			const kept = meaning(item);
			return kept === undefined ? [] : [[key, kept] as const];
		});
		return entries.length ? Object.fromEntries(entries) : undefined;
	}
	return value;
}

/** Equal in meaning, whatever the order of an object's keys. */
const canonical = (value: unknown): unknown =>
	Array.isArray(value) ? value.map(canonical) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)])) : value;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** A key the form changed, in the project's block style: `updates:` then `  - date: …`. */
const written = (key: string, value: unknown) => stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, '').split('\n');

export interface WriteOptions {
	kind: FileKind;
	/** The fields in the order the schema lists them: where a key the file did not have goes. */
	fieldOrder: readonly string[];
	/** A measure: its `status` becomes its latest update's. */
	statusFromUpdates?: boolean;
}

/** The latest update's status (rule `status` of src/lib/progress.ts), when there is a dated one. */
function latestStatus(updates: unknown): MeasureStatus | undefined {
	if (!Array.isArray(updates)) return undefined;
	const dated = updates.flatMap((update: Values) => {
		const date = new Date(String(update['date']));
		return typeof update['status'] === 'string' && !Number.isNaN(date.getTime()) ? [{ date, status: update['status'] as MeasureStatus }] : [];
	});
	return latestUpdate(dated)?.status;
}

/** Writes the form's values back into the file they were read from (or a new file). */
export function writeFile(values: Values, { kind, fieldOrder, statusFromUpdates = false }: WriteOptions): string {
	const { [originalKey]: original, [bodyKey]: body, ...fields } = values;
	const source = typeof original === 'string' ? original : kind === 'mdx' ? `${fence}\n${fence}\n` : '';
	const { yaml, rest } = kind === 'mdx' ? splitMdx(source) : { yaml: source.replace(/\n$/, ''), rest: '' };
	const before = (parse(yaml) ?? {}) as Values;
	const after = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, meaning(value)]));
	if (statusFromUpdates) {
		const status = latestStatus(after['updates']);
		if (status) after['status'] = status;
	}

	const { blocks, tail } = blocksOf(yaml);
	const unchanged = (key: string) => {
		const old = meaning(before[key]);
		const now = after[key];
		return same(old, now) || (old === undefined && Array.isArray(now) && now.length === 0);
	};
	const out: Block[] = blocks.flatMap((block) => {
		const { key } = block;
		if (!key || unchanged(key)) return [block];
		if (after[key] === undefined) return block.leading.length ? [{ key, leading: block.leading, lines: [] }] : [];
		return [{ key, leading: block.leading, lines: written(key, after[key]) }];
	});
	const present = new Set(blocks.map((block) => block.key));
	const added = Object.keys(after)
		.filter((key) => !present.has(key) && !unchanged(key) && after[key] !== undefined)
		.sort((a, b) => rank(fieldOrder, a) - rank(fieldOrder, b));
	for (const key of added) {
		const at = out.findLastIndex((block) => block.key !== undefined && rank(fieldOrder, block.key) < rank(fieldOrder, key));
		out.splice(at + 1, 0, { key, leading: [], lines: written(key, after[key]) });
	}
	const lines = [...out.flatMap((block) => [...block.leading, ...block.lines]), ...tail];
	const frontmatter = lines.join('\n');
	if (kind === 'yaml') return `${frontmatter}\n`;
	const bodyText = typeof body === 'string' && body !== shownBody(rest) ? `\n${body.trim()}\n` : rest;
	return `${fence}\n${frontmatter}${frontmatter ? '\n' : ''}${fence}\n${bodyText}`;
}

/** Position of a field in the schema's order; unknown fields go last. */
function rank(order: readonly string[], key: string) {
	const index = order.indexOf(key);
	return index === -1 ? order.length : index;
}
