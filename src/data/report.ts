/**
 * The one place that reads the content collections. Every page and component gets owners,
 * sections and entries from here, already linked to each other and in the report's order, so
 * no page queries or sorts on its own and each build reads the collections once.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import reportSource from '../../content/report-2023.txt?raw';
import { paragraphsOf, paragraphsOfSection, parseReport, plainText, splitSentences, type Paragraph } from '../lib/report-text';
import {
	asOf,
	emptyRollUp,
	lateItems,
	measureStatus,
	percent,
	progressToday,
	recordedStatus,
	rollUp,
	rollUpBy,
	shownStatus,
	tasksOf,
	tally,
	timeline,
	updateAnchors,
	type AsOf,
	type LateItem,
	type RollUp,
	type Task,
	type Tally,
} from '../lib/progress';
import { planKindPages } from '../lib/list-pages';
import { entryUrl, ownerUrl, sectionUrl } from '../lib/urls';
import { achievementStatuses, inReport, keysOf, kinds, statusLabels, type AchievementStatus, type Kind, type MeasureStatus, type Status } from '../vocabulary';

type AchievementEntry = CollectionEntry<'achievements'>;
type MeasureEntry = CollectionEntry<'measures'>;
type Metric = AchievementEntry['data']['metrics'][number];

export interface Owner {
	id: string;
	name: string;
	shortName: string;
	url: string;
	/** Entries the body is the owner of, in the report's order. */
	owns: Entry[];
	/** Entries the body takes part in as a partner. */
	partnerIn: Entry[];
	/** Progress of the measures the body owns and of the tasks it is responsible for (rule `roll-up`). */
	progress: RollUp;
}

export interface Section {
	id: string;
	year: number;
	kind: Kind;
	numbering: string | undefined;
	title: string;
	intro: string;
	metrics: Metric[];
	/** 0 for a top-level part of the report. */
	depth: number;
	parent: Section | undefined;
	/** The section's ancestors, outermost first. */
	ancestors: Section[];
	children: Section[];
	/** Entries placed directly in this section, by `order`. */
	entries: Entry[];
	url: string;
	/** Report paragraphs where the heading or intro stands. */
	paragraphs: number[];
}

interface EntryCommon {
	id: string;
	year: number;
	title: string;
	summary: string;
	status: Status;
	statusLabel: string;
	order: number;
	tags: string[];
	metrics: Metric[];
	owner: Owner;
	partners: Owner[];
	section: Section;
	url: string;
	/** Path of the source file from the project root, for the edit link. */
	filePath: string;
	/** The body's report sentences as plain text, one paragraph per line. */
	text: string;
	/** Report paragraphs the body quotes, for the link to the original. */
	paragraphs: number[];
}

export interface Achievement extends EntryCommon {
	kind: 'achievement';
	entry: AchievementEntry;
	/** 2024 measures that carry this achievement on. */
	continuedBy: Measure[];
}

/** One task a measure lists, with its owner resolved and the status readers see. */
export interface Action {
	title: string;
	/** The status shown: the recorded one, or `delayed` once past due (rule `delayed`). */
	status: MeasureStatus;
	/** The status the file records. */
	recordedStatus: MeasureStatus;
	/** The responsible body: the action's own, else the measure's. */
	owner: Owner;
	/** Whether the action names a body of its own. */
	ownOwner: boolean;
	due: Date | undefined;
}

