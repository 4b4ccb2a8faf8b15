/**
 * The site's schemas as tools outside Astro use them: a link to another collection is a plain id,
 * tagged with the collection it points at so that checks and generated docs can find every link.
 * No file access here, so the JSON Schema endpoint can import it.
 */
import { z } from 'astro/zod';
import * as schemas from '../schemas';
import type { LinkedCollection } from '../schemas';
import { ownersFolder, reportLayout } from '../lib/layout';

export type CollectionName = LinkedCollection;

/** JSON Schema keyword that marks a link; editors ignore unknown keywords. */
export const referenceKeyword = 'x-reference';

/** Links become plain ids here; whether the id exists is checked against the files read. */
export const plainReference = (collection: LinkedCollection) => z.string().trim().min(1).meta({ [referenceKeyword]: collection });

/** The site's schemas, with links as plain ids; a report as staff write it, without its text. */
export const fileSchemas = {
	reports: schemas.reportFile(plainReference),
	owners: schemas.owner,
	sections: schemas.section(plainReference),
	achievements: schemas.achievement(plainReference),
	measures: schemas.measure(plainReference),
};

/**
 * Where each collection lives and how its files are named, matching `src/content.config.ts` and
 * `src/lib/layout.ts`: `folder` is inside a report's folder when `inReport`.
 */
export const layout = {
	reports: { folder: reportLayout.folder, inReport: false, extension: '.yaml' },
	owners: { folder: ownersFolder, inReport: false, extension: '.yaml' },
	sections: { folder: reportLayout.sections, inReport: true, extension: '.yaml' },
	achievements: { folder: reportLayout.achievements, inReport: true, extension: '.mdx' },
	measures: { folder: reportLayout.measures, inReport: true, extension: '.mdx' },
} as const satisfies Record<CollectionName, { folder: string; inReport: boolean; extension: string }>;

export const collectionNames = Object.keys(layout) as CollectionName[];

/** What one file of each collection is, in Chinese, for messages and docs. */
export const collectionLabels: Record<CollectionName, string> = {
	reports: '年度报告',
	owners: '责任单位',
	sections: '报告的部分',
	achievements: '成果',
	measures: '举措',
};

/** The folder a collection's files go in, as staff read it: `content/owners/`, `content/reports/<报告编号>/measures/`. */
export const folderOf = (collection: CollectionName, report = '<报告编号>') => {
	const { folder, inReport } = layout[collection];
	if (collection === 'reports') return `content/${folder}/`;
	return inReport ? `content/${reportLayout.folder}/${report}/${folder}/` : `content/${folder}/`;
};

/** Where a file of the collection goes, as a pattern staff can follow. */
export const expectedPlace = (collection: CollectionName) => {
	if (collection === 'reports') return `content/${reportLayout.folder}/<报告编号>/${reportLayout.file}`;
	const { extension } = layout[collection];
	return `${folderOf(collection)}${extension === '.mdx' ? '<slug>' : '<编号>'}${extension}`;
};

/** Where the files a link may point at are: a section in the entry's own report, an entry in any report's folder. */
export const placeOfLinks = (target: CollectionName, report?: string) =>
	target === 'sections' ? (report ? folderOf(target, report) : `本报告文件夹的 ${layout[target].folder}/`) : layout[target].inReport ? `各报告文件夹的 ${layout[target].folder}/` : folderOf(target);
