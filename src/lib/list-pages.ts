/**
 * How the lists of entries and figures are cut into pages so that no page grows with the number
 * of entries. While a kind has one year that fits on one page (the report as published: 55
 * achievements, 36 measures), its list is one page at /achievements/ or /measures/, as it has
 * always been. Once a kind spans several years, or a year outgrows a page, the kind's page
 * becomes an index of years, and each year is listed at /achievements/<year>/, continued at
 * /achievements/<year>/2/ and so on, in the report's order; a section is split over two pages
 * only when it alone is longer than a page. /figures/ follows the same rule with figures.
 * Pure functions of the linked sections: the list pages and the sections' URLs share them.
 */
import type { Entry, Owner, Section } from '../data/link';
import { kinds, type Kind } from '../vocabulary';
import { figuresUrl, figuresYearUrl, kindIndexUrl, kindYearUrl, lateListUrl, ownerUrl, ownerYearUrl, sectionAnchor } from './urls';

/** At most this many entries on one list page: about 15 KB gzip of titles, statuses, owners and summaries. */
export const entriesPerPage = 100;
/** At most this many figures on one page of /figures/. */
export const figuresPerPage = 200;
/** The most overdue items /progress/ and an owner's page show; all of them are at /progress/late/ once there are more. */
export const lateShown = 50;
/** At most this many late items on one page of /progress/late/. */
export const latePerPage = 100;

/** A section on one page, with the part of its items that page shows. */
export interface Block<T> {
	section: Section;
	items: T[];
	/** The section began on an earlier page; its heading is repeated, marked 续. */
	continued: boolean;
}

export interface ListPage<T> {
	/** 1-based position among the pages of its year (1 for a single-page list). */
	number: number;
	/** How many pages its year has. */
	of: number;
	/** The year the page lists; undefined for a single page that lists several years. */
	year: number | undefined;
	url: string;
	blocks: Block<T>[];
	/** How many items the page shows. */
	count: number;
}

export interface ListPlan<T> {
	/** Everything on one page at the list's own URL; otherwise that URL is an index of years. */
	single: boolean;
	years: number[];
	pages: ListPage<T>[];
	/** The pages of one year, in order. */
	pagesOf(year: number): ListPage<T>[];
	/** Where a section's heading stands, anchor included; undefined for a section the list leaves out. */
	sectionUrl(section: Section): string | undefined;
}

/** A figure and where it is stated: an entry, or (when `entry` is undefined) its section's intro. */
export interface Figure {
	metric: Section['metrics'][number];
	entry: Entry | undefined;
}

/**
 * Cuts sections, in order, into pages of at most `size` items. A section that does not fit on the
 * current page starts the next one, and only a section longer than a page is split; sections
 * with no items of their own (headings) go with what follows them.
 */
export function paginate<S, T>(sections: readonly S[], itemsOf: (section: S) => readonly T[], size: number): { section: S; items: T[]; continued: boolean }[][] {
	if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
	type Cut = { section: S; items: T[]; continued: boolean };
	const pages: Cut[][] = [];
	let page: Cut[] = [];
	let count = 0;
	let headings: S[] = [];
	const close = () => {
		pages.push(page);
		page = [];
		count = 0;
	};
	for (const section of sections) {
		const items = itemsOf(section);
		if (items.length === 0) {
			headings.push(section);
			continue;
		}
		if (count > 0 && count + items.length > size) close();
		for (const heading of headings) page.push({ section: heading, items: [], continued: false });
		headings = [];
		for (let start = 0; start < items.length; ) {
			if (count === size) close();
			const take = items.slice(start, start + size - count);
			page.push({ section, items: take, continued: start > 0 });
			count += take.length;
			start += take.length;
		}
	}
	for (const heading of headings) page.push({ section: heading, items: [], continued: false });
	if (page.length > 0) pages.push(page);
	return pages;
}

/** The index of a kind's years, once its list spans several: "历年成果". */
export const kindListTitle = (kind: Kind) => `历年${kinds[kind]}`;

interface PlanOptions {
	size: number;
	/** A single page may list one year only (a kind's list is titled by its year). */
	oneYearOnly: boolean;
	singleUrl: string;
	yearUrl: (year: number, number: number) => string;
}

