/**
 * The site's sections (栏目) as data: the main navigation (navigation.ts) with what lies under each
 * item, then the pages the navigation leaves out, all from the same URL helpers and list plans the
 * pages are built with. The 网站地图 page lists them; each page's ColumnName names the one it is in.
 */
import type { Site } from '../data/site';
import { planFigurePages, planKindPages, planLatePages } from './list-pages';
import { navigation } from './navigation';
import {
	accessibilityUrl,
	feedUrl,
	hasFeed,
	figuresUrl,
	kindIndexUrl,
	openDataUrl,
	ownerIndexUrl,
	progressMethodUrl,
	progressUrl,
	progressYearUrl,
	reportsUrl,
	searchUrl,
	sourceUrl,
	url,
} from './urls';
import type { Kind } from '../vocabulary';

export interface SiteSection {
	label: string;
	/** Undefined for a group that has no page of its own (开放数据). */
	href: string | undefined;
	children: SiteSection[];
}

export const sitemapUrl = () => url('sitemap/');

const leaf = (label: string, href: string): SiteSection => ({ label, href, children: [] });

/** A kind's year pages when its list has several, then each report's parts of that kind. */
function kindPages(site: Site, kind: Kind): SiteSection[] {
	const plan = planKindPages(kind, site.sections);
	const years = plan.single ? [] : plan.years.flatMap((year) => plan.pagesOf(year).slice(0, 1).map((page) => leaf(site.yearTitle(kind, year), page.url)));
	const parts = site.sections.filter((s) => s.kind === kind && s.depth === 0).map((s) => leaf(s.title, s.url));
	return [...years, ...parts];
}

/** What lies under each item of the main navigation. */
function childrenOf(site: Site, href: string): SiteSection[] {
	const figures = planFigurePages(site.sections);
	switch (href) {
		case reportsUrl():
			return site.reports.toReversed().map((report) => leaf(report.title, report.url));
		case kindIndexUrl('achievement'):
			return kindPages(site, 'achievement');
		case kindIndexUrl('measure'):
			return kindPages(site, 'measure');
		case progressUrl():
			return [
				...site.years.map((year) => leaf(`${year} 年`, progressYearUrl(year))),
				...planLatePages(site.progress.late).slice(0, 1).map((page) => leaf('全部滞后事项', page.url)),
				leaf('进展口径说明', progressMethodUrl()),
				...(hasFeed ? [leaf('举措进展订阅（RSS）', feedUrl())] : []),
			];
		case ownerIndexUrl():
			return site.owners.map((owner) => leaf(owner.name, owner.url));
		case figuresUrl():
			return figures.single ? [] : figures.years.flatMap((year) => figures.pagesOf(year).slice(0, 1).map((page) => leaf(`${year} 年`, page.url)));
		case sourceUrl():
			return site.reports.length > 1 ? site.reports.toReversed().map((report) => leaf(report.title, report.textUrl)) : [];
		default:
			return [];
	}
}

const built = new WeakMap<Site, SiteSection[]>();

/** Every section of the site, in the order the 网站地图 lists them; worked out once per build (every page asks). */
export function siteSections(site: Site): SiteSection[] {
	if (!built.has(site)) {
		built.set(site, [
			leaf('首页', url()),
			...navigation.map(({ href, label }) => ({ label, href, children: childrenOf(site, href) })),
			leaf('搜索', searchUrl()),
			{ label: '开放数据', href: undefined, children: [leaf('全部条目（JSON）', openDataUrl('entries.json')), leaf('全部条目（CSV）', openDataUrl('entries.csv'))] },
			leaf('无障碍声明', accessibilityUrl()),
		]);
	}
	return built.get(site)!;
}

/**
 * The section a page belongs to (its ColumnName): the one whose address is the longest prefix of
 * the page's. The home page belongs to none, being the site itself.
 */
export function columnOf(sections: readonly SiteSection[], pathname: string): string | undefined {
	const home = url();
	return sections
		.filter((s): s is SiteSection & { href: string } => s.href !== undefined && s.href !== home && pathname.startsWith(s.href))
		.sort((a, b) => b.href.length - a.href.length)[0]?.label;
}
