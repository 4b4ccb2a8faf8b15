/**
 * A whole draft edition from a report's text: report.yaml, the verbatim report.txt, one YAML
 * file per section and one MDX file per entry, laid out as src/lib/layout.ts says, with the list
 * of every guess made (file and line) for staff to confirm. Pure: the existing content comes in
 * as parsed files, the draft goes out as paths and texts.
 */
import { stringify } from 'yaml';
import { reportLayout } from '../../lib/layout';
import { headingText, parseReport, plainText, splitSentences } from '../../lib/report-text';
import { achievementStatuses, kindRegistry, type Kind } from '../../vocabulary';
import type { ContentFile } from '../content-files';
import { achievementStatus, summaryOf, titleOf } from './entries';
import { ImportError } from './errors';
import { extractMetrics, type Metric } from './metrics';
import { matchOwner, unknownBodies, type OwnerRecord } from './owners';
import { suggestLinks } from './similarity';
import { uniqueSlug } from './slugs';
import { flatten, readStructure, type DraftSection, type Part, type Sentence } from './structure';

export interface DraftOptions {
	/** The report's text, decoded: one paragraph per line. */
	text: string;
	/** The report's id: the year it sums up. */
	id: string;
	summaryYear?: number | undefined;
	planYear?: number | undefined;
	/** An owner id; by default the body the text names first, else the latest report's publisher. */
	publisher?: string | undefined;
	title?: string | undefined;
	/** Where the text came from, named in report.yaml's comment. */
	source: string;
	/** Every content file there is now (owners, other reports); the edition being replaced left out. */
	existing: readonly ContentFile[];
	/** The entries of the edition being replaced, to keep their slugs. */
	replaced?: readonly ContentFile[];
}

export interface DraftFile {
	/** Path inside the content folder, with forward slashes. */
	path: string;
	content: string;
}

export interface ReviewItem {
	path: string;
	line: number;
	/** 标题, 责任单位, 状态, 关联, 数据, 部分, 报告 … */
	what: string;
	note: string;
}

export interface Draft {
	files: DraftFile[];
	review: ReviewItem[];
	/** What was decided and why, for the command's first lines. */
	decisions: string[];
	counts: { sections: number; achievements: number; measures: number; metrics: number };
}

