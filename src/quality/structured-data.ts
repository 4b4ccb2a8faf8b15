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
	return scriptJson({ '@context': 'https://schema.org', ...data });
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` as JSON escapes, so that no
 * text (`</script>`, `<!--`) can end the element early, and the line separators JavaScript once
 * refused. The result parses back to exactly `data`.
 */
export function scriptJson(data: unknown): string {
	const escapes: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
	return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => escapes[char] ?? char);
}
