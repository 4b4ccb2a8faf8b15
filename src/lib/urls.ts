/**
 * Every route of the site, built in one place with Astro's `base` in front, so that a sub-path
 * deploy (SITE_BASE) and the pages' links can never disagree.
 */
import { siteConfig } from '../site.config';
import { kindRegistry, type Kind } from '../vocabulary';
import { fileEditUrl } from './repository';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A path inside the site, with Astro's `base` in front: `url('measures/')` → `/plan/measures/`. */
export function url(path = ''): string {
	return base + path.replace(/^\//, '');
}

/** `…/` for page 1 of a paged list, `…/<n>/` after it. */
const paged = (path: string, number: number) => url(`${path}${number > 1 ? `${number}/` : ''}`);

/** The list page of one kind of entry. */
export const kindIndexUrl = (kind: Kind) => url(`${kindRegistry[kind].path}/`);

/** The page of one achievement or measure. */
export const entryUrl = (kind: Kind, id: string) => url(`${kindRegistry[kind].path}/${id}/`);

/** Page `number` of one year's list of a kind: /achievements/<year>/, /achievements/<year>/2/. */
export const kindYearUrl = (kind: Kind, year: number, number = 1) => paged(`${kindRegistry[kind].path}/${year}/`, number);

/** Where a section is listed: its anchor on the list page of its kind. */
export const sectionUrl = (kind: Kind, id: string) => `${kindIndexUrl(kind)}#${sectionAnchor(id)}`;
export const sectionAnchor = (id: string) => `section-${id}`;

export const ownerIndexUrl = () => url('owners/');
export const ownerUrl = (id: string) => url(`owners/${id}/`);

/** Page `number` of one year's list of what an owner leads or joins: /owners/<id>/<year>/…. */
export const ownerYearUrl = (id: string, year: number, number = 1) => paged(`owners/${id}/${year}/`, number);

/** Every report, newest first; one report's page. */
export const reportsUrl = () => url('reports/');
export const reportUrl = (id: string) => url(`reports/${id}/`);

/** A report's text (`/source/<id>/`), or one of its paragraphs there; `/source/` itself leads to the texts. */
export const sourceUrl = (report?: string, paragraph?: number) =>
	(report === undefined ? url('source/') : url(`source/${report}/`)) + (paragraph ? `#${paragraphAnchor(paragraph)}` : '');
export const paragraphAnchor = (paragraph: number) => `p${paragraph}`;

/** Where staff edit a content file (path relative to the project root); undefined when the repository or its forge is unknown. */
export const editUrl = (filePath: string) => fileEditUrl(siteConfig.repository, filePath);

export const searchUrl = (query?: string) => url('search/') + (query ? `?q=${encodeURIComponent(query)}` : '');
export const progressUrl = () => url('progress/');
export const progressMethodUrl = () => url('progress/method/');
/** How one year's work went: its achievements and its measures. */
export const progressYearUrl = (year: number) => url(`progress/${year}/`);
/** Page `number` of every late item, most overdue first: /progress/late/, /progress/late/2/. */
export const lateListUrl = (number = 1) => paged('progress/late/', number);
export const feedUrl = () => url('feed.xml');
/** The feed needs absolute links, so it is published only where the public address is known (SITE_URL). */
export const hasFeed = Boolean(import.meta.env.SITE);

export const figuresUrl = () => url('figures/');
/** Page `number` of one year's figures: /figures/<year>/, /figures/<year>/2/. */
export const figuresYearUrl = (year: number, number = 1) => paged(`figures/${year}/`, number);

export const accessibilityUrl = () => url('accessibility/');
export const openDataUrl = (file: 'entries.json' | 'entries.csv') => url(`data/${file}`);
