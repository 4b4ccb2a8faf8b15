/**
 * The site's schemas as tools outside Astro use them: a link to another collection is a plain id,
 * tagged with the collection it points at so that checks and generated docs can find every link.
 * No file access here, so the JSON Schema endpoint can import it.
 */
import { z } from 'astro/zod';
import * as schemas from '../schemas';
import type { LinkedCollection } from '../schemas';

export type CollectionName = LinkedCollection;

/** JSON Schema keyword that marks a link; editors ignore unknown keywords. */
export const referenceKeyword = 'x-reference';

/** Links become plain ids here; whether the id exists is checked against the files read. */
export const plainReference = (collection: LinkedCollection) => z.string().trim().min(1).meta({ [referenceKeyword]: collection });

/** The site's schemas, with links as plain ids. */
export const fileSchemas = {
	owners: schemas.owner,
	sections: schemas.section(plainReference),
	achievements: schemas.achievement(plainReference),
	measures: schemas.measure(plainReference),
};

/** Where each collection lives and how its files are named, matching `src/content.config.ts`. */
export const layout = {
	owners: { folder: 'owners', yearFolders: false, extension: '.yaml' },
	sections: { folder: 'sections', yearFolders: true, extension: '.yaml' },
	achievements: { folder: 'achievements', yearFolders: true, extension: '.mdx' },
	measures: { folder: 'measures', yearFolders: true, extension: '.mdx' },
} as const satisfies Record<CollectionName, { folder: string; yearFolders: boolean; extension: string }>;

export const collectionNames = Object.keys(layout) as CollectionName[];

/** What one file of each collection is, in Chinese, for messages and docs. */
export const collectionLabels: Record<CollectionName, string> = {
	owners: '责任单位',
	sections: '报告的部分',
	achievements: '成果',
	measures: '举措',
};

/** Where a file of the collection goes, as a pattern staff can follow. */
export const expectedPlace = (collection: CollectionName) => {
	const { folder, yearFolders, extension } = layout[collection];
	return `content/${folder}/${yearFolders ? '<年份>/' : ''}${extension === '.mdx' ? '<slug>' : '<编号>'}${extension}`;
};
