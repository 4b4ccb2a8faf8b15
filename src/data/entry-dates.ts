/**
 * The real day an entry's page was last updated, for 更新于 and PubDate: its latest progress
 * update's date, else the day Git last saw its file change (src/lib/git-dates.ts). Undefined when
 * neither is known: the page then shows no date rather than the build day.
 */
import { lastChanged } from '../lib/git-dates';
import type { Entry } from './site';

const contentRoot = (process.env['CONTENT_DIR'] ?? './content').replace(/\/$/, '');

export function updatedOn(entry: Entry): Date | undefined {
	const latest = entry.kind === 'measure' ? entry.updates.at(-1) : undefined;
	if (latest) return latest.date;
	return entry.filePath ? lastChanged(process.cwd(), contentRoot).get(entry.filePath.replace(/^\.\//, '')) : undefined;
}
