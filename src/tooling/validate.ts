/**
 * The content check behind `npm run check` and `npm run build`: every file under `content/`
 * against the site's own schemas, plus what Astro does not check or only logs — links to missing
 * entries, duplicate slugs and orders, years that do not match their report, links across reports
 * that point the wrong way in time, impossible dates, bodies that are empty or would run as code.
 * It reports every problem of every file in one run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayExample } from '../lib/format';
import { reportLayout } from '../lib/layout';
import { progressToday } from '../lib/progress';
import { parseReport } from '../lib/report-text';
import { kindOfCollection, kindRegistry, kinds, measureStatuses, type Kind } from '../vocabulary';
import { scanContent, type ContentFile, type PlacedFile } from './content-files';
import { fieldDoc } from './field-docs';
import { collectionLabels, fileSchemas, layout, placeOfLinks, type CollectionName } from './file-schemas';
import { translateIssue, type Choices } from './issues';
import { jsonSchemaOf, type JsonSchemaNode } from './json-schema';
import { coverageProblems } from './coverage-problems';
import { chineseCommaItems } from './list-items';
import { checkBody } from './mdx-body';
import { placeholderProblems } from './placeholders';
import { progressProblems } from './progress-checks';
import { fieldName, fileParts, sortProblems, type Problem } from './problems';
import { readSiteInfo } from './site-info-file';
import { closest } from './suggest';

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

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
	/** Worth a look, but not wrong: they never fail the check. */
	warnings: Problem[];
	/** The files read, for callers that go on to use them (the scaffold picks a section and order). */
	files: ContentFile[];
}

export interface ValidateOptions {
	/** The day updates may not be after; by default the build's day in Beijing time (PROGRESS_TODAY overrides it). */
	today?: Date | undefined;
}