/** One dated entry of a measure's progress log. */
export interface Update {
	date: Date;
	status: MeasureStatus;
	note: string;
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

export interface Measure extends EntryCommon {
	kind: 'measure';
	/** The status shown: the latest update's, or `delayed` once past due (rules `status`, `delayed`). */
	status: MeasureStatus;
	entry: MeasureEntry;
	actions: Action[];
	/** The progress log, oldest first. */
	updates: Update[];
	due: Date | undefined;
	progress: MeasureProgress;
	/** The same tasks as `progress.tasks`, for the roll-up functions. */
	tasks: Task<Action>[];
	/** 2023 achievements this measure carries on. */
	continues: Achievement[];
}

export type Entry = Achievement | Measure;

/** The progress of the whole plan, for /progress/, the feed and the home page. */
export interface ReportProgress {
	/** The day lateness is judged on (rule `delayed`). */
	today: Date;
	overall: RollUp;
	/** One row per year with measures, in order. */
	byYear: { year: number; rollUp: RollUp }[];
	/** One row per top-level section with measures, in the report's order; sub-sections roll up into it. */
	bySection: { section: Section; rollUp: RollUp }[];
	/** One row per body that owns a measure or a task, in the owners' order. */
	byOwner: { owner: Owner; rollUp: RollUp }[];
	/** Late measures and actions, the longest overdue first. */
	late: LateItem<Measure, Action>[];
	/** Every update, newest first. */
	timeline: { measure: Measure; update: Update }[];
	asOf: AsOf;
	/** 2023 achievements by status, overall and per top-level section with achievements. */
	achievements: {
		/** The report's own achievements (of 2023), the ones /progress/2023/ is about. */
		list: Achievement[];
		overall: Record<AchievementStatus, number>;
		bySection: { section: Section; counts: Record<AchievementStatus, number> }[];
	};
}

export interface Report {
	paragraphs: Paragraph[];
	owners: Owner[];
	/** Every section, depth first in the report's order. */
	sections: Section[];
	/** Every entry, in the report's order. */
	entries: Entry[];
	achievements: Achievement[];
	measures: Measure[];
	years: number[];
	owner(id: string): Owner;
	section(id: string): Section;
	achievement(id: string): Achievement;
	progress: ReportProgress;
}

/** Where a link stands, for the error that says what to fix: the file and the field. */
interface LinkSite {
	file: string;
	field: string;
}

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

async function load(): Promise<Report> {
	const [ownerEntries, sectionEntries, achievementEntries, measureEntries] = await Promise.all([
		getCollection('owners'),
		getCollection('sections'),
		getCollection('achievements'),
		getCollection('measures'),
	]);
	const paragraphs = parseReport(reportSource);

	const owners: Owner[] = ownerEntries.map(({ id, data }) => ({ id, ...data, url: ownerUrl(id), owns: [], partnerIn: [], progress: emptyRollUp() }));
	const owner = lookup(owners, '责任单位');

	const sections: Section[] = [];
	const addSections = (parent: Section | undefined, depth: number, year?: number) => {
		const children = sectionEntries
			.filter((s) => (parent ? s.data.parent?.id === parent.id : !s.data.parent && s.data.year === year))
			.sort(byOrder);
		for (const { id, data } of children) {
			const section: Section = {
				id,
				year: data.year,
				kind: data.kind,
				numbering: data.numbering,
				title: data.title,
				intro: data.intro,
				metrics: data.metrics,
				depth,
				parent,
				ancestors: parent ? [...parent.ancestors, parent] : [],
				children: [],
				entries: [],
				url: sectionUrl(data.kind, id),
				paragraphs: inReport(data.year, data.kind) ? paragraphsOfSection(data.title, data.intro, paragraphs) : [],
			};
			parent?.children.push(section);
			sections.push(section);
			addSections(section, depth + 1);
		}
	};
	const years = [...new Set(sectionEntries.map((s) => s.data.year))].sort();
	for (const year of years) addSections(undefined, 0, year);
	const section = lookup(sections, '板块');
	// A section under a missing parent is never reached above; name it rather than drop it.
	for (const entry of sectionEntries) {
		if (entry.data.parent) section(entry.data.parent.id, { file: entry.filePath ?? `section ${entry.id}`, field: 'parent' });
	}

	const common = (kind: Kind, entry: AchievementEntry | MeasureEntry): EntryCommon => {
		const { data } = entry;
		const file = entry.filePath ?? `${kind} ${entry.id}`;
		const text = plainText(entry.body ?? '');
		return {
			id: entry.id,
			year: data.year,
			title: data.title,
			summary: data.summary,
			status: data.status,
			statusLabel: statusLabels[data.status],
			order: data.order,
			tags: data.tags,
			metrics: data.metrics,
			owner: owner(data.owner.id, { file, field: 'owner' }),
			partners: data.partners.map((p, index) => owner(p.id, { file, field: `partners.${index}` })),
			section: section(data.section.id, { file, field: 'section' }),
			url: entryUrl(kind, entry.id),
			filePath: entry.filePath ?? '',
			text,
			// Entries of other years quote their own year's report, not the one on /source/.
			paragraphs: inReport(data.year, kind) ? paragraphsOf(splitSentences(text), paragraphs) : [],
		};
	};
	const achievements: Achievement[] = achievementEntries.map((entry) => ({
		...common('achievement', entry),
		kind: 'achievement',
		entry,
		continuedBy: [],
	}));
	const achievement = lookup(achievements, '成果');
	const today = progressToday(process.env['PROGRESS_TODAY'], new Date());
	const measures: Measure[] = measureEntries.map((entry) => {
		const base = common('measure', entry);
		const { data } = entry;
		const file = base.filePath || `measure ${entry.id}`;
		const actions: Action[] = data.actions.map((action, index) => ({
			title: action.title,
			status: shownStatus(action, today),
			recordedStatus: action.status,
			owner: action.owner ? owner(action.owner.id, { file, field: `actions.${index}.owner（第 ${index + 1} 项任务的责任单位）` }) : base.owner,
			ownOwner: action.owner !== undefined && action.owner.id !== data.owner.id,
			due: action.due,
		}));
		const anchors = updateAnchors(data.updates);
		const updates: Update[] = data.updates.map((update, index) => ({
			...update,
			anchor: anchors[index]!,
			url: `${base.url}#${anchors[index]!}`,
		}));
		const logged = { status: data.status, due: data.due, actions: data.actions, updates: data.updates };
		const status = measureStatus(logged, today);
		// The resolved actions carry their shown status already; judging it again changes nothing.
		const tasks = tasksOf({ ...logged, actions }, today);
		const counted = tally(tasks);
		return {
			...base,
			kind: 'measure',
			status,
			statusLabel: statusLabels[status],
			entry,
			actions,
			updates,
			due: data.due,
			tasks,
			progress: {
				recordedStatus: recordedStatus(logged),
				tasks,
				tally: counted,
				percent: percent(counted),
				countsItself: tasks.some((task) => task.action === undefined),
				asOf: asOf(data.updates),
			},
			continues: data.continues.map((ref, index) => achievement(ref.id, { file, field: `continues.${index}` })),
		};
	});
	for (const measure of measures) for (const a of measure.continues) a.continuedBy.push(measure);

	// The report's order: by section position, then by order within the section.
	const position = new Map(sections.map((s, index) => [s.id, index]));
	const entries: Entry[] = [...achievements, ...measures].sort(
		(a, b) => position.get(a.section.id)! - position.get(b.section.id)! || a.order - b.order,
	);
	for (const entry of entries) {
		entry.section.entries.push(entry);
		entry.owner.owns.push(entry);
		for (const partner of entry.partners) partner.partnerIn.push(entry);
	}
	// A section's URL is its heading on the list page that shows it, which depends on how many
	// entries the lists hold (src/lib/list-pages.ts), so it is set once the entries are in place.
	for (const kind of keysOf(kinds)) {
		const lists = planKindPages(kind, sections);
		for (const s of sections) if (s.kind === kind) s.url = lists.sectionUrl(s) ?? s.url;
	}

	owners.sort((a, b) => b.owns.length - a.owns.length || a.id.localeCompare(b.id));
	const orderedAchievements = entries.filter((e): e is Achievement => e.kind === 'achievement');
	const orderedMeasures = entries.filter((e): e is Measure => e.kind === 'measure');

	return {
		paragraphs,
		owners,
		sections,
		entries,
		achievements: orderedAchievements,
		measures: orderedMeasures,
		years,
		owner,
		section,
		achievement,
		progress: progressOf(orderedMeasures, orderedAchievements, owners, sections, today),
	};
}

const topSection = (section: Section) => section.ancestors[0] ?? section;

/** Rolls the measures up by year, top-level section and owner (rule `roll-up`), in the report's order. */
function progressOf(measures: Measure[], allAchievements: Achievement[], owners: Owner[], sections: Section[], today: Date): ReportProgress {
	const achievements = allAchievements.filter((a) => inReport(a.year, a.kind));
	const byOwner = rollUpBy(
		measures,
		(measure) => measure.owner,
		(measure, task) => task.action?.owner ?? measure.owner,
	);
	for (const owner of owners) owner.progress = byOwner.get(owner) ?? owner.progress;
	const bySection = rollUpBy(measures, (measure) => topSection(measure.section));
	const byYear = rollUpBy(measures, (measure) => measure.year);
	const achievementCounts = (list: readonly Achievement[]) => {
		const counts = Object.fromEntries(Object.keys(achievementStatuses).map((s) => [s, 0])) as Record<AchievementStatus, number>;
		for (const a of list) counts[a.status as AchievementStatus] += 1;
		return counts;
	};
	const roots = sections.filter((s) => s.depth === 0);
	return {
		today,
		overall: rollUp(measures),
		byYear: [...byYear].sort(([a], [b]) => a - b).map(([year, r]) => ({ year, rollUp: r })),
		bySection: roots.flatMap((section) => {
			const r = bySection.get(section);
			return r ? [{ section, rollUp: r }] : [];
		}),
		byOwner: owners.flatMap((owner) => {
			const r = byOwner.get(owner);
			return r ? [{ owner, rollUp: r }] : [];
		}),
		late: lateItems(measures, today),
		timeline: timeline(measures),
		asOf: asOf(measures.flatMap((m) => m.updates)),
		achievements: {
			list: achievements,
			overall: achievementCounts(achievements),
			bySection: roots.flatMap((section) => {
				const list = achievements.filter((a) => topSection(a.section) === section);
				return list.length > 0 ? [{ section, counts: achievementCounts(list) }] : [];
			}),
		},
	};
}

let report: Promise<Report> | undefined;

/** The whole report, read and linked once per build. */
export function getReport(): Promise<Report> {
	report ??= load();
	return report;
}

/** Entries of one kind, in order. */
export const entriesOf = (report: Report, kind: Kind): Entry[] => (kind === 'achievement' ? report.achievements : report.measures);

/** How many entries of a list have each status, in the vocabulary's order; absent statuses are left out. */
export function countByStatus(entries: readonly Entry[]): Map<Status, number> {
	const counts = new Map<Status, number>();
	for (const status of Object.keys(statusLabels) as Status[]) {
		const count = entries.filter((entry) => entry.status === status).length;
		if (count > 0) counts.set(status, count);
	}
	return counts;
}
