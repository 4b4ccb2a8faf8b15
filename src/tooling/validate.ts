/**
 * The content check behind `npm run check` and `npm run build`: every file under `content/`
 * against the site's own schemas, plus what Astro does not check or only logs — links to missing
 * entries, duplicate slugs and orders, years that do not match their folder, impossible dates,
 * bodies that are empty or would run as code. It reports every problem of every file in one run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kinds, type Kind } from '../vocabulary';
import { scanContent, type ContentFile, type PlacedFile } from './content-files';
import { fieldDoc } from './field-docs';
import { collectionLabels, fileSchemas, layout, type CollectionName } from './file-schemas';
import { translateIssue, type Choices } from './issues';
import { jsonSchemaOf, type JsonSchemaNode } from './json-schema';
import { checkBody } from './mdx-body';
import { fieldName, fileParts, sortProblems, type Problem } from './problems';
import { closest } from './suggest';

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const entryKinds: Partial<Record<CollectionName, Kind>> = { achievements: 'achievement', measures: 'measure' };

type Data = Record<string, unknown>;
const asData = (value: unknown): Data => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {});
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Calls `visit` for each value in `data` that the schema describes, with its path. */
function eachValue(node: JsonSchemaNode, value: unknown, visit: (path: PropertyKey[], node: JsonSchemaNode, value: unknown) => void, path: PropertyKey[] = []) {
	visit(path, node, value);
	if (node.properties && value && typeof value === 'object' && !Array.isArray(value)) {
		for (const [key, child] of Object.entries(node.properties)) {
			if (key in value) eachValue(child, (value as Data)[key], visit, [...path, key]);
		}
	}
	if (node.items && Array.isArray(value)) value.forEach((item, index) => eachValue(node.items!, item, visit, [...path, index]));
}

/** Why a YYYY-MM-DD that Zod and Astro would accept is not a real day (they roll 02-30 over to 03-01). */
export function impossibleDay(day: string): string | undefined {
	const match = isoDay.exec(day);
	if (!match) return undefined;
	const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
	if (m < 1 || m > 12) return `没有 ${m} 月`;
	if (d < 1) return `没有 ${d} 日`;
	const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return d > days ? `${y} 年 ${m} 月只有 ${days} 天` : undefined;
}

export interface Validation {
	problems: Problem[];
	/** The files read, for callers that go on to use them (the scaffold picks a section and order). */
	files: ContentFile[];
}

