/**
 * Reads the content files straight from disk, outside Astro, and checks them with the same Zod
 * schemas the site uses. Tests and command-line checks build on this; pages never do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import * as schemas from '../schemas';

export type CollectionName = 'owners' | 'sections' | 'achievements' | 'measures';

export interface ContentFile {
	collection: CollectionName;
	/** The entry id, as Astro derives it from the file name. */
	id: string;
	/** Path from the project root, with forward slashes. */
	path: string;
	/** The year folder the file is in, for entries and sections. */
	folderYear: number | undefined;
	/** Parsed YAML: the whole file for data, the frontmatter for MDX. */
	data: unknown;
	/** The MDX body after the frontmatter; empty for YAML files. */
	body: string;
}

/** Where each collection lives and how its files are named, matching `src/content.config.ts`. */
export const layout = {
	owners: { folder: 'owners', yearFolders: false, extension: '.yaml' },
	sections: { folder: 'sections', yearFolders: true, extension: '.yaml' },
	achievements: { folder: 'achievements', yearFolders: true, extension: '.mdx' },
	measures: { folder: 'measures', yearFolders: true, extension: '.mdx' },
} as const satisfies Record<CollectionName, { folder: string; yearFolders: boolean; extension: string }>;

/** Links become plain ids here; whether the id exists is checked against the files read. */
export const plainReference = () => z.string().trim().min(1);

/** The site's schemas, with links as plain ids. */
export const fileSchemas = {
	owners: schemas.owner,
	sections: schemas.section(plainReference),
	achievements: schemas.achievement(plainReference),
	measures: schemas.measure(plainReference),
};

const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function splitFrontmatter(source: string): { yaml: string; body: string } | undefined {
	const match = frontmatter.exec(source);
	return match ? { yaml: match[1] ?? '', body: match[2] ?? '' } : undefined;
}

function filesIn(folder: string, extension: string): string[] {
	try {
		return readdirSync(folder).filter((name) => name.endsWith(extension)).sort();
	} catch {
		return [];
	}
}

/** Every content file, parsed but not validated. */
export function readContentFiles(contentRoot = join(process.cwd(), 'content')): ContentFile[] {
	const projectRoot = join(contentRoot, '..');
	const files: ContentFile[] = [];
	for (const [collection, { folder, yearFolders, extension }] of Object.entries(layout) as [CollectionName, (typeof layout)[CollectionName]][]) {
		const base = join(contentRoot, folder);
		const folders = yearFolders ? readdirSync(base).filter((name) => /^\d{4}$/.test(name)).map((year) => join(base, year)) : [base];
		for (const dir of folders) {
			for (const name of filesIn(dir, extension)) {
				const file = join(dir, name);
				const source = readFileSync(file, 'utf8');
				const parts = extension === '.mdx' ? splitFrontmatter(source) : { yaml: source, body: '' };
				files.push({
					collection,
					id: name.slice(0, -extension.length),
					path: relative(projectRoot, file).split('\\').join('/'),
					folderYear: yearFolders ? Number(dir.slice(-4)) : undefined,
					data: parts ? parse(parts.yaml) : undefined,
					body: parts?.body ?? '',
				});
			}
		}
	}
	return files;
}
