/**
 * The loader of the reports: one entry per folder of `content/reports/` that holds a
 * `report.yaml`, with the verbatim `report.txt` beside it read into the entry, so that the site
 * quotes and links each report's own text. The folder name is the report's id.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { reportLayout } from '../lib/layout';

export function reports(base: string): Loader {
	return {
		name: 'reports',
		load: async ({ store, parseData, generateDigest, watcher }) => {
			store.clear();
			for (const id of readdirSync(base).sort()) {
				const yamlPath = join(base, id, reportLayout.file);
				if (!existsSync(yamlPath)) continue;
				const yamlText = readFileSync(yamlPath, 'utf8');
				const textPath = join(base, id, reportLayout.text);
				// The content check names a missing text; the site is never built without it.
				if (!existsSync(textPath)) throw new Error(`${relative(process.cwd(), textPath)}：报告 ${id} 缺少原文 ${reportLayout.text}。`);
				const text = readFileSync(textPath, 'utf8').replace(/^\uFEFF/, '');
				const filePath = relative(process.cwd(), yamlPath).split('\\').join('/');
				const data = await parseData({ id, data: { ...parse(yamlText), text }, filePath });
				store.set({ id, data, filePath, digest: generateDigest(yamlText + text) });
				watcher?.add([yamlPath, textPath]);
			}
		},
	};
}