export function validate(contentRoot = join(process.cwd(), 'content')): Validation {
	if (!existsSync(contentRoot)) {
		return { problems: [{ path: contentRoot, field: fileParts.file, message: '找不到内容文件夹', allowed: '在项目根目录运行，或用 CONTENT_DIR 指明内容文件夹' }], files: [] };
	}
	const scan = scanContent(contentRoot);
	const problems: Problem[] = [...scan.problems];
	const reported = new Set<string>();
	const report = (problem: Problem) => {
		reported.add(`${problem.path}\0${problem.field}`);
		problems.push(problem);
	};
	const idsOf = (collection: CollectionName) => new Set(scan.placed.filter((p) => p.collection === collection).map((p) => p.id));
	const ids = { owners: idsOf('owners'), sections: idsOf('sections'), achievements: idsOf('achievements'), measures: idsOf('measures') };
	const dataOf = (collection: CollectionName) => new Map(scan.files.filter((f) => f.collection === collection).map((f) => [f.id, asData(f.data)]));
	const owners = dataOf('owners');
	const sections = dataOf('sections');
	const achievements = dataOf('achievements');

	/** The ids a link may point at, described, narrowed to sections of the entry's year and kind. */
	const choices: Choices = (target, written, file) => {
		const data = asData(file.data);
		const kind = entryKinds[file.collection];
		let candidates = [...ids[target]].sort();
		if (target === 'sections' && typeof data['year'] === 'number') {
			candidates = candidates.filter((id) => sections.get(id)?.['year'] === data['year'] && (!kind || sections.get(id)?.['kind'] === kind));
		}
		const describe = (id: string) => {
			const title = text(target === 'owners' ? owners.get(id)?.['name'] : target === 'sections' ? sections.get(id)?.['title'] : achievements.get(id)?.['title']);
			return title ? `${id}（${title}）` : id;
		};
		const folder = `content/${layout[target].folder}/`;
		if (candidates.length <= 8) return candidates.length ? `可选：${candidates.map(describe).join('、')}` : `${folder} 中还没有可用的文件`;
		const near = typeof written === 'string' ? closest(written, candidates, 5) : [];
		return `${near.length ? `相近的有：${near.map(describe).join('、')}；` : ''}全部见 ${folder} 中的文件名（不含扩展名）`;
	};

	for (const file of scan.files) {
		const schema = jsonSchemaOf(file.collection);
		const data = asData(file.data);

		// Raw checks first: they know what was written, so they say it better than Zod would.
		eachValue(schema, file.data, (path, node, value) => {
			const field = fieldName(path);
			const label = fieldDoc(file.collection, field)?.label ?? field;
			if (node.format === 'date' && value !== undefined && value !== null) {
				const written = file.rawOf(path);
				if (written === undefined) return;
				const format = !isoDay.test(written.trim());
				const impossible = format ? undefined : impossibleDay(written.trim());
				if (format || impossible) {
					report({
						path: file.path,
						line: file.lineOf(path),
						field,
						message: format ? `${label} "${written}" 格式不对` : `${label} ${written} 不存在：${impossible}`,
						allowed: '写成 YYYY-MM-DD 的真实日期，例如 2024-03-01',
					});
				}
			}
			const target = node['x-reference'];
			const id = text(value);
			if (target && id && !ids[target].has(id)) {
				report({ path: file.path, line: file.lineOf(path), field, message: `${label} ${id} 不存在：content/${layout[target].folder}/ 中没有这个文件`, allowed: choices(target, id, file) });
			}
		});

		const year = data['year'];
		if (typeof year === 'number' && file.folderYear !== undefined && year !== file.folderYear) {
			report({
				path: file.path,
				line: file.lineOf(['year']),
				field: 'year',
				message: `年份 ${year} 与所在的文件夹 ${file.folderYear} 不一致`,
				allowed: `把 year 改为 ${file.folderYear}，或把文件移到 content/${layout[file.collection].folder}/${year}/`,
			});
		}

		const kind = entryKinds[file.collection];
		const section = text(data['section']);
		const sectionData = section ? sections.get(section) : undefined;
		if (kind && section && sectionData && !reported.has(`${file.path}\0section`)) {
			const sectionKind = sectionData['kind'];
			const sectionYear = sectionData['year'];
			const wrongKind = sectionKind !== kind && typeof sectionKind === 'string' && sectionKind in kinds;
			// Against the folder's year: a wrong `year` is reported once, above, not again here.
			const entryYear = file.folderYear ?? year;
			if (wrongKind || (typeof entryYear === 'number' && typeof sectionYear === 'number' && sectionYear !== entryYear)) {
				const what = wrongKind ? `${kinds[sectionKind as Kind]}部分` : `${String(sectionYear)} 年的部分`;
				report({
					path: file.path,
					line: file.lineOf(['section']),
					field: 'section',
					message: `所属部分 ${section} 是${what}，${String(entryYear)} 年的${collectionLabels[file.collection]}不能放在这里`,
					allowed: choices('sections', section, file),
				});
			}
		}

		if (!slug.test(file.id)) {
			report({
				path: file.path,
				line: undefined,
				field: fileParts.file,
				message: `文件名 ${file.id} 不能用作网址`,
				allowed: '文件名只用小写英文字母、数字和连字符 -，例如 fair-competition-review',
			});
		}

		const result = fileSchemas[file.collection].safeParse(file.data);
		for (const issue of result.error?.issues ?? []) {
			for (const problem of translateIssue(issue, file, schema, choices)) {
				if (!reported.has(`${problem.path}\0${problem.field}`)) problems.push(problem);
			}
		}

		if (layout[file.collection].extension === '.mdx') problems.push(...checkBody(file));
	}

	problems.push(...duplicateIds(scan.placed), ...duplicateOrders(scan.files));
	return { problems: sortProblems(problems), files: scan.files };
}

/** Every problem in the content under `contentRoot`, sorted by file and line. */
export const validateContent = (contentRoot?: string) => validate(contentRoot).problems;

/** Ids become URLs; Astro only warns when two files of a collection share one, and keeps one of them. */
function duplicateIds(placed: readonly PlacedFile[]): Problem[] {
	const groups = Map.groupBy(placed, (file) => `${file.collection}/${file.id}`);
	return [...groups.values()]
		.filter((group) => group.length > 1)
		.flatMap((group) =>
			group.map((file) => ({
				path: file.path,
				field: fileParts.file,
				message: `文件名 ${file.id} 与 ${group.filter((other) => other !== file).map((other) => other.path).join('、')} 重复：文件名就是网址，同类文件中不能重名`,
				allowed: '给其中一个文件换一个没有用过的文件名',
			})),
		);
}

/** Entries are ordered within their section, sections within their parent: each position once. */
function duplicateOrders(files: readonly ContentFile[]): Problem[] {
	const placed = files.flatMap((file) => {
		const data = asData(file.data);
		const order = data['order'];
		if (typeof order !== 'number') return [];
		const group =
			file.collection === 'sections' ? `部分 ${text(data['parent']) ?? `${String(data['year'])} 年顶级`}` : file.collection === 'owners' ? undefined : text(data['section']);
		return group ? [{ file, order, group }] : [];
	});
	const groups = Map.groupBy(placed, ({ group, file }) => `${file.collection === 'sections' ? 's' : 'e'}:${group}`);
	return [...groups.values()].flatMap((group) => {
		const used = [...new Set(group.map(({ order }) => order))].sort((a, b) => a - b);
		return group
			.filter(({ order }) => group.filter((other) => other.order === order).length > 1)
			.map(({ file, order, group: name }) => ({
				path: file.path,
				line: file.lineOf(['order']),
				field: 'order',
				message: `序号 ${order} 与 ${group.filter((other) => other.order === order && other.file !== file).map((other) => other.file.path).join('、')} 重复：同一部分（${name}）中每个序号只能用一次`,
				allowed: `这一部分已用的序号：${used.join('、')}；下一个可用的是 ${(used.at(-1) ?? 0) + 1}`,
			}));
	});
}