export function validate(contentRoot = join(process.cwd(), 'content'), options: ValidateOptions = {}): Validation {
	if (!existsSync(contentRoot)) {
		return { problems: [{ path: contentRoot, field: fileParts.file, message: '找不到内容文件夹', allowed: '在项目根目录运行，或用 CONTENT_DIR 指明内容文件夹' }], warnings: [], files: [] };
	}
	const scan = scanContent(contentRoot);
	const problems: Problem[] = [...scan.problems];
	let today = options.today;
	if (!today) {
		try {
			today = progressToday(process.env['PROGRESS_TODAY'], new Date());
		} catch (error) {
			problems.push({ path: 'PROGRESS_TODAY', field: '环境变量', message: (error as Error).message });
			today = progressToday(undefined, new Date());
		}
	}
	const reported = new Set<string>();
	const report = (problem: Problem) => {
		reported.add(`${problem.path}\0${problem.field}`);
		problems.push(problem);
	};
	const idsOf = (collection: CollectionName) => new Set(scan.placed.filter((p) => p.collection === collection).map((p) => p.id));
	const ids = {
		reports: idsOf('reports'),
		owners: idsOf('owners'),
		sections: idsOf('sections'),
		achievements: idsOf('achievements'),
		measures: idsOf('measures'),
	};
	const dataOf = (collection: CollectionName) => new Map(scan.files.filter((f) => f.collection === collection).map((f) => [f.id, asData(f.data)]));
	const reports = dataOf('reports');
	const owners = dataOf('owners');
	const sections = dataOf('sections');
	const achievements = dataOf('achievements');
	const measures = dataOf('measures');
	/** The report each file of a collection belongs to, by id. */
	const reportOf = (collection: CollectionName) => new Map(scan.placed.filter((p) => p.collection === collection).map((p) => [p.id, p.report]));
	const placedIn = { sections: reportOf('sections'), achievements: reportOf('achievements'), measures: reportOf('measures') };
	/** The summary year of a report, by which reports are ordered in time. */
	const summaryYearOf = (report: string | undefined) => {
		const year = report ? reports.get(report)?.['summaryYear'] : undefined;
		return typeof year === 'number' ? year : undefined;
	};

	/** The ids a link may point at, described, narrowed to sections of the entry's report and kind. */
	const choices: Choices = (target, written, file) => {
		const kind = kindOfCollection(file.collection);
		let candidates = [...ids[target]].sort();
		if (target === 'sections') candidates = candidates.filter((id) => placedIn.sections.get(id) === file.report && (!kind || sections.get(id)?.['kind'] === kind));
		const describe = (id: string) => {
			const title = text(
				target === 'owners'
					? owners.get(id)?.['name']
					: target === 'sections'
						? sections.get(id)?.['title']
						: target === 'reports'
							? reports.get(id)?.['title']
							: (target === 'achievements' ? achievements : measures).get(id)?.['title'],
			);
			return title ? `${id}（${title}）` : id;
		};
		const folder = placeOfLinks(target, file.report);
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
						allowed: `写成 YYYY-MM-DD 的真实日期，例如 ${dayExample}`,
					});
				}
			}
			problems.push(...chineseCommaItems(file, path, node, value, label));
			const target = node['x-reference'];
			const id = text(value);
			if (target && id && !ids[target].has(id)) {
				report({ path: file.path, line: file.lineOf(path), field, message: `${label} ${id} 不存在：${placeOfLinks(target, file.report)} 中没有这个文件`, allowed: choices(target, id, file) });
			}
		});

		problems.push(...checkReportYears(file, data, reports.get(file.report ?? '')));
		problems.push(...progressProblems(file, data, today), ...placeholderProblems(file));

		const kind = kindOfCollection(file.collection);
		const section = text(data['section']);
		const sectionData = section ? sections.get(section) : undefined;
		if (kind && section && sectionData && !reported.has(`${file.path}\0section`)) {
			const sectionKind = sectionData['kind'];
			const sectionReport = placedIn.sections.get(section);
			const wrongKind = sectionKind !== kind && typeof sectionKind === 'string' && sectionKind in kinds;
			if (wrongKind || sectionReport !== file.report) {
				const what = wrongKind ? `${kinds[sectionKind as Kind]}部分` : `报告 ${String(sectionReport)} 的部分`;
				report({
					path: file.path,
					line: file.lineOf(['section']),
					field: 'section',
					message: `所属部分 ${section} 是${what}，报告 ${String(file.report)} 的${collectionLabels[file.collection]}不能放在这里`,
					allowed: choices('sections', section, file),
				});
			}
		}

		// Across reports, links run with time: a measure carries on achievements of its own or an
		// earlier report; an achievement reports on measures of an earlier report's plan.
		const own = summaryYearOf(file.report);
		const crossLinks = [
			{ field: 'continues', target: 'achievements', later: false, rule: '本报告或更早报告的成果' },
			{ field: 'reportsOn', target: 'measures', later: true, rule: '更早报告计划中的举措' },
		] as const;
		for (const { field, target, later, rule } of crossLinks) {
			const links = data[field];
			if (!Array.isArray(links)) continue;
			links.forEach((value, index) => {
				const id = text(value);
				const theirs = id ? summaryYearOf(placedIn[target].get(id)) : undefined;
				if (own === undefined || theirs === undefined) return;
				if (later ? theirs < own : theirs <= own) return;
				report({
					path: file.path,
					line: file.lineOf([field, index]),
					field: `${field}[${index}]`,
					message: `${id} 属于报告 ${String(placedIn[target].get(id!))}，不是${rule}`,
					allowed: `${field} 只能指向${rule}`,
				});
			});
		}

		const updates = data['updates'];
		if (Array.isArray(updates)) {
			updates.forEach((update, index) => {
				const source = asData(asData(update)['source']);
				const from = text(source['report']);
				const paragraph = source['paragraph'];
				if (from && !ids.reports.has(from)) {
					report({
						path: file.path,
						line: file.lineOf(['updates', index, 'source', 'report']),
						field: `updates[${index}].source.report`,
						message: `出处报告 ${from} 不存在：content/reports/ 中没有这个文件夹`,
						allowed: choices('reports', from, file),
					});
					return;
				}
				const count = from ? paragraphCount(from) : undefined;
				if (count === undefined || typeof paragraph !== 'number' || paragraph <= count) return;
				report({
					path: file.path,
					line: file.lineOf(['updates', index, 'source', 'paragraph']),
					field: `updates[${index}].source.paragraph`,
					message: `报告 ${from} 的原文只有 ${count} 段，没有第 ${paragraph} 段`,
					allowed: `填 1 到 ${count} 之间的段落序号，与 /source/${from}/ 页面上的段落编号一致`,
				});
			});
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

	problems.push(
		...reportFolders(contentRoot, scan.placed),
		...duplicateIds(scan.placed),
		...duplicateOrders(scan.files),
		...parentCycles(scan.files),
		...readSiteInfo(join(contentRoot, 'site.yaml'), join(contentRoot, '..')).problems,
	);
	const troubled = new Set(problems.flatMap((problem) => reportOfPath(problem.path) ?? []));
	problems.push(...coverageProblems(contentRoot, scan.files, troubled));
	return { problems: sortProblems(problems), warnings: sortProblems(reportedButPlanned(scan.files, measures)), files: scan.files };

	/** How many paragraphs a report's text has; undefined when the report or its text is missing. */
	function paragraphCount(report: string): number | undefined {
		const path = join(contentRoot, reportLayout.folder, report, reportLayout.text);
		return existsSync(path) ? parseReport(readFileSync(path, 'utf8')).length : undefined;
	}
}

/**
 * A report's years decide the years of its files: the report's id is its summary year, its
 * achievements (and summary sections) belong to that year, its measures (and plan sections) to
 * the plan year.
 */
