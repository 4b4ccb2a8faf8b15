/**
 * `/feed.xml`, injected by the site-quality integration only when SITE_URL is set: RSS needs
 * absolute links, and the site invents no address (a feed pointing at 127.0.0.1 would be wrong
 * wherever it was read).
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedOptions } from '../data/feed';
import { getSite } from '../data/site';

export const GET: APIRoute = async ({ site }) => {
	if (!site) throw new Error('/feed.xml 需要 SITE_URL（网站的公开地址）');
	const { progress } = await getSite();
	return rss(feedOptions(progress.timeline, site));
};
