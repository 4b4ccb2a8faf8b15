/** What the search index holds besides the pages themselves. */
import type { Section } from '../data/site';
import { escapeHtml } from './html';
import type { Paragraph } from './report-text';
import { searchFilters } from './search-filters';
import { ownTextId } from './search-result';
import { sourceUrl } from './urls';

/** The 类型 of a result that is not an entry (entries use `kinds` from the vocabulary). */
export const otherRecordKinds = {
	section: '板块',
	owner: '责任单位',
	source: '报告原文',
} as const;

/** The part of the report an entry or section belongs to, for the 板块 filter: its top-level section. */
export const topSection = (section: Section) => section.ancestors[0] ?? section;

/** Where the build leaves the extra records for the index (the integration deletes the file). */
export const searchRecordsPath = 'search/records.json';

/** Records that are not pages: one small HTML document each; `url` is inside the site, without the base path. */
export interface SearchRecords {
	records: { url: string; html: string }[];
}

interface RecordParts {
	url: string;
	title: string;
	text: string;
	kind: string;
	filters: [name: string, value: string][];
	/** Result metadata besides title and kind (src/lib/search-result.ts shows it). */
	meta: [name: string, value: string][];
	/** Pagefind weight of the text (title aside): below 1, the record ranks after entries that say the same. */
	weight?: number;
}

function record({ url, title, text, kind, filters, meta, weight }: RecordParts, base: string): SearchRecords['records'][number] {
	const html = [
		'<!doctype html><html lang="zh-CN"><body><main data-pagefind-body>',
		`<h1 data-pagefind-meta="title">${escapeHtml(title)}</h1>`,
		// The id marks the text in the index: the search page takes its excerpt from there.
		text ? `<p id="${ownTextId}"${weight === undefined ? '' : ` data-pagefind-weight="${weight}"`}>${escapeHtml(text)}</p>` : '',
		// Values in attributes: the indexer cuts the text, not the attributes, into characters.
		...[['kind', kind], ...meta].map(([name, value]) => `<span data-pagefind-meta="${name}:${escapeHtml(value!)}"></span>`),
		...[[searchFilters.kind, kind], ...filters].map(([name, value]) => `<span data-pagefind-filter="${name}:${escapeHtml(value!)}"></span>`),
		'</main></body></html>',
	].join('');
	return { url: url.slice(base.replace(/\/?$/, '/').length - 1), html };
}

/** A section as a search record: its heading and intro, linked to its place on the list page. */
export function sectionRecord(section: Section, base: string) {
	const numbering = section.numbering ? `${section.numbering}${/^\d/.test(section.numbering) ? '.' : '、'}` : '';
	return record(
		{
			url: section.url,
			title: numbering + section.title,
			text: section.intro,
			kind: otherRecordKinds.section,
			filters: [
				[searchFilters.report, section.report.name],
				[searchFilters.year, String(section.year)],
				[searchFilters.section, topSection(section).title],
			],
			meta: [
				['year', String(section.year)],
				['report', section.report.name],
			],
		},
		base,
	);
}

/**
 * A paragraph of the original report as a search record, linked to its anchor on /source/. Its
 * text stands in an entry too, so it weighs less: the entry comes first. Its metadata names the
 * report and the paragraph, for the search page to say where the text comes from.
 */
export function paragraphRecord(paragraph: Paragraph, report: { id: string; name: string }, base: string) {
	return record(
		{
			url: sourceUrl(report.id, paragraph.number),
			title: `${report.name}原文第 ${paragraph.number} 段`,
			text: paragraph.text,
			kind: otherRecordKinds.source,
			filters: [[searchFilters.report, report.name]],
			meta: [
				['report', report.name],
				['paragraph', String(paragraph.number)],
			],
			weight: 0.5,
		},
		base,
	);
}
