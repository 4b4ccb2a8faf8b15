/**
 * Reads the content files straight from disk, outside Astro, the way Astro reads them (YAML with
 * timestamps, MDX frontmatter between `---` lines), and keeps what the checks need to point at a
 * line: the YAML document with its line counter. A file that cannot be read as content at all
 * (wrong place, not UTF-8, broken YAML, no frontmatter) becomes a problem instead of data.
 * Tests and command-line checks build on this; pages never do.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode, type ParseOptions, type DocumentOptions, type SchemaOptions, type ScalarTag } from 'yaml';
import { reportIdPattern, reportLayout } from '../lib/layout';
import { collectionLabels, collectionNames, expectedPlace, layout, type CollectionName } from './file-schemas';
import { fileParts, type Problem } from './problems';
import { translateYamlError } from './yaml-errors';

export { fileSchemas, folderOf, layout, plainReference, type CollectionName } from './file-schemas';

export interface ContentFile {
	collection: CollectionName;
	/** The entry id, as Astro derives it from the file name. */
	id: string;
	/** Path from the project root, with forward slashes. */
	path: string;
	/** The report whose folder the file is in (its id); undefined for owners. */
	report: string | undefined;
	/** Parsed YAML: the whole file for data, the frontmatter for MDX. */
	data: unknown;
	/** The MDX body after the frontmatter; empty for YAML files. */
	body: string;
	/** The file line the body starts on (1-based); 0 for YAML files. */
	bodyLine: number;
	/** The line of a field (`['actions', 1, 'status']`), or of its nearest parent that is written. */
	lineOf(path: readonly PropertyKey[]): number;
	/** The line where `key` is written in the object at `path`. */
	keyLineOf(path: readonly PropertyKey[], key: string): number;
	/** The text of a scalar as written in the file, quotes removed; undefined for a missing field. */
	rawOf(path: readonly PropertyKey[]): string | undefined;
}

export interface ContentScan {
	/** Every file that could be parsed, valid or not. */
	files: ContentFile[];
	/** Files that could not be read as content, and why. */
	problems: Problem[];
	/** Every file in a collection's place, parsed or not, for link and duplicate checks. */
	placed: PlacedFile[];
}

export interface PlacedFile {
	collection: CollectionName;
	id: string;
	path: string;
	report: string | undefined;
}

/**
 * Astro reads YAML with js-yaml, whose timestamps are stricter than the `yaml` package's (which
 * would read the section id `2023-2-1-1` as a date): this tag matches js-yaml's, so a value is a
 * date here exactly when it is one on the site.
 */
