/**
 * The linker: plain reports, owners, sections and entries in (as the collections' schemas output
 * them), the linked model of the whole site out — every report with its summary and plan,
 * sections in each report's order, entries linked to their report, section, owners and to each
 * other across years, progress worked out. No `astro:content` here, so it is unit-tested on
 * in-memory fixtures; `src/data/site.ts` feeds it from the collections.
 */
import type { z } from 'astro/zod';
import { planKindPages } from '../lib/list-pages';
import { reportOfPath } from '../lib/layout';
import { asOf, isReported, lateItems, measureStatus, percent, recordedStatus, reportName, rollUp, rollUpBy, shownStatus, tally, tasksOf, timeline, updateAnchors } from '../lib/progress';
import type { AsOf, LateItem, RollUp, Task, Tally } from '../lib/progress';
import { paragraphsOf, paragraphsOfSection, parseReport, plainText, splitSentences, type Paragraph } from '../lib/report-text';
import { entryUrl, ownerUrl, reportUrl, sectionUrl, sourceUrl } from '../lib/urls';
import type * as schemas from '../schemas';
import type { Link } from '../schemas/reference';
import { achievementStatuses, keysOf, kindRegistry, kinds, statusLabels, type AchievementStatus, type Kind, type MeasureStatus, type Status } from '../vocabulary';

type LinkSchema = z.ZodType<Link>;
export type ReportData = z.output<ReturnType<typeof schemas.report<LinkSchema>>>;
export type OwnerData = z.output<typeof schemas.owner>;
export type SectionData = z.output<ReturnType<typeof schemas.section<LinkSchema>>>;
export type AchievementData = z.output<ReturnType<typeof schemas.achievement<LinkSchema>>>;
export type MeasureData = z.output<ReturnType<typeof schemas.measure<LinkSchema>>>;
type UpdateData = MeasureData['updates'][number];
type ActionData = MeasureData['actions'][number];
export type Metric = AchievementData['metrics'][number];

/** One file of a collection as the linker needs it: `CollectionEntry` has this shape. */
export interface SourceEntry<D> {
	id: string;
	data: D;
	body?: string | undefined;
	filePath?: string | undefined;
}

export interface LinkInput {
	reports: readonly SourceEntry<ReportData>[];
	owners: readonly SourceEntry<OwnerData>[];
	sections: readonly SourceEntry<SectionData>[];
	achievements: readonly SourceEntry<AchievementData>[];
	measures: readonly SourceEntry<MeasureData>[];
	/** The day lateness is judged on (rule `delayed`). */
	today: Date;
}

/** One yearly report: what it sums up, what it plans, and its text. */
export interface Report extends Omit<ReportData, 'publisher' | 'text' | 'summaryTitle' | 'planTitle' | 'sourceUrl'> {
	id: string;
	publisher: Owner;
	/** The report's heading of its summary, or "<year> 年成果". */
	summaryTitle: string;
	/** The report's heading of its plan, or "<year> 年举措". */
	planTitle: string;
	/** Where the report is officially published, when known. */
	officialUrl: string | undefined;
	/** How readers name it: "<summaryYear> 年工作报告". */
	name: string;
	paragraphs: Paragraph[];
	/** Its page on this site, and its text's. */
	url: string;
	textUrl: string;
	/** Its sections, depth first in its order: the summary's, then the plan's. */
	sections: Section[];
	achievements: Achievement[];
	measures: Measure[];
	filePath: string;
}

export interface Owner extends OwnerData {
	id: string;
	url: string;
	/** Entries the body is the owner of, in the reports' order. */
	owns: Entry[];
	/** Entries the body takes part in as a partner. */
	partnerIn: Entry[];
	/** Progress of the measures the body owns and of the tasks it answers for (rule `roll-up`). */
	readonly progress: RollUp;
}

export interface Section extends Omit<SectionData, 'parent'> {
	id: string;
	report: Report;
	/** 0 for a top-level part of the report. */
	depth: number;
	parent: Section | undefined;
	/** The section's ancestors, outermost first. */
	ancestors: Section[];
	children: Section[];
	/** Entries placed directly in this section, by `order`. */
	entries: Entry[];
	/** Its heading on the list page that shows it. */
	url: string;
	/** Paragraphs of its report where the heading or intro stands. */
	paragraphs: number[];
}

