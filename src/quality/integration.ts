/**
 * Build settings the browser-quality rules depend on, kept out of astro.config.mjs so that the
 * config stays a list of integrations:
 * - every stylesheet is a file, never an inline <style>, so the CSP needs no 'unsafe-inline' or
 *   per-page hashes and one policy fits every page (and the `_headers` file);
 * - a sitemap, but only when the public address (SITE_URL) is known: a sitemap needs absolute
 *   URLs, and the site invents no domain;
 * - `_headers` (Netlify, Cloudflare Pages and others read it) with the same CSP as the <meta>.
 */
import { writeFileSync } from 'node:fs';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { securityHeaders } from './headers';

/** The `_headers` file for a site served under `base` (e.g. `/` or `/plan/`). */
export function headersFile(base: string) {
	return [`${base.replace(/\/?$/, '/')}*`, ...Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
}

export function siteQuality(): AstroIntegration {
	let base = '/';
	return {
		name: 'site-quality',
		hooks: {
			'astro:config:setup': ({ config, updateConfig, logger }) => {
				base = config.base;
				updateConfig({
					build: { inlineStylesheets: 'never' },
					// Only pages (URLs ending in /) belong in the sitemap, not the open-data files.
					integrations: config.site ? [sitemap({ filter: (page) => page.endsWith('/') })] : [],
				});
				if (!config.site) logger.info('SITE_URL is not set: no sitemap, canonical or og:url (they need an absolute address).');
			},
			'astro:build:done': ({ dir }) => {
				writeFileSync(new URL('_headers', dir), headersFile(base));
			},
		},
	};
}