type Data = Record<string, unknown>;
const kindOfPart: Record<Part, Kind> = { summary: 'achievement', plan: 'measure' };
const planWords = /^(\d{4})年(.*?)(工作思路|工作打算|工作计划|工作安排)/;
/** What an MDX body cannot hold verbatim: tags, expressions, emphasis marks, list or heading marks. */
const unsafeInMdx = /[<>{}*_`\\]|&[a-zA-Z#0-9]+;|^\s*(?:[-+>#]|\d+[.)]\s)/;

interface Entry {
	kind: Kind;
	slug: string;
	section: DraftSection;
	sectionId: string;
	order: number;
	sentences: Sentence[];
	title: string;
	owner: string;
	ownerReason?: string;
	partners: string[];
	status: string;
	statusBecause?: string;
	summary: string;
	metrics: Metric[];
	links: string[];
}

/** YAML the way the content files are written: block lists, no folded lines. */
const yaml = (data: Data) => stringify(data, { lineWidth: 0 });

/** The 1-based line of `key:` at the start of a line in `text`. */
const lineOf = (text: string, key: string, from = 1) => {
	const lines = text.split('\n');
	const at = lines.findIndex((line, i) => i + 1 >= from && line.startsWith(`${key}:`));
	return at + 1;
};
/** The lines of a block list's items under `key:` (`  - label: …`). */
const itemLines = (text: string, key: string) => {
	const lines = text.split('\n');
	const start = lines.findIndex((line) => line.startsWith(`${key}:`));
	const found: number[] = [];
	for (let i = start + 1; start >= 0 && i < lines.length && /^\s/.test(lines[i]!); i++) if (/^\s*- /.test(lines[i]!)) found.push(i + 1);
	return found;
};

export function buildDraft(options: DraftOptions): Draft {
	const { id, text, existing } = options;
	const decisions: string[] = [];
	const review: ReviewItem[] = [];
	const summaryYear = options.summaryYear ?? Number(id);
	if (summaryYear !== Number(id)) throw new ImportError(`--summary-year ${summaryYear} 与 --id ${id} 不一致：报告的编号就是它总结的年份`);
	const structure = readStructure(text, options.planYear);
	const statedYear = structure.summaryHeading ? /(\d{4})年/.exec(structure.summaryHeading)?.[1] : undefined;
	if (statedYear && Number(statedYear) !== summaryYear) throw new ImportError(`标题“${structure.summaryHeading}”说总结的是 ${statedYear} 年，但 --id 是 ${id}：报告的编号就是它总结的年份，请核对 --id`);
	const headingYear = structure.planHeading ? /(\d{4})年/.exec(structure.planHeading)?.[1] : undefined;
	const planYear = options.planYear ?? (headingYear ? Number(headingYear) : summaryYear + 1);
	if (!(planYear > summaryYear)) throw new ImportError(`计划年份 ${planYear} 须晚于总结年份 ${summaryYear}：请用 --plan-year 指明`);
	decisions.push(`总结年份 ${summaryYear}：${options.summaryYear ? '来自 --summary-year' : '即报告编号 --id'}`);
	decisions.push(
		`计划年份 ${planYear}：${options.planYear ? '来自 --plan-year' : headingYear ? `来自标题“${structure.planHeading}”` : structure.planHeading ? `标题“${structure.planHeading}”中没有年份，取总结年份的下一年` : '没有找到计划部分的标题，取总结年份的下一年'}`,
	);
	decisions.push(structure.planHeading ? `计划部分从标题“${structure.planHeading}”开始，此前为总结部分` : '没有找到“工作思路”“下一步工作打算”一类的标题：全文按总结部分（成果）导入');

	const owners: OwnerRecord[] = existing
		.filter((f) => f.collection === 'owners')
		.map((f) => ({ id: f.id, name: String((f.data as Data)['name'] ?? ''), shortName: String((f.data as Data)['shortName'] ?? '') }));
	const reports = existing.filter((f) => f.collection === 'reports').sort((a, b) => a.id.localeCompare(b.id));
	const publisher = choosePublisher(options.publisher, owners, text, reports, decisions);
	const publisherRecord = owners.find((o) => o.id === publisher)!;

	const reportFolder = `${reportLayout.folder}/${id}`;
	const sectionId = (s: DraftSection) => `r${id}-${s.path}`;
	const takenSections = new Set(existing.filter((f) => f.collection === 'sections').map((f) => f.id));
	const all = flatten(structure.sections);
	for (const s of all) if (takenSections.has(sectionId(s))) throw new ImportError(`部分编号 ${sectionId(s)} 已被其他报告使用：请先处理 content/reports/ 中用到它的报告`);

	// Entries, in the report's order; a sentence MDX cannot hold verbatim joins its section's intro.
	const kept = new Map((options.replaced ?? []).map((f) => [splitSentences(plainText(f.body))[0] ?? '', f.id]));
	const taken = new Set(existing.filter((f) => f.collection === 'achievements' || f.collection === 'measures').map((f) => f.id));
	for (const slug of kept.values()) taken.delete(slug);
	const entries: Entry[] = [];
	const parentOf = new Map<DraftSection, DraftSection>();
	for (const s of all) for (const c of s.children) parentOf.set(c, s);
	const movedToIntro: { section: DraftSection; sentence: Sentence }[] = [];
	placeOnce(all, review, `${reportFolder}/${reportLayout.text}`);
	for (const section of all) {
		const kind = kindOfPart[section.part];
		const year = section.part === 'summary' ? summaryYear : planYear;
		let order = 0;
		for (const item of section.items) {
			// A sentence too short to title an entry ("好。") reads as the section's words too.
			const unfit = (s: Sentence) => unsafeInMdx.test(s.text) || (item.length === 1 && summaryOf([s.text]).replace(/[。！？!?]$/, '').length < 2);
			const safe = item.filter((s) => !unfit(s));
			for (const s of item.filter(unfit)) movedToIntro.push({ section, sentence: s });
			if (!safe.length) continue;
			const sentences = safe.map((s) => s.text);
			const title = titleOf(sentences, [publisherRecord.name, publisherRecord.shortName]);
			const owner = matchOwner(sentences, owners, publisher);
			const status = kind === 'achievement' ? achievementStatus(sentences) : { status: 'planned' as const };
			const reuse = kept.get(sentences[0]!);
			const slug = reuse && !taken.has(reuse) ? (taken.add(reuse), reuse) : uniqueSlug(title, year, taken, `${kindRegistry[kind].folder.slice(0, -1)}-${sectionId(section)}-${order + 1}`);
			entries.push({
				kind,
				slug,
				section,
				sectionId: sectionId(section),
				order: ++order,
				sentences: safe,
				title,
				owner: owner.owner,
				...(owner.reason ? { ownerReason: owner.reason } : {}),
				partners: owner.partners,
				status: status.status,
				...('because' in status && status.because ? { statusBecause: status.because } : {}),
				summary: summaryOf(sentences),
				metrics: extractMetrics(sentences.join('')),
				links: [],
			});
		}
	}
	for (const { section, sentence } of movedToIntro) section.intro.push(sentence);
	for (const section of all) {
		const open = section.intro.slice(0, -1).find((x) => !x.text.endsWith('。'));
		if (open) throw new ImportError(`第 ${open.paragraph} 段的“${open.text.slice(0, 20)}”没有句号，又无法单独成为一项：请在原文中核对这一段（是否漏了句号或内容）后再导入`);
	}

	suggestCrossLinks(entries, existing, reports, summaryYear);

	const files: DraftFile[] = [];
	const reportData: Data = {
		title: options.title ?? reportTitle(structure, summaryYear, planYear),
		publisher,
		summaryYear,
		planYear,
		...(structure.summaryHeading ? { summaryTitle: structure.summaryHeading } : {}),
		...(structure.planHeading ? { planTitle: structure.planHeading } : {}),
	};
	const reportYaml = `# 由 npm run import 从 ${options.source} 导入的报告：总结 summaryYear 年的工作，提出 planYear 年的举措。\n# 请按 CONTRIBUTING.md 第五节核对；发布日期（publishedOn）和网址（sourceUrl）知道后再填。\n${yaml(reportData)}`;
	files.push({ path: `${reportFolder}/${reportLayout.file}`, content: reportYaml });
	files.push({ path: `${reportFolder}/${reportLayout.text}`, content: `${text}\n` });
	if (!options.title) review.push({ path: `${reportFolder}/${reportLayout.file}`, line: lineOf(reportYaml, 'title'), what: '报告', note: `报告标题“${String(reportData['title'])}”是按年份和标题拼出的，请改为报告正式发布的标题` });

	let metricCount = 0;
	const headings = new Set(parseReport(text).flatMap((p) => p.sentences.map(headingText)));
	for (const section of all) {
		const path = `${reportFolder}/${reportLayout.sections}/${sectionId(section)}.yaml`;
		const parent = parentOf.get(section);
		// A title of the import's own must not read as a heading of the text, or that sentence would stand twice.
		const proposed = section.titleFrom === 'closing' ? (entries.find((e) => e.section === section)?.title ?? '结语') : section.title;
		const title = section.titleFrom !== 'heading' && section.titleFrom !== 'lead' && headings.has(proposed) ? (section.titleFrom === 'closing' ? '结语' : '报告开头') : proposed;
		const intro = section.intro.map((s) => s.text).join('');
		const metrics = extractMetrics(intro);
		metricCount += metrics.length;
		const data: Data = {
			year: section.part === 'summary' ? summaryYear : planYear,
			kind: kindOfPart[section.part],
			order: section.order,
			...(section.numbering ? { numbering: section.numbering } : {}),
			title,
			...(parent ? { parent: sectionId(parent) } : {}),
			...(intro ? { intro } : {}),
			...(metrics.length ? { metrics } : {}),
		};
		const content = yaml(data);
		files.push({ path, content });
		if (section.titleFrom === 'lead') review.push({ path, line: lineOf(content, 'title'), what: '部分', note: `“${title}”是段落开头的引领句，已作为小标题；若不是小标题，请把它并回上一级部分` });
		if (section.titleFrom === 'preamble') review.push({ path, line: lineOf(content, 'title'), what: '部分', note: `报告开头的段落没有标题，暂称“${title}”` });
		if (section.titleFrom === 'closing') review.push({ path, line: lineOf(content, 'title'), what: '部分', note: `总结之后的结尾段落没有标题，暂称“${title}”，请改为合适的标题` });
		metrics.forEach((m, i) => review.push({ path, line: itemLines(content, 'metrics')[i] ?? lineOf(content, 'metrics'), what: '数据', note: describeMetric(m) }));
		for (const { sentence } of movedToIntro.filter((m) => m.section === section)) {
			review.push({ path, line: lineOf(content, 'intro'), what: '部分', note: `句子“${sentence.text.slice(0, 20)}”${unsafeInMdx.test(sentence.text) ? '含有 MDX 正文不能照录的符号（< > { } * _ 等）' : '太短，不成一项'}，已放入本部分的 intro` });
		}
	}

	const bodies = unknownBodies(text, owners);
	for (const entry of entries) {
		const folder = kindRegistry[entry.kind].folder;
		const path = `${reportFolder}/${folder}/${entry.slug}.mdx`;
		const data: Data = {
			title: entry.title,
			year: entry.kind === 'achievement' ? summaryYear : planYear,
			section: entry.sectionId,
			order: entry.order,
			owner: entry.owner,
			...(entry.partners.length ? { partners: entry.partners } : {}),
			status: entry.status,
			summary: entry.summary,
			...(entry.metrics.length ? { metrics: entry.metrics } : {}),
			...(entry.links.length ? { [entry.kind === 'measure' ? 'continues' : 'reportsOn']: entry.links } : {}),
			...(entry.kind === 'measure' ? { updates: [] } : {}),
		};
		metricCount += entry.metrics.length;
		const frontmatter = yaml(data);
		const paragraphs = [...Map.groupBy(entry.sentences, (s) => s.paragraph).values()].map((group) => group.map((s) => s.text).join(''));
		const content = `---\n${frontmatter}---\n\n${paragraphs.join('\n\n')}\n`;
		files.push({ path, content });
		const line = (key: string) => lineOf(frontmatter, key) + 1;
		review.push({ path, line: line('title'), what: '标题', note: `取自原文：“${entry.title}”` });
		if (entry.ownerReason) review.push({ path, line: line('owner'), what: '责任单位', note: `${entry.owner}：${entry.ownerReason}` });
		if (entry.partners.length) review.push({ path, line: line('partners'), what: '责任单位', note: `文中提到 ${entry.partners.join('、')}，已列为参与单位（partners）` });
		const named = bodies.filter((b) => entry.sentences.some((s) => s.text.includes(b)));
		if (named.length) review.push({ path, line: line('owner'), what: '责任单位', note: `文中提到的 ${named.join('、')} 在 content/owners/ 中没有文件；如它是责任单位，请按报告中的名称新建 owner 文件` });
		if (entry.kind === 'achievement') {
			review.push({
				path,
				line: line('status'),
				what: '状态',
				note: entry.statusBecause ? `${entry.status}（${achievementStatuses.ongoing}）：文中有“${entry.statusBecause}”，工作仍在进行` : `${entry.status}（${achievementStatuses.done}）：文中没有说工作仍在进行`,
			});
		}
		entry.metrics.forEach((m, i) => review.push({ path, line: itemLines(frontmatter, 'metrics')[i]! + 1, what: '数据', note: describeMetric(m) }));
		const field = entry.kind === 'measure' ? 'continues' : 'reportsOn';
		itemLines(frontmatter, field).forEach((l, i) => {
			review.push({ path, line: l + 1, what: '关联', note: `${field} ${entry.links[i]}：与它的文字相近，请确认${entry.kind === 'measure' ? '这项举措是在延续这项成果' : '这项成果报告的是这项举措的完成情况'}` });
		});
	}
	const count = (kind: Kind) => entries.filter((e) => e.kind === kind).length;
	return { files, review, decisions, counts: { sections: all.length, achievements: count('achievement'), measures: count('measure'), metrics: metricCount } };
}