interface EntryCommon {
	id: string;
	report: Report;
	statusLabel: string;
	owner: Owner;
	partners: Owner[];
	section: Section;
	url: string;
	/** Path of the source file from the project root, for the edit link. */
	filePath: string;
	/** The body's report sentences as plain text, one paragraph per line. */
	text: string;
	/** Paragraphs of its report that the body quotes, for the link to the original. */
	paragraphs: number[];
}

type Shared = 'section' | 'owner' | 'partners';

export interface Achievement extends EntryCommon, Omit<AchievementData, Shared | 'reportsOn'> {
	kind: 'achievement';
	status: AchievementStatus;
	entry: SourceEntry<AchievementData>;
	/** Later measures that carry this achievement on. */
	continuedBy: Measure[];
	/** Measures of earlier plans that this achievement reports on (完成情况). */
	reportsOn: Measure[];
}

/** One task a measure lists, with its owner resolved and the status readers see. */
export interface Action extends Omit<ActionData, 'owner' | 'status'> {
	/** The status shown: the recorded one, or `delayed` once past due (rule `delayed`). */
	status: MeasureStatus;
	/** The status the file records. */
	recordedStatus: MeasureStatus;
	/** The responsible body: the action's own, else the measure's. */
	owner: Owner;
	/** Whether the action names a body of its own. */
	ownOwner: boolean;
}

/** Where an update's fact was published. */
export type UpdateSource =
	| { kind: 'report'; report: Report; paragraph: Paragraph; url: string }
	| { kind: 'web'; url: string; title: string };

/** One dated entry of a measure's progress log. */
export interface Update extends Omit<UpdateData, 'source'> {
	source: UpdateSource | undefined;
	/** The id of the entry on the measure's page, stable for the feed. */
	anchor: string;
	/** The entry on the measure's page. */
	url: string;
}

/** Where a measure stands, worked out by the rules of `src/lib/progress.ts`. */
export interface MeasureProgress {
	/** The status the file records (equal to the latest update's, when there is one). */
	recordedStatus: MeasureStatus;
	/** The measure's tasks with their shown status (rule `tasks`). */
	tasks: Task<Action>[];
	tally: Tally;
	/** Whole percentage of tasks done, undefined when nothing counts (rule `progress`). */
	percent: number | undefined;
	/** Whether the measure counts as one task itself, having no action left to count. */
	countsItself: boolean;
	asOf: AsOf;
}

export interface Measure extends EntryCommon, Omit<MeasureData, Shared | 'actions' | 'updates' | 'continues'> {
	kind: 'measure';
	/** The status shown: the latest update's, or `delayed` once past due (rules `status`, `delayed`). */
	status: MeasureStatus;
	entry: SourceEntry<MeasureData>;
	actions: Action[];
	/** The progress log, oldest first. */
	updates: Update[];
	progress: MeasureProgress;
	/** The same tasks as `progress.tasks`, for the roll-up functions. */
	tasks: Task<Action>[];
	/** Achievements this measure carries on. */
	continues: Achievement[];
	/** Achievements of later reports that say how this measure went (rule `evidence`). */
	reportedBy: Achievement[];
}

export type Entry = Achievement | Measure;

/** A year's progress: its measures rolled up, and how many a later report accounts for. */
export interface YearProgress {
	year: number;
	rollUp: RollUp;
	/** Measures of the year that a later report's achievement reports on (rule `evidence`). */
	reported: number;
}

/** The progress of every plan, for /progress/, the feed and the home page. */
export interface Progress {
	/** The day lateness is judged on (rule `delayed`). */
	today: Date;
	overall: RollUp;
	/** One row per year with measures, in order. */
	byYear: YearProgress[];
	/** One row per top-level section with measures, in the reports' order; sub-sections roll up into it. */
	bySection: { section: Section; rollUp: RollUp }[];
	/** One row per body that owns a measure or a task, in the owners' order. */
	byOwner: { owner: Owner; rollUp: RollUp }[];
	/** Late measures and actions, the longest overdue first. */
	late: LateItem<Measure, Action>[];
	/** Every update, newest first. */
	timeline: { measure: Measure; update: Update }[];
	asOf: AsOf;
}

