/**
 * The site's sections (栏目) as data, from the same URL helpers and list plans the pages are built
 * with: the 网站地图 page lists them, and each page's ColumnName names the one it belongs to.
 */
import type { Report } from '../data/report';
import { kindListTitle, planFigurePages, planKindPages, planLatePages, yearListTitle } from './list-pages';
import { feedUrl, kindIndexUrl, ownerIndexUrl, progress2023Url, progressMethodUrl, progressUrl, searchUrl, sourceUrl, url } from './urls';
import { kinds, type Kind } from '../vocabulary';

export interface SiteSection {
	label: string;
	/** Undefined for a group that has no page of its own (开放数据). */
	href: string | undefined;
	children: SiteSection[];
}

export const sitemapUrl = () => url('sitemap/');
export const accessibilityUrl = () => url('accessibility/');

const leaf = (label: string, href: string): SiteSection => ({ label, href, children: [] });

/** A kind's list, its year pages when it has several, and the report's parts of that kind. */
function kindSection(report: Report, kind: Kind): SiteSection {
	const plan = planKindPages(kind, report.sections);
	const yearPages = plan.single ? [] : plan.years.flatMap((year) => plan.pagesOf(year).slice(0, 1).map((page) => leaf(yearListTitle(kind, year), page.url)));
	const parts = report.sections.filter((s) => s.kind === kind && s.depth === 0).map((s) => leaf(s.title, s.url));
	return { label: plan.single ? kinds[kind] : kindListTitle(kind), href: kindIndexUrl(kind), children: [...yearPages, ...parts] };
}

const built = new WeakMap<Report, SiteSection[]>();

/** Every section of the site, in the order the 网站地图 lists them; worked out once per build (every page asks). */
export function siteSections(report: Report): SiteSection[] {
	if (!built.has(report)) built.set(report, sectionsOf(report));
	return built.get(report)!;
}

function sectionsOf(report: Report): SiteSection[] {
	const figures = planFigurePages(report.sections);
	const late = planLatePages(report.progress.late);
	return [
		leaf('首页', url()),
		kindSection(report, 'achievement'),
		kindSection(report, 'measure'),
		{
			label: '进展',
			href: progressUrl(),
			children: [
				leaf('成果完成情况', progress2023Url()),
				...late.slice(0, 1).map((page) => leaf('全部滞后事项', page.url)),
				leaf('进展口径说明', progressMethodUrl()),
				leaf('举措进展订阅（RSS）', feedUrl()),
			],
		},
		{ label: '责任单位', href: ownerIndexUrl(), children: report.owners.map((owner) => leaf(owner.name, owner.url)) },
		{
			label: '数说',
			href: url('figures/'),
			children: figures.single ? [] : figures.years.flatMap((year) => figures.pagesOf(year).slice(0, 1).map((page) => leaf(`${year} 年`, page.url))),
		},
		leaf('报告原文', sourceUrl()),
		leaf('搜索', searchUrl()),
		{ label: '开放数据', href: undefined, children: [leaf('全部条目（JSON）', url('data/entries.json')), leaf('全部条目（CSV）', url('data/entries.csv'))] },
		leaf('无障碍声明', accessibilityUrl()),
	];
}

/**
 * The section a page belongs to (its ColumnName): the one whose address is the longest prefix of
 * the page's. The home page belongs to none, being the site itself.
 */
export function columnOf(sections: readonly SiteSection[], pathname: string): string | undefined {
	const home = url();
	const match = sections
		.filter((s): s is SiteSection & { href: string } => s.href !== undefined && s.href !== home && pathname.startsWith(s.href))
		.sort((a, b) => b.href.length - a.href.length)[0];
	return match?.label;
}