/**
 * Each sentence in one place only: a heading written twice cannot be, so it is refused; a sentence
 * the report repeats stands where it first appears; an intro runs only up to a sentence without a
 * full stop (what follows would join it), the rest become items.
 */
function placeOnce(all: DraftSection[], review: ReviewItem[], textPath: string) {
	const titled = all.filter((s) => s.titleFrom === 'heading' || s.titleFrom === 'lead');
	for (const [title, group] of Map.groupBy(titled, (s) => s.title)) {
		if (group.length > 1) throw new ImportError(`报告中有 ${group.length} 个相同的标题“${title}”（第 ${group.map((s) => s.paragraph).join('、')} 段）：网站中每句话只能出现在一处，请在原文中核对后再导入`);
	}
	const placed = new Set(titled.map((s) => s.title));
	const once = (list: Sentence[]) =>
		list.filter((x) => {
			const fresh = !placed.has(x.text) && !placed.has(headingText(x.text));
			if (!fresh) review.push({ path: textPath, line: x.paragraph, what: '原文', note: `“${x.text.slice(0, 20)}”在报告中重复出现，只放在它第一次出现的地方` });
			placed.add(x.text);
			return fresh;
		});
	for (const section of all) {
		section.intro = once(section.intro);
		const cut = section.intro.findIndex((x, i) => i < section.intro.length - 1 && !x.text.endsWith('。'));
		if (cut >= 0) section.items.unshift(...section.intro.splice(cut + 1).map((x) => [x]));
		section.items = section.items.map(once).filter((item) => item.length);
	}
}

