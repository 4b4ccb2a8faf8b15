/**
 * The open-data view of the reports: the rows of `/data/entries.json` and `/data/entries.csv`,
 * built from the same linked model as the pages.
 */
import { isoDate } from '../lib/format';
import type { Site } from './link';

export function openData(model: Site, site: URL | undefined) {
	// Absolute URLs where the deploy address is known, so the files work outside the site.
	const absolute = (path: string) => (site ? new URL(path, site).href : path);
	return {
		reports: model.reports.map((report) => ({
			id: report.id,
			title: report.title,
			publisher: report.publisher.id,
			summaryYear: report.summaryYear,
			planYear: report.planYear,
			...(report.publishedOn ? { publishedOn: isoDate(report.publishedOn) } : {}),
			...(report.officialUrl ? { sourceUrl: report.officialUrl } : {}),
			url: absolute(report.url),
			textUrl: absolute(report.textUrl),
		})),
		entries: model.entries.map((entry) => ({
			id: entry.id,
			report: entry.report.id,
			kind: entry.kind,
			year: entry.year,
			title: entry.title,
			section: entry.section.id,
			owner: entry.owner.id,
			status: entry.status,
			url: absolute(entry.url),
			text: entry.text,
		})),
		sections: model.sections.map((section) => ({
			id: section.id,
			report: section.report.id,
			year: section.year,
			title: section.title,
			text: section.intro,
		})),
	};
}

export type OpenData = ReturnType<typeof openData>;

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula gets a leading `'`, as OWASP
 * advises, so that a title beginning with `=` opens as that text; numbers are written as numbers.
 */
export function csvCell(value: string | number): string {
	const text = typeof value === 'string' && formulaStart.test(value) ? `'${value}` : String(value);
	return /[",\r\n]/.test(text) || text !== String(value) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a BOM, so that Excel reads the Chinese text as UTF-8. */
export function toCsv(rows: readonly Record<string, string | number>[]): string {
	const [first] = rows;
	if (!first) return '\uFEFF';
	const columns = Object.keys(first);
	return '\uFEFF' + [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c] ?? '')).join(','))].join('\r\n') + '\r\n';
}
