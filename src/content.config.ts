import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { ownersFolder, reportLayout } from './lib/layout';
import { reportEntries } from './loaders/report-entries';
import { reports } from './loaders/reports';
import * as schemas from './schemas';

/** Where the content lives; tests and benchmarks point CONTENT_DIR at other content. */
const root = (process.env.CONTENT_DIR ?? './content').replace(/\/$/, '');
const reportsRoot = `${root}/${reportLayout.folder}`;

/** `<report>/<folder>/<name>.<ext>` → `<name>`: the id, and so the URL, does not repeat the report. */
const fileName = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

export const collections = {
	reports: defineCollection({
		loader: reports(reportsRoot),
		schema: schemas.report(reference),
	}),
	owners: defineCollection({
		loader: glob({ base: `${root}/${ownersFolder}`, pattern: '*.yaml' }),
		schema: schemas.owner,
	}),
	sections: defineCollection({
		loader: glob({ base: reportsRoot, pattern: `*/${reportLayout.sections}/*.yaml`, generateId: fileName }),
		schema: schemas.section(reference),
	}),
	achievements: defineCollection({
		loader: reportEntries({ base: reportsRoot, pattern: `*/${reportLayout.achievements}/*.mdx`, generateId: fileName }),
		schema: schemas.achievement(reference),
	}),
	measures: defineCollection({
		loader: reportEntries({ base: reportsRoot, pattern: `*/${reportLayout.measures}/*.mdx`, generateId: fileName }),
		schema: schemas.measure(reference),
	}),
};
