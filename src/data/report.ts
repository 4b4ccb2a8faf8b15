/**
 * The one place that reads the content collections. Every page and component gets owners,
 * sections and entries from here, already linked to each other and in the report's order, so
 * no page queries or sorts on its own and each build reads the collections once.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import reportSource from '../../content/report-2023.txt?raw';
import { paragraphsOf, paragraphsOfSection, parseReport, plainText, splitSentences, type Paragraph } from '../lib/report-text';
import { entryUrl, ownerUrl, sectionUrl } from '../lib/urls';
import { statusLabels, type Kind, type Status } from '../vocabulary';

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

export interface Measure extends EntryCommon {
	kind: 'measure';
	entry: MeasureEntry;
	actions: MeasureEntry['data']['actions'];
	updates: MeasureEntry['data']['updates'];
	/** 2023 achievements this measure carries on. */
	continues: Achievement[];
}

export type Entry = Achievement | Measure;

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
}

function lookup<T extends { id: string }>(items: readonly T[], what: string) {
	const byId = new Map(items.map((item) => [item.id, item]));
	return (id: string) => {
		const item = byId.get(id);
		// Astro only logs a dangling reference(); the site must not publish one.
		if (!item) throw new Error(`${what} "${id}" does not exist`);
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

	const owners: Owner[] = ownerEntries.map(({ id, data }) => ({ id, ...data, url: ownerUrl(id), owns: [], partnerIn: [] }));
	const owner = lookup(owners, 'Owner');

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
				paragraphs: paragraphsOfSection(data.title, data.intro, paragraphs),
			};
			parent?.children.push(section);
			sections.push(section);
			addSections(section, depth + 1);
		}
	};
	const years = [...new Set(sectionEntries.map((s) => s.data.year))].sort();
	for (const year of years) addSections(undefined, 0, year);
	const section = lookup(sections, 'Section');

	const common = (kind: Kind, entry: AchievementEntry | MeasureEntry): EntryCommon => {
		const { data } = entry;
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
			owner: owner(data.owner.id),
			partners: data.partners.map((p) => owner(p.id)),
			section: section(data.section.id),
			url: entryUrl(kind, entry.id),
			filePath: entry.filePath ?? '',
			text,
			paragraphs: paragraphsOf(splitSentences(text), paragraphs),
		};
	};
	const achievements: Achievement[] = achievementEntries.map((entry) => ({
		...common('achievement', entry),
		kind: 'achievement',
		entry,
		continuedBy: [],
	}));
	const achievement = lookup(achievements, 'Achievement');
	const measures: Measure[] = measureEntries.map((entry) => ({
		...common('measure', entry),
		kind: 'measure',
		entry,
		actions: entry.data.actions,
		updates: entry.data.updates,
		continues: entry.data.continues.map((ref) => achievement(ref.id)),
	}));
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

	return {
		paragraphs,
		owners: owners.sort((a, b) => b.owns.length - a.owns.length || a.id.localeCompare(b.id)),
		sections,
		entries,
		achievements: entries.filter((e): e is Achievement => e.kind === 'achievement'),
		measures: entries.filter((e): e is Measure => e.kind === 'measure'),
		years,
		owner,
		section,
		achievement,
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

/** How many entries of a list have each status, in the vocabulary's order. */
export function countByStatus(entries: readonly Entry[]): Map<Status, number> {
	const counts = new Map<Status, number>();
	for (const entry of entries) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
	return counts;
}