const describeMetric = (m: Metric) => `${m.qualifier && m.qualifier !== '余' && m.qualifier !== '以上' ? m.qualifier : ''}${m.value}${m.qualifier === '余' ? '余' : ''}${m.unit}${m.qualifier === '以上' ? '以上' : ''}，标签“${m.label}”：请核对标签是否说清了数的是什么`;

function reportTitle(structure: { summaryHeading?: string; planHeading?: string }, summaryYear: number, planYear: number): string {
	const match = structure.planHeading ? planWords.exec(structure.planHeading) : null;
	if (match) return `${summaryYear}年${match[2]}工作总结和${planYear}年${match[3]}`;
	return structure.summaryHeading ?? `${summaryYear}年工作总结和${planYear}年工作思路`;
}

function choosePublisher(given: string | undefined, owners: readonly OwnerRecord[], text: string, reports: readonly ContentFile[], decisions: string[]): string {
	if (given) {
		if (!owners.some((o) => o.id === given)) throw new ImportError(`--publisher ${given} 不存在：content/owners/ 中没有 ${given}.yaml；可选：${owners.map((o) => `${o.id}（${o.name}）`).join('、')}`);
		decisions.push(`发布单位 ${given}：来自 --publisher`);
		return given;
	}
	const named = owners
		.map((o) => ({ o, at: Math.min(...[text.indexOf(o.name), text.indexOf(o.shortName)].filter((i) => i >= 0)) }))
		.filter((x) => Number.isFinite(x.at))
		.sort((a, b) => a.at - b.at)[0];
	if (named) {
		decisions.push(`发布单位 ${named.o.id}（${named.o.name}）：报告中最先提到的责任单位`);
		return named.o.id;
	}
	const latest = reports.at(-1);
	const previous = latest ? String((latest.data as Data)['publisher'] ?? '') : '';
	if (previous && owners.some((o) => o.id === previous)) {
		decisions.push(`发布单位 ${previous}：报告中没有提到已有的责任单位，沿用报告 ${latest!.id} 的发布单位`);
		return previous;
	}
	throw new ImportError('无法确定发布单位：报告中没有提到 content/owners/ 中的任何单位。请用 --publisher <单位编号> 指明');
}

