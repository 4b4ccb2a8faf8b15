import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import * as schemas from './schemas';

/** `<year>/<slug>.mdx` → `<slug>`: the id, and so the URL, does not repeat the year. */
const slugOf = ({ entry }: { entry: string }) => entry.replace(/^\d{4}\//, '').replace(/\.mdx$/, '');

export const collections = {
	owners: defineCollection({
		loader: glob({ base: './content/owners', pattern: '*.yaml' }),
		schema: schemas.owner,
	}),
	sections: defineCollection({
		loader: glob({ base: './content/sections', pattern: '*/*.yaml', generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.yaml$/, '') }),
		schema: schemas.section(reference),
	}),
	achievements: defineCollection({
		loader: glob({ base: './content/achievements', pattern: '*/*.mdx', generateId: slugOf }),
		schema: schemas.achievement(reference),
	}),
	measures: defineCollection({
		loader: glob({ base: './content/measures', pattern: '*/*.mdx', generateId: slugOf }),
		schema: schemas.measure(reference),
	}),
};
