/**
 * The open-data view of the report: the rows of `/data/entries.json` and `/data/entries.csv`,
 * built from the same normalised data as the pages.
 */
import type { Report } from './report';

export function openData(report: Report, site: URL | undefined) {
	// Absolute URLs where the deploy address is known, so the files work outside the site.
	const absolute = (path: string) => (site ? new URL(path, site).href : path);
	return {
		entries: report.entries.map((entry) => ({
			id: entry.id,
			kind: entry.kind,
			year: entry.year,
			title: entry.title,
			section: entry.section.id,
			owner: entry.owner.id,
			status: entry.status,
			url: absolute(entry.url),
			text: entry.text,
		})),
		sections: report.sections.map((section) => ({
			id: section.id,
			year: section.year,
			title: section.title,
			text: section.intro,
		})),
	};
}

export type OpenData = ReturnType<typeof openData>;

/** RFC 4180 CSV with a BOM, so that Excel reads the Chinese text as UTF-8. */
export function toCsv(rows: readonly Record<string, string | number>[]): string {
	const [first] = rows;
	if (!first) return '\uFEFF';
	const columns = Object.keys(first);
	const cell = (value: string | number) => {
		const text = String(value);
		return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
	};
	return '\uFEFF' + [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c] ?? '')).join(','))].join('\r\n') + '\r\n';
}