/** Achievements by status, for one year or all. */
export type AchievementCounts = Record<AchievementStatus, number>;

/** The whole site: every report, linked. */
export interface Site {
	/** Every report, oldest first. */
	reports: Report[];
	/** The newest report, which the home page leads with. */
	latest: Report | undefined;
	owners: Owner[];
	/** Every section, depth first in the reports' order. */
	sections: Section[];
	/** Every entry, in the reports' order. */
	entries: Entry[];
	achievements: Achievement[];
	measures: Measure[];
	/** Every year that has entries or sections, ascending. */
	years: number[];
	report(id: string): Report;
	owner(id: string): Owner;
	section(id: string): Section;
	achievement(id: string): Achievement;
	/** The entry whose own page is at `url` (a path such as `/measures/m-…/`), if any. */
	entryAt(url: string): Entry | undefined;
	progress: Progress;
	/** The title of a year's list of a kind: its report's own heading for that part, else "<year> 年成果". */
	yearTitle(kind: Kind, year: number): string;
}

/** Where a link stands, for the error that says what to fix: the file and the field. */
interface LinkSite {
	file: string;
	field: string;
}

/** A lookup by id that fails the build, naming the file and field, when the id does not exist. */
function lookup<T extends { id: string }>(items: readonly T[], what: string) {
	const byId = new Map(items.map((item) => [item.id, item]));
	return (id: string, site?: LinkSite) => {
		const item = byId.get(id);
		// Astro only logs a dangling reference(); the site must not publish one.
		if (!item) {
			const where = site ? `${site.file} 的 ${site.field}：` : '';
			const known = [...byId.keys()].sort().join('、');
			throw new Error(`${where}${what} "${id}" 不存在。现有的${what}：${known || '（无）'}。`);
		}
		return item;
	};
}

const byOrder = (a: { data: { order: number } }, b: { data: { order: number } }) => a.data.order - b.data.order;
const kindOrder = keysOf(kindRegistry);
const fileOf = (entry: SourceEntry<unknown>, what: string) => entry.filePath ?? `${what} ${entry.id}`;

/** The year an entry of `kind` in `report` belongs to (achievement → summary year, measure → plan year). */
export const yearOf = (report: Pick<ReportData, 'summaryYear' | 'planYear'>, kind: Kind) => report[kindRegistry[kind].reportYear];

/** The report a file belongs to, by the folder it is in. */
function reportIdOf(entry: SourceEntry<unknown>, what: string): string {
	const id = entry.filePath ? reportOfPath(entry.filePath) : undefined;
	if (!id) throw new Error(`${fileOf(entry, what)}：不在任何报告的文件夹（content/reports/<编号>/）中。`);
	return id;
}

