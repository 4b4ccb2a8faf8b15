import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportEntries } from './loaders/report-entries';
import * as schemas from './schemas';

/** Where the content lives; benchmarks point CONTENT_DIR at generated content elsewhere. */
const root = (process.env.CONTENT_DIR ?? './content').replace(/\/$/, '');

/** `<year>/<slug>.mdx` → `<slug>`: the id, and so the URL, does not repeat the year. */
const slugOf = ({ entry }: { entry: string }) => entry.replace(/^\d{4}\//, '').replace(/\.mdx$/, '');

export const collections = {
	owners: defineCollection({
		loader: glob({ base: `${root}/owners`, pattern: '*.yaml' }),
		schema: schemas.owner,
	}),
	sections: defineCollection({
		loader: glob({ base: `${root}/sections`, pattern: '*/*.yaml', generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.yaml$/, '') }),
		schema: schemas.section(reference),
	}),
	achievements: defineCollection({
		loader: reportEntries({ base: `${root}/achievements`, pattern: '*/*.mdx', generateId: slugOf }),
		schema: schemas.achievement(reference),
	}),
	measures: defineCollection({
		loader: reportEntries({ base: `${root}/measures`, pattern: '*/*.mdx', generateId: slugOf }),
		schema: schemas.measure(reference),
	}),
};
