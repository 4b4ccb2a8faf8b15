// robots.txt: everything may be crawled; the sitemap is named when the public address is known.
// Under a sub-path deploy (SITE_BASE) crawlers read only the host's own /robots.txt, which should
// then point at this sitemap.
import type { APIRoute } from 'astro';
import { url } from '../lib/urls';

export const GET: APIRoute = ({ site }) => {
	const lines = ['User-agent: *', 'Disallow:'];
	if (site) lines.push('', `Sitemap: ${new URL(url('sitemap-index.xml'), site).href}`);
	return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
