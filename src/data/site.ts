/**
 * The one place that reads the content collections: it hands them to the linker
 * (`./link.ts`) and keeps the result for the build, so every page gets the same linked model and
 * the collections are read once.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { progressToday } from '../lib/progress';
import { link, type Entry, type Site } from './link';

export * from './link';

async function load(): Promise<Site> {
	const [reports, owners, sections, achievements, measures] = await Promise.all([
		getCollection('reports'),
		getCollection('owners'),
		getCollection('sections'),
		getCollection('achievements'),
		getCollection('measures'),
	]);
	return link({ reports, owners, sections, achievements, measures, today: progressToday(process.env['PROGRESS_TODAY'], new Date()) });
}

let site: Promise<Site> | undefined;

/** The whole site, read and linked once per build. */
export function getSite(): Promise<Site> {
	site ??= load();
	return site;
}

/** The `getStaticPaths` of the pages that exist once per report (/reports/<id>/, /source/<id>/). */
export const reportPaths = async () => (await getSite()).reports.map((report) => ({ params: { id: report.id }, props: { report } }));

/** Renders an entry's body; the linker keeps the collection entry it was given. */
export const renderEntry = (entry: Entry) => render(entry.entry as CollectionEntry<'achievements' | 'measures'>);
