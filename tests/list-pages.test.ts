// Lists that grow with the number of entries are cut into pages of bounded size (src/lib/list-pages.ts),
// while the report as published keeps its one-page lists at their old URLs.
import { describe, expect, it } from 'vitest';
import type { Entry, Owner, Section } from '../src/data/site';
import { entriesPerPage, figuresPerPage, latePerPage, lateShown, paginate, planFigurePages, planKindPages, planLatePages, planOwnerPages, yearListUrl } from '../src/lib/list-pages';
import { lateListUrl } from '../src/lib/urls';
import type { Kind } from '../src/vocabulary';

/** Sections as site.ts links them, with only the fields the lists read. */
function sectionsOf(kind: Kind, years: readonly number[], shape: readonly number[]): Section[] {
	return years.flatMap((year) =>
		shape.map((count, index) => {
			const section = { id: `${kind}-${year}-${index}`, year, kind, depth: index === 0 ? 0 : 1, metrics: [], entries: [] as Entry[] } as unknown as Section;
			section.entries = Array.from({ length: count }, (_, n) => ({ id: `${section.id}-e${n}`, metrics: [{ label: '件数', value: n, unit: '件' }] }) as unknown as Entry);
			return section;
		}),
	);
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('paginate', () => {
	const sizes = { heading: 0, a: 3, b: 4, c: 9, d: 2 } as const;
	const sections = Object.entries(sizes).map(([id, count]) => ({ id, items: Array.from({ length: count }, (_, n) => `${id}${n}`) }));
	const pages = paginate(sections, (s) => s.items, 5);

	it('puts at most a page of items on each page, each item once, in order', () => {
		for (const page of pages) expect(page.reduce((sum, b) => sum + b.items.length, 0)).toBeLessThanOrEqual(5);
		expect(pages.flatMap((page) => page.flatMap((b) => b.items))).toEqual(sections.flatMap((s) => s.items));
	});

	it('moves a section that does not fit to the next page and splits only one longer than a page', () => {
		expect(pages.map((page) => page.map((b) => `${b.section.id}${b.continued ? '+' : ''}:${b.items.length}`))).toEqual([
			['heading:0', 'a:3'],
			['b:4'],
			['c:5'],
			['c+:4'],
			['d:2'],
		]);
	});

	it('keeps headings with the section that follows them, and trailing headings on the last page', () => {
		const withTail = paginate([...sections, { id: 'closing', items: [] }], (s) => s.items, 5);
		expect(withTail.at(-1)?.map((b) => b.section.id)).toEqual(['d', 'closing']);
		expect(paginate([{ id: 'only', items: [] }], (s) => s.items, 5)).toEqual([[{ section: { id: 'only', items: [] }, items: [], continued: false }]]);
	});

	it('refuses a page size that is not a positive whole number', () => {
		expect(() => paginate(sections, (s) => s.items, 0)).toThrow(/positive integer/);
	});
});

describe('list plans', () => {
	it('keeps one year that fits on one page at the kind’s own URL, sections anchored there', () => {
		const sections = sectionsOf('measure', [2024], [0, 20, 16]);
		const plan = planKindPages('measure', sections);
		expect(plan.single).toBe(true);
		expect(plan.pages.map((p) => p.url)).toEqual(['/measures/']);
		expect(plan.sectionUrl(sections[1]!)).toBe(`/measures/#section-${sections[1]!.id}`);
	});

	it('splits a kind over years and pages once it outgrows a page, no page over the limit', () => {
		const sections = sectionsOf('achievement', [2022, 2023], [0, 60, 70, 30]);
		const plan = planKindPages('achievement', sections);
		expect(plan.single).toBe(false);
		expect(plan.years).toEqual([2022, 2023]);
		expect(plan.pagesOf(2023).map((p) => p.url)).toEqual(['/achievements/2023/', '/achievements/2023/2/']);
		for (const page of plan.pages) expect(page.count).toBeLessThanOrEqual(entriesPerPage);
		expect(plan.pages.reduce((sum, p) => sum + p.count, 0)).toBe(320);
		// The third section did not fit after the second, so its heading opens page 2.
		expect(plan.sectionUrl(sections[6]!)).toBe(`/achievements/2023/2/#section-${sections[6]!.id}`);
		expect(ids(plan.pagesOf(2022)[0]!.blocks.map((b) => b.section))).toEqual(ids(sections.slice(0, 2)));
	});

	it('names the page that lists a year, for breadcrumbs', () => {
		const one = sectionsOf('measure', [2024], [0, 20]);
		expect(yearListUrl('measure', 2024, one)).toBe('/measures/');
		const several = sectionsOf('measure', [2023, 2024], [0, 20]);
		expect(yearListUrl('measure', 2023, several)).toBe('/measures/2023/');
	});

	it('makes a year page even for one year, once it holds more than a page', () => {
		const plan = planKindPages('measure', sectionsOf('measure', [2024], [0, entriesPerPage + 1]));
		expect(plan.single).toBe(false);
		expect(plan.pages.map((p) => [p.url, p.count])).toEqual([
			['/measures/2024/', entriesPerPage],
			['/measures/2024/2/', 1],
		]);
	});

	it('lists figures of both kinds on one page while they fit, then by year', () => {
		const small = [...sectionsOf('achievement', [2023], [10]), ...sectionsOf('measure', [2024], [5])];
		expect(planFigurePages(small).pages.map((p) => [p.url, p.count])).toEqual([['/figures/', 15]]);
		const large = [...sectionsOf('achievement', [2023], [figuresPerPage]), ...sectionsOf('measure', [2024], [5])];
		expect(planFigurePages(large).pages.map((p) => [p.url, p.count])).toEqual([
			['/figures/2023/', figuresPerPage],
			['/figures/2024/', 5],
		]);
	});
});

describe('owner pages', () => {
	/** An owner leading every entry of the sections, and another joining as partner in every third. */
	function ownersOf(sections: Section[]) {
		const lead = { id: 'lead', owns: [], partnerIn: [] } as unknown as Owner;
		const partner = { id: 'partner', owns: [], partnerIn: [] } as unknown as Owner;
		const other = { id: 'other', owns: [], partnerIn: [] } as unknown as Owner;
		for (const section of sections) {
			section.children = sections.filter((s) => s !== section && s.depth === 1 && s.year === section.year && section.depth === 0);
			section.entries.forEach((entry, n) => Object.assign(entry, { owner: lead, partners: n % 3 === 0 ? [partner] : [] }));
		}
		return { lead, partner, other };
	}

	it('lists a body’s entries on its own page while they fit, as the report as published does', () => {
		const sections = sectionsOf('measure', [2024], [0, 20, 16]);
		const { lead, partner } = ownersOf(sections);
		for (const owner of [lead, partner]) {
			const plan = planOwnerPages(owner, sections);
			expect(plan.single).toBe(true);
			expect(plan.pages.map((p) => p.url)).toEqual([`/owners/${owner.id}/`]);
		}
		expect(planOwnerPages(partner, sections).pages[0]!.count).toBe(7 + 6);
	});

	it('lists them by year, a page at a time, once they outgrow one page', () => {
		const sections = sectionsOf('achievement', [2022, 2023], [0, 60, 50]);
		const { lead, partner, other } = ownersOf(sections);
		const plan = planOwnerPages(lead, sections);
		expect(plan.single).toBe(false);
		expect(plan.pages.map((p) => p.url)).toEqual(['/owners/lead/2022/', '/owners/lead/2022/2/', '/owners/lead/2023/', '/owners/lead/2023/2/']);
		for (const page of plan.pages) expect(page.count).toBeLessThanOrEqual(entriesPerPage);
		expect(plan.pages.flatMap((p) => p.blocks.flatMap((b) => ids(b.items)))).toEqual(sections.flatMap((s) => ids(s.entries)));
		// A partner in 74 of the 220 entries still fits on its own page; a body with none lists nothing.
		expect(planOwnerPages(partner, sections).single).toBe(true);
		expect(planOwnerPages(other, sections).pages[0]!.blocks).toEqual([]);
	});
});

describe('late items', () => {
	const items = (count: number) => Array.from({ length: count }, (_, n) => n);

	it('needs no list of its own while /progress/ shows them all', () => {
		expect(planLatePages(items(0))).toEqual([]);
		expect(planLatePages(items(lateShown))).toEqual([]);
	});

	it('lists every late item, in order, a page at a time, past what /progress/ shows', () => {
		const pages = planLatePages(items(latePerPage * 2 + 1));
		expect(pages.map((p) => p.url)).toEqual([lateListUrl(), '/progress/late/2/', '/progress/late/3/']);
		expect(pages.map((p) => p.items.length)).toEqual([latePerPage, latePerPage, 1]);
		expect(pages.flatMap((p) => p.items)).toEqual(items(latePerPage * 2 + 1));
	});
});