export function link(input: LinkInput): Site {
	const { today } = input;
	// An owner's progress is rolled up once every measure is linked (`byOwner` below).
	const owners: Owner[] = input.owners.map(({ id, data }) => ({
		id,
		...data,
		url: ownerUrl(id),
		owns: [],
		partnerIn: [],
		get progress() {
			return byOwner.get(this) ?? rollUp([]);
		},
	}));
	const owner = lookup(owners, '责任单位');

	const reports: Report[] = [...input.reports]
		.sort((a, b) => a.data.summaryYear - b.data.summaryYear)
		.map((entry) => {
			const { text, publisher, summaryTitle, planTitle, sourceUrl: officialUrl, ...data } = entry.data;
			const file = fileOf(entry, '报告');
			return {
				...data,
				id: entry.id,
				publisher: owner(publisher.id, { file, field: 'publisher' }),
				summaryTitle: summaryTitle ?? `${data.summaryYear} 年${kinds.achievement}`,
				planTitle: planTitle ?? `${data.planYear} 年${kinds.measure}`,
				officialUrl,
				name: reportName(data.summaryYear),
				paragraphs: parseReport(text),
				url: reportUrl(entry.id),
				textUrl: sourceUrl(entry.id),
				sections: [],
				achievements: [],
				measures: [],
				filePath: entry.filePath ?? '',
			};
		});
	const report = lookup(reports, '报告');

	/** Checks the year a file states against its report's, so that a copied file cannot land in the wrong year. */
	const inReport = (entry: SourceEntry<{ year: number }>, kind: Kind, what: string) => {
		const found = report(reportIdOf(entry, what));
		const year = yearOf(found, kind);
		if (entry.data.year !== year) {
			throw new Error(`${fileOf(entry, what)} 的 year：${entry.data.year} 与所在报告 ${found.id} 不符，报告的${kinds[kind]}属于 ${year} 年。`);
		}
		return found;
	};

	const sections: Section[] = [];
	const childrenOf = new Map<string | undefined, SourceEntry<SectionData>[]>();
	for (const entry of input.sections) {
		const key = entry.data.parent ? entry.data.parent.id : `${reportIdOf(entry, '板块')}:${entry.data.kind}`;
		childrenOf.set(key, [...(childrenOf.get(key) ?? []), entry]);
	}
	// A section's URL is its heading on the list page that shows it, which depends on how the
	// lists are cut into pages, so it is read from the plans once every entry is placed.
	const sectionUrlOf = (section: Section) => planKindPages(section.kind, sections).sectionUrl(section) ?? sectionUrl(section.kind, section.id);
	const addSections = (key: string, of: Report, parent: Section | undefined, seen: Set<string>) => {
		for (const entry of [...(childrenOf.get(key) ?? [])].sort(byOrder)) {
			// A cycle of parents would recurse forever; the content check names it.
			if (seen.has(entry.id)) throw new Error(`${fileOf(entry, '板块')} 的 parent：上级部分形成了循环。`);
			const { parent: _parent, ...data } = entry.data;
			const section: Section = {
				...data,
				id: entry.id,
				report: inReport(entry, data.kind, '板块'),
				depth: parent ? parent.depth + 1 : 0,
				parent,
				ancestors: parent ? [...parent.ancestors, parent] : [],
				children: [],
				entries: [],
				get url() {
					return sectionUrlOf(this);
				},
				paragraphs: paragraphsOfSection(data.title, data.intro, of.paragraphs),
			};
			parent?.children.push(section);
			sections.push(section);
			of.sections.push(section);
			addSections(entry.id, of, section, new Set([...seen, entry.id]));
		}
	};
	for (const of of reports) for (const kind of kindOrder) addSections(`${of.id}:${kind}`, of, undefined, new Set());
	const section = lookup(sections, '板块');
	// A section under a missing parent, or in a cycle of parents, is never reached above: name it rather than drop it.
	const parentOf = new Map(input.sections.map((entry) => [entry.id, entry.data.parent?.id]));
	for (const entry of input.sections) {
		if (!entry.data.parent || sections.some((s) => s.id === entry.id)) continue;
		const chain = [entry.id];
		for (let next = parentOf.get(entry.id); next !== undefined && parentOf.has(next); next = parentOf.get(next)) {
			chain.push(next);
			if (next === entry.id) throw new Error(`${fileOf(entry, '板块')} 的 parent：上级部分形成了循环（${chain.join(' → ')}）。`);
			if (chain.length > parentOf.size) break;
		}
		section(entry.data.parent.id, { file: fileOf(entry, '板块'), field: 'parent' });
	}

	const common = <D extends AchievementData | MeasureData>(kind: Kind, entry: SourceEntry<D>) => {
		const { data } = entry;
		const file = fileOf(entry, kinds[kind]);
		const of = inReport(entry, kind, kinds[kind]);
		const placed = section(data.section.id, { file, field: 'section' });
		if (placed.report !== of || placed.kind !== kind) {
			throw new Error(`${file} 的 section：板块 "${placed.id}" 不是报告 ${of.id} 的${kinds[kind]}部分。`);
		}
		const text = plainText(entry.body ?? '');
		return {
			id: entry.id,
			report: of,
			statusLabel: statusLabels[data.status as Status],
			owner: owner(data.owner.id, { file, field: 'owner' }),
			partners: data.partners.map((p, index) => owner(p.id, { file, field: `partners.${index}` })),
			section: placed,
			url: entryUrl(kind, entry.id),
			filePath: entry.filePath ?? '',
			text,
			paragraphs: paragraphsOf(splitSentences(text), of.paragraphs),
		};
	};

	const achievements: Achievement[] = input.achievements.map((entry) => {
		const { section: _s, owner: _o, partners: _p, reportsOn: _r, ...data } = entry.data;
		return { ...data, ...common('achievement', entry), kind: 'achievement', entry, continuedBy: [], reportsOn: [] };
	});
	const achievement = lookup(achievements, '成果');

	const measures: Measure[] = input.measures.map((entry) => {
		const base = common('measure', entry);
		const { section: _s, owner: _o, partners: _p, actions: actionData, updates: updateData, continues, ...data } = entry.data;
		const file = fileOf(entry, '举措');
		const actions: Action[] = actionData.map((action, index) => ({
			...action,
			status: shownStatus(action, today),
			recordedStatus: action.status,
			owner: action.owner ? owner(action.owner.id, { file, field: `actions.${index}.owner（第 ${index + 1} 项任务的责任单位）` }) : base.owner,
			ownOwner: action.owner !== undefined && action.owner.id !== entry.data.owner.id,
		}));
		const anchors = updateAnchors(updateData);
		const updates: Update[] = updateData.map((update, index) => ({
			...update,
			source: update.source && sourceOf(update.source, { file, field: `updates.${index}.source` }),
			anchor: anchors[index]!,
			url: `${base.url}#${anchors[index]!}`,
		}));
		const logged = { status: data.status, due: data.due, actions: actionData, updates: updateData };
		const status = measureStatus(logged, today);
		// The resolved actions carry their shown status already; judging it again changes nothing.
		const tasks = tasksOf({ ...logged, actions }, today);
		const counted = tally(tasks);
		return {
			...data,
			...base,
			kind: 'measure',
			status,
			statusLabel: statusLabels[status],
			entry,
			actions,
			updates,
			tasks,
			progress: {
				recordedStatus: recordedStatus(logged),
				tasks,
				tally: counted,
				percent: percent(counted),
				countsItself: tasks.some((task) => task.action === undefined),
				asOf: asOf(updateData, base.report.name),
			},
			continues: continues.map((ref, index) => achievement(ref.id, { file, field: `continues.${index}` })),
			reportedBy: [],
		};
	});
	const measure = lookup(measures, '举措');

	function sourceOf(source: NonNullable<UpdateData['source']>, site: LinkSite): UpdateSource {
		if ('url' in source) return { kind: 'web', url: source.url, title: source.title };
		const of = report(source.report.id, site);
		const paragraph = of.paragraphs[source.paragraph - 1];
		if (!paragraph) throw new Error(`${site.file} 的 ${site.field}：报告 ${of.id} 只有 ${of.paragraphs.length} 段，没有第 ${source.paragraph} 段。`);
		return { kind: 'report', report: of, paragraph, url: sourceUrl(of.id, paragraph.number) };
	}

	for (const m of measures) for (const a of m.continues) a.continuedBy.push(m);
	input.achievements.forEach((entry, index) => {
		const a = achievements[index]!;
		const file = fileOf(entry, '成果');
		a.reportsOn = entry.data.reportsOn.map((ref, at) => measure(ref.id, { file, field: `reportsOn.${at}` }));
		for (const m of a.reportsOn) m.reportedBy.push(a);
	});

	// The reports' order: by section position, then by order within the section.
	const position = new Map(sections.map((s, index) => [s, index]));
	const entries: Entry[] = [...achievements, ...measures].sort((a, b) => position.get(a.section)! - position.get(b.section)! || a.order - b.order);
	for (const entry of entries) {
		entry.section.entries.push(entry);
		entry.owner.owns.push(entry);
		for (const partner of entry.partners) partner.partnerIn.push(entry);
		if (entry.kind === 'achievement') entry.report.achievements.push(entry);
		else entry.report.measures.push(entry);
	}

	owners.sort((a, b) => b.owns.length - a.owns.length || a.id.localeCompare(b.id));
	const orderedMeasures = entries.filter((e): e is Measure => e.kind === 'measure');
	const years = [...new Set([...sections.map((s) => s.year), ...entries.map((e) => e.year)])].sort((a, b) => a - b);
	const latest = reports.at(-1);
	// Every page asks which entry it shows: one lookup each, not a scan of every entry.
	const entryByUrl = new Map(entries.map((e) => [e.url, e]));
	const byOwner = rollUpBy(
		orderedMeasures,
		(m) => m.owner,
		(m, task) => task.action?.owner ?? m.owner,
	);

	return {
		reports,
		latest,
		owners,
		sections,
		entries,
		achievements: entries.filter((e): e is Achievement => e.kind === 'achievement'),
		measures: orderedMeasures,
		years,
		report,
		owner,
		section,
		achievement,
		entryAt: (url) => entryByUrl.get(url),
		progress: progressOf(orderedMeasures, sections, owners, byOwner, today, latest?.name ?? ''),
		yearTitle: (kind, year) => {
			const of = reports.find((r) => yearOf(r, kind) === year);
			return of ? (kind === 'achievement' ? of.summaryTitle : of.planTitle) : `${year} 年${kinds[kind]}`;
		},
	};
}