const timestamp: ScalarTag = {
	tag: 'tag:yaml.org,2002:timestamp',
	default: true,
	identify: (value) => value instanceof Date,
	test: /^(?:\d{4}-\d\d-\d\d|\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)$/,
	resolve(text) {
		const [date = '', time] = text.split(/[Tt]|[ \t]+(?=\d)/);
		const [y, m, d] = date.split('-').map(Number) as [number, number, number];
		if (!time) return new Date(Date.UTC(y, m - 1, d));
		const [, h, min, s, fraction = '', zone] = /^(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?[ \t]*(.*)$/.exec(time) ?? [];
		const utc = Date.UTC(y, m - 1, d, Number(h), Number(min), Number(s), Number(fraction.padEnd(3, '0').slice(0, 3)));
		const [, sign, zh = '0', zm = '0'] = /^([-+])(\d\d?)(?::(\d\d))?$/.exec(zone ?? '') ?? [];
		const offset = sign ? (Number(zh) * 60 + Number(zm)) * 60_000 * (sign === '-' ? -1 : 1) : 0;
		return new Date(utc - offset);
	},
};

/** How every content file's YAML is parsed, to read it as Astro does. */
export const yamlOptions: ParseOptions & DocumentOptions & SchemaOptions = { customTags: [timestamp], merge: true };

/**
 * Astro's frontmatter: optional BOM or blank lines, `---`, the YAML, `---`. The indices give the
 * YAML's and the body's place in the file, for line numbers.
 */
const frontmatter = /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n(?<yaml>(?:[\s\S]*?\r?\n)?)---[ \t]*(?:\r?\n|$)(?<body>[\s\S]*)$/d;

export function splitFrontmatter(source: string): { yaml: string; body: string; yamlStart: number; bodyStart: number } | undefined {
	const match = frontmatter.exec(source);
	const yaml = match?.indices?.groups?.['yaml'];
	const body = match?.indices?.groups?.['body'];
	if (!match?.groups || !yaml || !body) return undefined;
	return { yaml: match.groups['yaml'] ?? '', body: match.groups['body'] ?? '', yamlStart: yaml[0], bodyStart: body[0] };
}

const linesBefore = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

/** The 1-based line of the first byte that is not UTF-8, or undefined when the file is UTF-8. */
export function firstNonUtf8Line(bytes: Uint8Array): number | undefined {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	try {
		decoder.decode(bytes);
		return undefined;
	} catch {
		let line = 1;
		let start = 0;
		for (let i = 0; i <= bytes.length; i++) {
			if (i === bytes.length || bytes[i] === 0x0a) {
				try {
					decoder.decode(bytes.subarray(start, i));
				} catch {
					return line;
				}
				line++;
				start = i + 1;
			}
		}
		return line;
	}
}

/** A file or folder under content/ that is not read, and why; the path is absolute. */
interface Unlisted {
	file: string;
	message: string;
	allowed: string;
}

/**
 * Every regular file under `dir`. A symbolic link is never followed — it could point outside
 * content/ (and get that file published), at nothing, or in a loop — and neither is anything
 * else that is not a plain file or folder; a folder that cannot be read is reported, and the rest
 * is still listed.
 */
function listFiles(dir: string, unlisted: Unlisted[]): string[] {
	let entries: Dirent[];
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch (error) {
		unlisted.push({ file: dir, message: `无法打开这个文件夹（${errorCode(error)}），其中的文件都没有检查`, allowed: '检查文件夹是否存在、是否有读取权限' });
		return [];
	}
	const found: string[] = [];
	for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
		// Editors' and systems' own files (.DS_Store, .gitkeep) are not content and not a mistake.
		if (entry.name.startsWith('.')) continue;
		const path = join(dir, entry.name);
		if (entry.isSymbolicLink()) {
			unlisted.push({
				file: path,
				message: '这是一个符号链接（快捷方式），网站不读取也不跟随它：它可能指向 content/ 之外的文件、不存在的文件或形成循环',
				allowed: '删去这个链接，把要发布的文件本身放在这里',
			});
		} else if (entry.isDirectory()) found.push(...listFiles(path, unlisted));
		else if (entry.isFile()) found.push(path);
		else unlisted.push({ file: path, message: '这不是普通文件（而是设备、管道或套接字），网站不读取它', allowed: '删去它' });
	}
	return found;
}

/** The system's code for a failure (ENOENT, EACCES, ELOOP…), or its message. */
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));

interface Placed {
	collection: CollectionName;
	id: string;
	report: string | undefined;
}

/** Where the file sits decides what it is; a file anywhere else is a problem that says where it should be. */
function place(parts: readonly string[]): Placed | { allowed: string; message: string } | 'ignored' {
	const name = parts.at(-1) ?? '';
	// site.yaml is checked on its own (site-info-file.ts): it belongs to no collection.
	if (parts.length === 1 && name === 'site.yaml') return 'ignored';
	const everywhere = collectionNames.map((c) => `${collectionLabels[c]}放在 ${expectedPlace(c)}`).join('；');
	const wrongFolder = (collection?: CollectionName, hint = '') => ({
		message: '文件所在的文件夹不对，不会被发布',
		allowed: collection ? `${collectionLabels[collection]}放在 ${expectedPlace(collection)}${hint}` : everywhere,
	});
	let collection: CollectionName | undefined;
	let report: string | undefined;
	if (parts[0] === layout.owners.folder) {
		if (parts.length !== 2) return wrongFolder('owners');
		collection = 'owners';
	} else if (parts[0] === reportLayout.folder) {
		report = parts[1] ?? '';
		if (parts.length < 3) return wrongFolder(undefined);
		if (!reportIdPattern.test(report)) return wrongFolder('reports', '，报告文件夹名是报告总结的年份（四位数字）');
		const rest = parts.slice(2);
		// The report's text is quoted, not parsed: the check reads it for coverage and sources.
		if (rest.length === 1 && name === reportLayout.text) return 'ignored';
		if (rest.length === 1 && name === reportLayout.file) return { collection: 'reports', id: report, report };
		collection = collectionNames.find((c) => layout[c].inReport && layout[c].folder === rest[0]);
		if (!collection || rest.length !== 2) return wrongFolder(collection);
	} else {
		return { message: '文件不在网站读取的文件夹中，不会被发布', allowed: everywhere };
	}
	const { extension } = layout[collection];
	const expected = `${collectionLabels[collection]}放在 ${expectedPlace(collection)}`;
	if (!name.endsWith(extension)) {
		const dot = name.lastIndexOf('.');
		const actual = dot > 0 ? `扩展名是 ${name.slice(dot)}` : '没有扩展名';
		return { message: `文件${actual}，不会被发布`, allowed: `${expected}，扩展名是 ${extension}` };
	}
	return { collection, id: name.slice(0, -extension.length), report };
}

