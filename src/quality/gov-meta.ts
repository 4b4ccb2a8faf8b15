/**
 * The <meta> tags of 政府网站网页设计规范 (the page-design annex of 《政府网站发展指引》), in its
 * order: SiteName, SiteDomain, SiteIDCode on every page; ColumnName on a section's pages;
 * ArticleTitle, PubDate and ContentSource on an article (an achievement's or measure's page).
 * A value nobody has given is left out: SiteDomain needs SITE_URL, SiteIDCode the 网站标识码 in
 * site.yaml, PubDate a real date.
 */
import { isoDate } from '../lib/format';

export interface GovPage {
	siteName: string;
	/** Astro.site, from SITE_URL. */
	site: URL | undefined;
	siteCode: string | undefined;
	/** The section (栏目) the page belongs to; none for the home page. */
	column: string | undefined;
	article?: { title: string; published: Date | undefined; source: string } | undefined;
}

export function govMeta({ siteName, site, siteCode, column, article }: GovPage): { name: string; content: string }[] {
	const tags: [string, string | undefined][] = [
		['SiteName', siteName],
		['SiteDomain', site?.host],
		['SiteIDCode', siteCode],
		['ColumnName', column],
		['ArticleTitle', article?.title],
		['PubDate', article?.published && isoDate(article.published)],
		['ContentSource', article?.source],
	];
	return tags.filter((tag): tag is [string, string] => Boolean(tag[1])).map(([name, content]) => ({ name, content }));
}
