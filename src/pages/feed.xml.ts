import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSite } from '../data/site';
import { feedUrl, progressUrl } from '../lib/urls';
import { siteConfig } from '../site.config';
import { statusLabels } from '../vocabulary';

/**
 * RSS needs absolute links. Deploys set SITE_URL; a local build links to the local preview
 * server (`npm start`), so the feed stays valid either way.
 */
const localPreview = 'http://127.0.0.1:4321/';

/** Readers poll the feed for what is new: the latest updates are enough, and the file stays small however long the record grows. */
const feedItems = 50;

/** The latest progress updates of the measures, newest first, each linking to its entry on the measure's page. */
export const GET: APIRoute = async ({ site }) => {
	const { progress } = await getSite();
	const origin = site ?? new URL(localPreview);
	const absolute = (path: string) => new URL(path, origin).href;
	return rss({
		title: `${siteConfig.name}：举措进展`,
		description: `${siteConfig.publisher}年度法治建设工作报告中各项举措的进展记录，最新的在前。`,
		site: absolute(progressUrl()),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<language>zh-cn</language><atom:link href="${absolute(feedUrl())}" rel="self" type="application/rss+xml"/>`,
		items: progress.timeline.slice(0, feedItems).map(({ measure, update }) => ({
			title: `${measure.title}：${statusLabels[update.status]}`,
			// The entry's own anchor keeps links, and so GUIDs, unique when a measure has several updates.
			link: absolute(update.url),
			pubDate: update.date,
			description: update.note,
			categories: [measure.owner.name, measure.section.title],
		})),
	});
};
