/**
 * JSON-LD for search engines: on the home page, the bureau (GovernmentOrganization) and its
 * latest report (Report, whose full text is /source/<id>/); on an achievement's or measure's
 * page, the entry as a CreativeWork that is part of that report. Other pages carry none: they
 * only list or repeat what these describe, and every byte counts on the long ones.
 */
import type { Entry, Report } from '../data/site';
import { url } from '../lib/urls';
import { siteConfig } from '../site.config';

interface Page {
	/** Astro.site: absolute addresses only when the public address is known. */
	site: URL | undefined;
	/** The page's path, with `base`. */
	path: string;
	entry?: Entry | undefined;
	/** The newest report, which the home page describes. */
	latest: Report | undefined;
}

export function structuredData({ site, path, entry, latest }: Page): string | undefined {
	const described = entry?.report ?? (path === url() ? latest : undefined);
	if (!described) return undefined;
	const address = (to: string) => (site ? new URL(to, site).href : to);
	const publisher = { '@type': 'GovernmentOrganization', '@id': `${address(url())}#publisher`, name: siteConfig.publisher };
	const report = {
		'@type': 'Report',
		'@id': `${address(described.url)}#report`,
		name: described.title,
		inLanguage: 'zh-CN',
		url: address(described.textUrl),
		publisher,
	};
	const data = entry
		? {
				'@type': 'CreativeWork',
				name: entry.title,
				description: entry.summary,
				url: address(path),
				inLanguage: 'zh-CN',
				isPartOf: report,
				creativeWorkStatus: entry.statusLabel,
				...(entry.tags.length > 0 && { keywords: entry.tags.join(',') }),
			}
		: report;
	// `<` escaped so that no text can close the <script> element early.
	return JSON.stringify({ '@context': 'https://schema.org', ...data }).replace(/</g, '\\u003c');
}
