/**
 * Build settings the browser-quality rules depend on, kept out of astro.config.mjs so that the
 * config stays a list of integrations:
 * - every stylesheet is a file, never an inline <style>, so the CSP needs no 'unsafe-inline' or
 *   per-page hashes and one policy fits every page (and the `_headers` file);
 * - a sitemap, but only when the public address (SITE_URL) is known: a sitemap needs absolute
 *   URLs, and the site invents no domain;
 * - the RSS feed (`/feed.xml`) likewise only with SITE_URL: its links must be absolute, and a
 *   feed pointing at a local address would be wrong wherever it is read;
 * - `_headers` (Netlify, Cloudflare Pages and others read it) with the same CSP as the <meta>.
 *
 * A release build (SITE_RELEASE=true, as the GitLab Pages job sets) without SITE_URL says so, in
 * Chinese: the site it publishes lacks those parts. Local and test builds stay quiet.
 */
import { writeFileSync } from 'node:fs';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { adminCspHeader } from '../cms/csp';
import { gitLabBackend } from '../cms/backend';
import { securityHeaders } from './headers';

/**
 * The `_headers` file for a site served under `base` (e.g. `/` or `/plan/`). /admin/ (the CMS)
 * needs a policy of its own; hosts apply every matching rule, so its rule first takes the site's
 * policy away (`! Header`, as Cloudflare Pages reads it) and sets the CMS's.
 */
export function headersFile(base: string, adminPolicy?: string) {
	const root = base.replace(/\/?$/, '/');
	return [
		`${root}*`,
		...Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`),
		...(adminPolicy ? [`${root}admin/*`, '  ! Content-Security-Policy', `  Content-Security-Policy: ${adminPolicy}`, '  X-Robots-Tag: noindex, nofollow'] : []),
		'',
	].join('\n');
}

export function siteQuality(): AstroIntegration {
	let base = '/';
	return {
		name: 'site-quality',
		hooks: {
			'astro:config:setup': ({ config, updateConfig, injectRoute, logger }) => {
				base = config.base;
				updateConfig({
					build: { inlineStylesheets: 'never' },
					// Only pages (URLs ending in /) belong in the sitemap, not the open-data files.
					// /admin/ (the staff's CMS) is never listed.
					integrations: config.site ? [sitemap({ filter: (page) => page.endsWith('/') && !new URL(page).pathname.startsWith(`${config.base.replace(/\/?$/, '/')}admin/`) })] : [],
				});
				if (config.site) injectRoute({ pattern: '/feed.xml', entrypoint: new URL('../feed/feed.xml.ts', import.meta.url), prerender: true });
				else if (process.env['SITE_RELEASE'] === 'true') {
					logger.warn('没有设置 SITE_URL（网站的公开地址）：这次发布的网站没有 RSS 订阅、站点地图、canonical 和 og:url，因为它们都需要完整的网址。请在构建环境中把 SITE_URL 设为网站的完整网址（含 https:// 和子路径）。');
				}
			},
			'astro:build:done': ({ dir }) => {
				writeFileSync(new URL('_headers', dir), headersFile(base, adminCspHeader(gitLabBackend(process.env))));
			},
		},
	};
}
