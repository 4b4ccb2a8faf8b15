/**
 * Builds /admin/'s script on its own (src/cms/vite.config.ts). The build starts with the site's,
 * on a worker thread, into a folder of its own: it needs nothing the site's build makes, and
 * takes seconds that page rendering, which keeps one core busy, would otherwise wait for. Once the
 * site is built, the files go to `<out>/admin/assets/`. The page names the entry file `cms.js`;
 * the hashed name goes in its place, so that a new version is never served from a stale cache.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { scratchFolder } from '../integrations/scratch';
import { startWorker } from '../integrations/worker-answer';

/** The entry as the page names it, before the build puts the hashed name in. */
export const cmsEntryName = 'cms.js';

interface CmsBuild {
	outDir: string;
	worker: Worker;
	/** The entry script's file name. */
	entry: Promise<string>;
}

function startCmsBuild(base: string): CmsBuild {
	const outDir = scratchFolder('cms-build-');
	// Not the site build's Node options: a build started with `--input-type` (tests do) would stop the worker.
	const { worker, answer: entry } = startWorker<string>(new URL('build-worker.mjs', import.meta.url), { workerData: { base: `${base}admin/assets/`, outDir }, execArgv: [] });
	// Awaited in astro:build:done; a site build that fails before then must not wait for it, nor
	// leave the folder behind.
	entry.catch(() => {});
	worker.unref();
	process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
	return { outDir, worker, entry };
}

export function cmsAdmin(): AstroIntegration {
	let base = '/';
	let cms: CmsBuild | undefined;
	return {
		name: 'cms-admin',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.replace(/\/?$/, '/');
			},
			'astro:build:start': () => {
				cms = startCmsBuild(base);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!cms) throw new Error('The CMS build was not started');
				const { outDir, worker } = cms;
				worker.ref();
				try {
					const entry = await cms.entry;
					cpSync(outDir, fileURLToPath(new URL('admin/assets/', dir)), { recursive: true });
					const page = fileURLToPath(new URL('admin/index.html', dir));
					const html = readFileSync(page, 'utf8');
					if (!html.includes(`/${cmsEntryName}"`)) throw new Error(`admin/index.html does not load ${cmsEntryName}`);
					writeFileSync(page, html.replace(`/${cmsEntryName}"`, `/${entry}"`));
					logger.info(`/admin/: ${entry}`);
				} finally {
					await worker.terminate();
					rmSync(outDir, { recursive: true, force: true });
				}
			},
		},
	};
}
