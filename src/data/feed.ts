/**
 * The progress feed as data: the options `@astrojs/rss` turns into `/feed.xml`. Readers treat an
 * item's title and description as HTML, so both are HTML-escaped here before the RSS library
 * escapes them again for XML: a note written as `<b>…</b>` reaches the reader as those characters,
 * never as markup. The feed needs absolute links, so it exists only where SITE_URL is set.
 */
import type { RSSOptions } from '@astrojs/rss';
import { escapeHtml } from '../lib/html';
import { feedUrl, progressUrl } from '../lib/urls';
import { siteConfig } from '../site.config';
import { statusLabels } from '../vocabulary';
import type { Measure, Update } from './link';

/** Readers poll the feed for what is new: the latest updates are enough, and the file stays small however long the record grows. */
export const feedItems = 50;

/** What the feed reads of one update and its measure. */
export interface FeedUpdate {
	measure: Pick<Measure, 'title'> & { owner: Pick<Measure['owner'], 'name'>; section: Pick<Measure['section'], 'title'> };
	update: Pick<Update, 'status' | 'url' | 'date' | 'note'>;
}

/** The latest updates, newest first (as `timeline` is), each linking to its entry on the measure's page. */
export function feedOptions(timeline: readonly FeedUpdate[], site: URL): RSSOptions {
	const absolute = (path: string) => new URL(path, site).href;
	return {
		title: `${siteConfig.name}：举措进展`,
		description: `${siteConfig.publisher}年度法治建设工作报告中各项举措的进展记录，最新的在前。`,
		site: absolute(progressUrl()),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<language>zh-cn</language><atom:link href="${escapeHtml(absolute(feedUrl()))}" rel="self" type="application/rss+xml"/>`,
		items: timeline.slice(0, feedItems).map(({ measure, update }) => ({
			title: escapeHtml(`${measure.title}：${statusLabels[update.status]}`),
			// The entry's own anchor keeps links, and so GUIDs, unique when a measure has several updates.
			link: absolute(update.url),
			pubDate: update.date,
			description: escapeHtml(update.note),
			categories: [measure.owner.name, measure.section.title],
		})),
	};
}