function pathKey(node: unknown): unknown {
	return isScalar(node) ? node.value : node;
}

interface Parsed {
	yamlText: string;
	doc: Document;
	counter: LineCounter;
	/** Lines of the file before the YAML starts. */
	lineOffset: number;
	body: string;
	bodyLine: number;
}

function makeFile(placed: Placed, path: string, { yamlText, doc, counter, lineOffset, body, bodyLine }: Parsed): ContentFile {
	const lineAt = (node: YamlNode | null | undefined, fallback: number) => (node?.range ? counter.linePos(node.range[0]).line + lineOffset : fallback);
	const firstLine = lineOffset > 0 ? lineOffset : 1;

	/** Follows the path through the document; returns the deepest node reached and its line. */
	const follow = (path: readonly PropertyKey[]) => {
		let node: unknown = doc.contents;
		let line = firstLine;
		let reached = 0;
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find((item) => pathKey(item.key) === key);
				if (!pair) break;
				line = lineAt(pair.key as YamlNode, line);
				node = pair.value;
			} else if (isSeq(node) && typeof key === 'number') {
				const item = node.items[key];
				if (!item) break;
				line = lineAt(item as YamlNode, line);
				node = item;
			} else break;
			reached++;
		}
		return { node, line, complete: reached === path.length };
	};

	return {
		...placed,
		path,
		data: doc.toJS(),
		body,
		bodyLine,
		lineOf: (fieldPath) => follow(fieldPath).line,
		keyLineOf(fieldPath, key) {
			const { node, line } = follow(fieldPath);
			const pair = isMap(node) ? node.items.find((item) => pathKey(item.key) === key) : undefined;
			return pair ? lineAt(pair.key as YamlNode, line) : line;
		},
		rawOf(fieldPath) {
			const { node, complete } = follow(fieldPath);
			if (!complete || !isScalar(node) || !node.range) return undefined;
			return node.source ?? yamlText.slice(node.range[0], node.range[1]).replace(/^(['"])([\s\S]*)\1$/, '$2');
		},
	};
}

/** The first anchor (`&a`) or alias (`*a`) of a document, found before anything expands it. */
function anchorOrAlias(doc: Document): { name: string; alias: boolean; offset: number } | undefined {
	let found: { name: string; alias: boolean; offset: number } | undefined;
	visit(doc, (_, node) => {
		if (isAlias(node)) found = { name: node.source, alias: true, offset: node.range?.[0] ?? 0 };
		else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) found = { name: node.anchor, alias: false, offset: node.range?.[0] ?? 0 };
		return found ? visit.BREAK : undefined;
	});
	return found;
}

/**
 * Reads and parses one file; a problem when it cannot be read as content. Whatever goes wrong
 * with one file (it vanished, cannot be opened, a parser fails) is one line about that file, so
 * the other files are still checked.
 */
function readOne(placed: Placed, file: string, path: string): ContentFile | Problem {
	try {
		return parseOne(placed, file, path);
	} catch (error) {
		return {
			path,
			field: fileParts.file,
			message: `无法读取这个文件（${errorCode(error)}）`,
			allowed: '检查文件是否还在、能否用编辑器打开并保存为 UTF-8 文本；其余文件已照常检查',
		};
	}
}

function parseOne(placed: Placed, file: string, path: string): ContentFile | Problem {
	const bytes = readFileSync(file);
	const badLine = firstNonUtf8Line(bytes);
	if (badLine) {
		return {
			path,
			line: badLine,
			field: fileParts.file,
			message: `文件不是 UTF-8 编码，从第 ${badLine} 行起无法读取（常见原因：用 GBK/GB2312 或“ANSI”保存）`,
			allowed: '在编辑器中选择“以 UTF-8 编码保存”后重新提交',
		};
	}
	const source = new TextDecoder('utf-8').decode(bytes);
	let yamlText = source.replace(/^\uFEFF/, '');
	let lineOffset = 0;
	let body = '';
	let bodyLine = 0;
	if (layout[placed.collection].extension === '.mdx') {
		const parts = splitFrontmatter(source);
		if (!parts) {
			return {
				path,
				line: 1,
				field: fileParts.frontmatter,
				message: '文件开头没有 frontmatter：字段要写在第一行的 --- 和下一个单独一行的 --- 之间',
				allowed: '参照 npm run new 生成的文件，第一行写 ---，字段写完后再写一行 ---，正文写在其后',
			};
		}
		yamlText = parts.yaml;
		lineOffset = linesBefore(source, parts.yamlStart);
		body = parts.body;
		bodyLine = linesBefore(source, parts.bodyStart) + 1;
	}
	const counter = new LineCounter();
	const doc = parseDocument(yamlText, { ...yamlOptions, lineCounter: counter, prettyErrors: true });
	const [error] = doc.errors;
	if (error) return translateYamlError(error, yamlText, lineOffset, path);
	const reused = anchorOrAlias(doc);
	if (reused) {
		return {
			path,
			line: counter.linePos(reused.offset).line + lineOffset,
			field: fileParts.yaml,
			message: `YAML 中用了${reused.alias ? `引用 *${reused.name}` : `锚点 &${reused.name}`}：内容文件不使用锚点（&）和引用（*），几行引用就能展开成巨大的数据`,
			allowed: '把要重复的内容直接写出来，删去 & 和 * 标记；值以 & 或 * 开头时用引号括起来',
		};
	}
	if (!isMap(doc.contents)) {
		const fullWidthColon = yamlText.includes('：');
		return {
			path,
			line: lineOffset + 1,
			field: fileParts.yaml,
			message: `${layout[placed.collection].extension === '.mdx' ? 'frontmatter' : '文件'}没有写成“字段: 值”的形式${fullWidthColon ? '（字段名后的冒号写成了中文全角“：”）' : ''}`,
			allowed: '每行一个字段，字段名后用英文半角冒号加空格，例如 title: 标题',
		};
	}
	return makeFile(placed, path, { yamlText, doc, counter, lineOffset, body, bodyLine });
}

/** Every content file under `contentRoot`, parsed but not validated, and the files that could not be read. */
export function scanContent(contentRoot = join(process.cwd(), 'content')): ContentScan {
	const projectRoot = join(contentRoot, '..');
	const files: ContentFile[] = [];
	const problems: Problem[] = [];
	const placedFiles: PlacedFile[] = [];
	const toPath = (file: string) => relative(projectRoot, file).split('\\').join('/');
	const unlisted: Unlisted[] = [];
	const listed = listFiles(contentRoot, unlisted);
	for (const { file, ...problem } of unlisted) problems.push({ path: toPath(file), field: fileParts.file, ...problem });
	for (const file of listed) {
		const path = toPath(file);
		const placed = place(relative(contentRoot, file).split(/[\\/]/));
		if (placed === 'ignored') continue;
		if (!('collection' in placed)) {
			problems.push({ path, field: fileParts.file, ...placed });
			continue;
		}
		placedFiles.push({ collection: placed.collection, id: placed.id, path, report: placed.report });
		const read = readOne(placed, file, path);
		if ('collection' in read) files.push(read);
		else problems.push(read);
	}
	return { files, problems, placed: placedFiles };
}

/**
 * Every content file, parsed but not validated; throws when a file of a collection cannot be read.
 * Files in the wrong place are left to the check, as Astro leaves them out.
 */
export function readContentFiles(contentRoot = join(process.cwd(), 'content')): ContentFile[] {
	const { files, problems, placed } = scanContent(contentRoot);
	const inCollections = new Set(placed.map((file) => file.path));
	const unreadable = problems.filter((problem) => inCollections.has(problem.path));
	if (unreadable.length > 0) throw new Error(`无法读取内容文件：\n${unreadable.map((p) => `${p.path}:${p.line ?? ''}  ${p.message}`).join('\n')}`);
	return files;
}
