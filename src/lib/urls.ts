import { siteConfig } from '../site.config';
import type { Kind } from '../vocabulary';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A path inside the site, with Astro's `base` in front: `url('measures/')` → `/plan/measures/`. */
export function url(path = ''): string {
	return base + path.replace(/^\//, '');
}

const kindPaths = { achievement: 'achievements', measure: 'measures' } as const satisfies Record<Kind, string>;

/** The list page of one kind of entry. */
export const kindIndexUrl = (kind: Kind) => url(`${kindPaths[kind]}/`);

/** The page of one achievement or measure. */
export const entryUrl = (kind: Kind, id: string) => url(`${kindPaths[kind]}/${id}/`);

/** Where a section is listed: its anchor on the list page of its kind. */
export const sectionUrl = (kind: Kind, id: string) => `${kindIndexUrl(kind)}#${sectionAnchor(id)}`;
export const sectionAnchor = (id: string) => `section-${id}`;

export const ownerIndexUrl = () => url('owners/');
export const ownerUrl = (id: string) => url(`owners/${id}/`);

/** A paragraph of the original report on `/source/`. */
export const sourceUrl = (paragraph?: number) => url('source/') + (paragraph ? `#${paragraphAnchor(paragraph)}` : '');
export const paragraphAnchor = (paragraph: number) => `p${paragraph}`;

/** Where staff edit a content file (path relative to the project root, e.g. `content/measures/2024/x.mdx`). */
export const editUrl = (filePath: string) =>
	`${siteConfig.repository.url}/edit/${siteConfig.repository.branch}/${filePath.replace(/^\.\//, '')}`;

export const searchUrl = (query?: string) => url('search/') + (query ? `?q=${encodeURIComponent(query)}` : '');
export const progressUrl = () => url('progress/');
export const progressMethodUrl = () => url('progress/method/');
export const progress2023Url = () => url('progress/2023/');
export const feedUrl = () => url('feed.xml');
