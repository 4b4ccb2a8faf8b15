/**
 * Which link addresses a body may carry: the web (`http:`, `https:`) and the site itself (a path,
 * `#anchor` or `?query`). Everything else — `javascript:`, `data:`, `vbscript:`, `file:`, and
 * `//host` that leaves the site — is refused, both by the content check and when a body is
 * rendered. The address is the decoded one (entities already resolved, as Markdown and HTML
 * parsers hand it over).
 */

/** Browsers skip these inside a scheme (`java\tscript:`) and read `\` as `/` (`/\host` is `//host`). */
const ignoredByBrowsers = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;
const scheme = /^([a-z][a-z0-9+.-]*):/i;

export function isSafeHref(href: string): boolean {
	const cleaned = href.replace(ignoredByBrowsers, '').replaceAll('\\', '/');
	const written = scheme.exec(cleaned)?.[1];
	if (written !== undefined) return /^https?$/i.test(written);
	return !cleaned.startsWith('//');
}
