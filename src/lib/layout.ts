/**
 * Where content lives, in one place: the content checker, the scaffold, the site's collections
 * and the docs read it from here.
 *
 *     content/owners/<id>.yaml                         the responsible bodies, shared by all reports
 *     content/reports/<id>/report.yaml                 one report: title, publisher, its two years
 *     content/reports/<id>/report.txt                  its text, verbatim
 *     content/reports/<id>/sections/<id>.yaml          its structure: headings and intro sentences
 *     content/reports/<id>/achievements/<slug>.mdx     its summary, one achievement a file
 *     content/reports/<id>/measures/<slug>.mdx         its plan, one measure a file
 *
 * An entry belongs to the report whose folder it is in; a report's id is its summary year.
 */
import { kindRegistry } from '../vocabulary';

export const reportLayout = {
	/** The folder of the reports, inside the content folder. */
	folder: 'reports',
	/** A report's own data, in its folder. */
	file: 'report.yaml',
	/** A report's verbatim text, in its folder. */
	text: 'report.txt',
	/** A report's sections, in its folder. */
	sections: 'sections',
	achievements: kindRegistry.achievement.folder,
	measures: kindRegistry.measure.folder,
} as const;

/** The folder of the responsible bodies, inside the content folder. */
export const ownersFolder = 'owners';

/** A report id is its summary year: four digits. */
export const reportIdPattern = /^\d{4}$/;

/** The report a content file belongs to, from its path (`content/reports/2023/measures/x.mdx` → `2023`). */
export function reportOfPath(path: string): string | undefined {
	const parts = path.split(/[\\/]/);
	const at = parts.lastIndexOf(reportLayout.folder);
	return at >= 0 ? parts[at + 1] : undefined;
}