function checkReportYears(file: ContentFile, data: Data, report: Data | undefined): Problem[] {
	if (file.collection === 'reports') {
		const summaryYear = data['summaryYear'];
		if (typeof summaryYear !== 'number' || String(summaryYear) === file.id) return [];
		return [
			{
				path: file.path,
				line: file.lineOf(['summaryYear']),
				field: 'summaryYear',
				message: `总结年份 ${summaryYear} 与报告文件夹名 ${file.id} 不一致：报告的编号就是它总结的年份`,
				allowed: `把 summaryYear 改为 ${file.id}，或把文件夹改名为 ${summaryYear}`,
			},
		];
	}
	const kind = file.collection === 'sections' ? data['kind'] : kindOfCollection(file.collection);
	const year = data['year'];
	if (!report || typeof year !== 'number' || (kind !== 'achievement' && kind !== 'measure')) return [];
	const field = kindRegistry[kind].reportYear;
	const expected = report[field];
	if (typeof expected !== 'number' || expected === year) return [];
	return [
		{
			path: file.path,
			line: file.lineOf(['year']),
			field: 'year',
			message: `年份 ${year} 与所在报告 ${String(file.report)} 不符：报告的${kinds[kind]}属于它的 ${field}（${expected} 年）`,
			allowed: `把 year 改为 ${expected}，或把文件移到${kind === 'achievement' ? '总结' : '计划'} ${year} 年的那份报告的文件夹中`,
		},
	];
}

/** The report a problem's file belongs to, from its path (`content/reports/<id>/…`). */
const reportOfPath = (path: string) => new RegExp(`^content/${reportLayout.folder}/([^/]+)/`).exec(path)?.[1];

/** A section's `parent` chain must end at a top-level section; one that comes back to itself is named as the cycle it is. */
function parentCycles(files: readonly ContentFile[]): Problem[] {
	const sections = new Map(files.filter((file) => file.collection === 'sections').map((file) => [file.id, file]));
	const parentOf = (id: string) => text(asData(sections.get(id)?.data)['parent']);
	return [...sections.values()].flatMap((file) => {
		const chain = [file.id];
		for (let next = parentOf(file.id); next && sections.has(next); next = parentOf(next)) {
			if (next === file.id) {
				return [
					{
						path: file.path,
						line: file.lineOf(['parent']),
						field: 'parent',
						message: `上级部分形成了循环：${[...chain, file.id].join(' → ')}，这些部分都到不了顶级部分`,
						allowed: '顶级部分不写 parent；子部分的 parent 填它在报告中真正的上一级部分',
					},
				];
			}
			// A chain that loops without this section is the loop's own sections' problem.
			if (chain.includes(next)) return [];
			chain.push(next);
		}
		return [];
	});
}

/** Every report folder needs its `report.yaml` and its verbatim `report.txt`. */
function reportFolders(contentRoot: string, placed: readonly PlacedFile[]): Problem[] {
	const folders = [...new Set(placed.flatMap((file) => (file.report ? [file.report] : [])))].sort();
	const hasFile = new Set(placed.filter((file) => file.collection === 'reports').map((file) => file.id));
	// Each problem names a file that exists: the report's own, else the first file in its folder.
	return folders.flatMap((report) => {
		const path = placed.find((file) => file.report === report && file.collection === 'reports')?.path ?? placed.find((file) => file.report === report)!.path;
		const problems: Problem[] = [];
		if (!hasFile.has(report)) {
			problems.push({ path, field: fileParts.file, message: `报告 ${report} 的文件夹里没有 ${reportLayout.file}，这个文件夹中的条目不会被发布`, allowed: '参照 content/reports/ 中已有的报告写一个 report.yaml：title、publisher、summaryYear、planYear' });
		}
		if (!existsSync(join(contentRoot, reportLayout.folder, report, reportLayout.text))) {
			problems.push({ path, field: fileParts.file, message: `报告 ${report} 的文件夹里缺少原文 ${reportLayout.text}`, allowed: '把报告全文逐字存为 UTF-8 文本文件 report.txt，一段一行，放在 report.yaml 旁边' });
		}
		return problems;
	});
}

/** An achievement marked done that reports on a measure still recorded as planned: the measure's log may be behind. */
function reportedButPlanned(files: readonly ContentFile[], measures: Map<string, Data>): Problem[] {
	return files.flatMap((file) => {
		const data = asData(file.data);
		if (file.collection !== 'achievements' || data['status'] !== 'done' || !Array.isArray(data['reportsOn'])) return [];
		return data['reportsOn'].flatMap((value: unknown, index: number) => {
			const id = text(value);
			if (!id || measures.get(id)?.['status'] !== 'planned') return [];
			return [
				{
					path: file.path,
					line: file.lineOf(['reportsOn', index]),
					field: `reportsOn[${index}]`,
					message: `这项成果已完成，但它报告的举措 ${id} 仍是 planned（${measureStatuses.planned}）`,
					allowed: '如举措确有进展，请在举措文件的 updates 中记录一条注明日期的进展（可用 source 注明出自本报告哪一段）',
				},
			];
		});
	});
}

/** Every problem in the content under `contentRoot`, sorted by file and line. */
export const validateContent = (contentRoot?: string, options?: ValidateOptions) => validate(contentRoot, options).problems;

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
		const kind = data['kind'];
		const topLevel = `报告 ${String(file.report)} 的顶级${typeof kind === 'string' && kind in kinds ? kinds[kind as Kind] : ''}部分`;
		const group = file.collection === 'sections' ? (text(data['parent']) ? `部分 ${text(data['parent'])}` : topLevel) : file.collection === 'reports' || file.collection === 'owners' ? undefined : text(data['section']);
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