/**
 * Suggests, by text similarity, what each measure carries on (achievements of this edition or
 * the previous one) and which of the previous plan's measures each achievement reports on.
 */
function suggestCrossLinks(entries: Entry[], existing: readonly ContentFile[], reports: readonly ContentFile[], summaryYear: number) {
	const earlier = reports.filter((r) => Number((r.data as Data)['summaryYear']) < summaryYear).at(-1)?.id;
	const doc = (f: ContentFile) => ({ id: f.id, text: `${String((f.data as Data)['title'] ?? '')}${plainText(f.body)}` });
	const previous = (collection: string) => existing.filter((f) => f.collection === collection && f.report === earlier).map(doc);
	const own = (kind: Kind) => entries.filter((e) => e.kind === kind).map((e) => ({ id: e.slug, text: `${e.title}${e.sentences.map((s) => s.text).join('')}` }));
	const bySlug = new Map(entries.map((e) => [e.slug, e]));
	const link = (queries: { id: string; text: string }[], candidates: { id: string; text: string }[]) => {
		for (const s of suggestLinks(queries, candidates, { threshold: linkThreshold, max: 2 })) bySlug.get(s.from)!.links.push(s.to);
	};
	link(own('measure'), [...own('achievement'), ...previous('achievements')]);
	if (earlier) link(own('achievement'), previous('measures'));
}

/** How alike two texts must be before a link is suggested; measured by `npm run bench:import`. */
export const linkThreshold = 0.25;