const topSection = (section: Section) => section.ancestors[0] ?? section;

/** Rolls the measures up by year, top-level section and owner (rule `roll-up`), in the reports' order. */
function progressOf(measures: Measure[], sections: Section[], owners: Owner[], byOwner: Map<Owner, RollUp>, today: Date, latestName: string): Progress {
	const bySection = rollUpBy(measures, (m) => topSection(m.section));
	const byYear = rollUpBy(measures, (m) => m.year);
	return {
		today,
		overall: rollUp(measures),
		byYear: [...byYear]
			.sort(([a], [b]) => a - b)
			.map(([year, r]) => ({ year, rollUp: r, reported: measures.filter((m) => m.year === year && isReported(m)).length })),
		bySection: sections.flatMap((section) => {
			const r = section.depth === 0 ? bySection.get(section) : undefined;
			return r ? [{ section, rollUp: r }] : [];
		}),
		byOwner: owners.flatMap((owner) => {
			const r = byOwner.get(owner);
			return r ? [{ owner, rollUp: r }] : [];
		}),
		late: lateItems(measures, today),
		timeline: timeline(measures),
		asOf: asOf(
			measures.flatMap((m) => m.updates),
			latestName,
		),
	};
}

/** How many achievements of a list have each status, every status present. */
export function achievementCounts(list: readonly Achievement[]): AchievementCounts {
	const counts = Object.fromEntries(keysOf(achievementStatuses).map((s) => [s, 0])) as AchievementCounts;
	for (const a of list) counts[a.status] += 1;
	return counts;
}

/** Achievements of a year by status, overall and per top-level section with achievements. */
export function achievementsOfYear(site: Site, year: number) {
	const list = site.achievements.filter((a) => a.year === year);
	const roots = site.sections.filter((s) => s.depth === 0 && s.kind === 'achievement' && s.year === year);
	return {
		list,
		overall: achievementCounts(list),
		bySection: roots.flatMap((section) => {
			const inSection = list.filter((a) => topSection(a.section) === section);
			return inSection.length > 0 ? [{ section, counts: achievementCounts(inSection) }] : [];
		}),
	};
}

/** Entries of one kind, in order. */
export const entriesOf = (site: Site, kind: Kind): Entry[] => (kind === 'achievement' ? site.achievements : site.measures);

/** How many entries of a list have each status, in the vocabulary's order; absent statuses are left out. */
export function countByStatus(entries: readonly Entry[]): Map<Status, number> {
	const counts = new Map<Status, number>();
	for (const status of Object.keys(statusLabels) as Status[]) {
		const count = entries.filter((entry) => entry.status === status).length;
		if (count > 0) counts.set(status, count);
	}
	return counts;
}
