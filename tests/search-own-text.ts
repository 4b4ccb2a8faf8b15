/**
 * The text each search record quotes, read from the built site rather than from the index: an
 * entry's body and a section's intro from the open data, a paragraph from its report's text (/source/<report>/), an owner's
 * sentence from its page. The excerpt tests check every excerpt against it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryRow, SectionRow } from './search-cases';

const stripTags = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The own text of the record at `url` (as Pagefind gives it, with the leading slash), or undefined for a record that has none. */
export function ownTextReader(siteDir: string) {
	const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
	const { entries, sections } = JSON.parse(read('data/entries.json')) as { entries: EntryRow[]; sections: SectionRow[] };
	const sources = new Map<string, string>();
	const source = (report: string) => sources.get(report) ?? sources.set(report, read(`source/${report}/index.html`)).get(report)!;
	return (url: string): string | undefined => {
		const entry = entries.find((e) => e.url === url);
		if (entry) return entry.text;
		const section = /#section-(.+)$/.exec(url)?.[1];
		if (section) return sections.find((s) => s.id === section)?.text;
		const [, report, paragraph] = /^\/source\/([^/]+)\/#(p\d+)$/.exec(url) ?? [];
		if (report && paragraph) {
			const html = new RegExp(`<p id="${paragraph}">([\\s\\S]*?)</p>`).exec(source(report))?.[1] ?? '';
			return stripTags(html.replace(/<a class="paragraph-number"[\s\S]*?<\/a>/, ''));
		}
		if (/^\/owners\/[^/]+\/$/.test(url)) return stripTags(/<\/h1>\s*<p>([\s\S]*?)<\/p>/.exec(read(`${url.slice(1)}index.html`))?.[1] ?? '');
		return undefined;
	};
}