function plan<T>(sections: readonly Section[], itemsOf: (section: Section) => readonly T[], options: PlanOptions): ListPlan<T> {
	const years = [...new Set(sections.map((s) => s.year))].sort((a, b) => a - b);
	const total = sections.reduce((sum, s) => sum + itemsOf(s).length, 0);
	const single = total <= options.size && (!options.oneYearOnly || years.length <= 1);
	const pages: ListPage<T>[] = single
		? [
				{
					number: 1,
					of: 1,
					year: years.length === 1 ? years[0] : undefined,
					url: options.singleUrl,
					blocks: sections.map((section) => ({ section, items: [...itemsOf(section)], continued: false })),
					count: total,
				},
			]
		: years.flatMap((year) => {
				const cut = paginate(
					sections.filter((s) => s.year === year),
					itemsOf,
					options.size,
				);
				return cut.map((blocks, index) => ({
					number: index + 1,
					of: cut.length,
					year,
					url: options.yearUrl(year, index + 1),
					blocks,
					count: blocks.reduce((sum, b) => sum + b.items.length, 0),
				}));
			});
	const where = new Map<string, string>();
	for (const page of pages) for (const block of page.blocks) if (!block.continued && !where.has(block.section.id)) where.set(block.section.id, page.url);
	return {
		single,
		years,
		pages,
		pagesOf: (year) => pages.filter((p) => p.year === year),
		sectionUrl: (section) => {
			const page = where.get(section.id);
			return page === undefined ? undefined : `${page}#${sectionAnchor(section.id)}`;
		},
	};
}

/** The `getStaticPaths` entries of a list's year pages (`[year]/[...page]`): none while the list is a single page. */
export function yearPagePaths<T>(plan: ListPlan<T>) {
	if (plan.single) return [];
	return plan.pages.flatMap((page) => {
		const { year } = page;
		return year === undefined ? [] : [{ params: { year: String(year), page: page.number > 1 ? String(page.number) : undefined }, props: { page: { ...page, year } } }];
	});
}

/** Plans depend on the sections array only, which a build links once: each is computed once. */
function once<R>(compute: (sections: readonly Section[]) => R) {
	const cache = new WeakMap<readonly Section[], R>();
	return (sections: readonly Section[]): R => {
		const known = cache.get(sections);
		if (known !== undefined) return known;
		const result = compute(sections);
		cache.set(sections, result);
		return result;
	};
}

const kindPlan = (kind: Kind) =>
	once((sections) =>
		plan(
			sections.filter((s) => s.kind === kind),
			(s) => s.entries,
			{ size: entriesPerPage, oneYearOnly: true, singleUrl: kindIndexUrl(kind), yearUrl: (year, number) => kindYearUrl(kind, year, number) },
		),
	);
const kindPlans: Record<Kind, (sections: readonly Section[]) => ListPlan<Entry>> = { achievement: kindPlan('achievement'), measure: kindPlan('measure') };

/** The list pages of one kind; `sections` is every section of the report, depth first, entries linked. */
export const planKindPages = (kind: Kind, sections: readonly Section[]): ListPlan<Entry> => kindPlans[kind](sections);

/** The page that lists a year's entries of a kind: the kind's own page while it is a single one. */
export function yearListUrl(kind: Kind, year: number, sections: readonly Section[]): string {
	const plan = planKindPages(kind, sections);
	return (plan.single ? undefined : plan.pagesOf(year)[0]?.url) ?? kindIndexUrl(kind);
}

/** The figures a section states: those of its intro, then those of its entries. */
export const figuresOf = (section: Section): Figure[] => [
	...section.metrics.map((metric) => ({ metric, entry: undefined })),
	...section.entries.flatMap((entry) => entry.metrics.map((metric) => ({ metric, entry }))),
];

/** The pages of /figures/: every figure of the report by section, both kinds together. */
export const planFigurePages: (sections: readonly Section[]) => ListPlan<Figure> = once((sections) =>
	plan(sections, figuresOf, { size: figuresPerPage, oneYearOnly: false, singleUrl: figuresUrl(), yearUrl: figuresYearUrl }),
);

const ownerPlans = new WeakMap<Owner, ListPlan<Entry>>();

/**
 * What an owner leads or joins, by section: listed on /owners/<id>/ itself while it fits on one
 * page (every owner of the report as published), else by year at /owners/<id>/<year>/….
 */
export function planOwnerPages(owner: Owner, sections: readonly Section[]): ListPlan<Entry> {
	const known = ownerPlans.get(owner);
	if (known) return known;
	const itemsOf = (s: Section) => s.entries.filter((e) => e.owner === owner || e.partners.includes(owner));
	// Only the sections that hold the owner's entries, and the headings above them.
	const holds = (s: Section): boolean => itemsOf(s).length > 0 || s.children.some(holds);
	const result = plan(sections.filter(holds), itemsOf, {
		size: entriesPerPage,
		oneYearOnly: false,
		singleUrl: ownerUrl(owner.id),
		yearUrl: (year, number) => ownerYearUrl(owner.id, year, number),
	});
	ownerPlans.set(owner, result);
	return result;
}

/** Cuts the late items, most overdue first, into the pages of /progress/late/. */
export function planLatePages<T>(items: readonly T[]): { number: number; url: string; items: T[] }[] {
	if (items.length <= lateShown) return [];
	const pages = [];
	for (let start = 0, number = 1; start < items.length; start += latePerPage, number++) pages.push({ number, url: lateListUrl(number), items: items.slice(start, start + latePerPage) });
	return pages;
}
