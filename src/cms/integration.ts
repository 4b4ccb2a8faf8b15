/**
 * Builds /admin/'s script on its own, after the site: a separate Vite build of `src/cms/admin.ts`
 * into `<out>/admin/assets/`. Bundled with the site, the CMS would share chunks with the public
 * pages' scripts (Vite's preload helper), adding to the search page's budget; on its own, nothing
 * of it reaches a public page. The page names the entry file `cms.js`; the build puts the hashed
 * name in its place so that a new version is never served from a stale cache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import { bundledCmsFonts } from './vite-fonts';

/** The entry as the page names it, before the build puts the hashed name in. */
export const cmsEntryName = 'cms.js';

export function cmsAdmin(): AstroIntegration {
	let base = '/';
	return {
		name: 'cms-admin',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.replace(/\/?$/, '/');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(new URL('admin/assets/', dir));
				const result = await build({
					configFile: false,
					root: fileURLToPath(new URL('../..', import.meta.url)),
					base: `${base}admin/assets/`,
					logLevel: 'warn',
					// The site's public/ files are the site's; the CMS build only adds its own.
					publicDir: false,
					plugins: [bundledCmsFonts()],
					build: {
						outDir,
						emptyOutDir: true,
						assetsDir: '',
						sourcemap: false,
						// The CMS is one large module by design; its size is budgeted by the browser test.
						chunkSizeWarningLimit: 4000,
						rollupOptions: { input: fileURLToPath(new URL('admin.ts', import.meta.url)), output: { entryFileNames: 'cms-[hash].js' } },
					},
				});
				const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
				const entry = outputs.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
				if (!entry) throw new Error('The CMS build produced no entry script');
				const page = fileURLToPath(new URL('admin/index.html', dir));
				const html = readFileSync(page, 'utf8');
				if (!html.includes(`/${cmsEntryName}"`)) throw new Error(`admin/index.html does not load ${cmsEntryName}`);
				writeFileSync(page, html.replace(`/${cmsEntryName}"`, `/${entry.fileName}"`));
				logger.info(`/admin/: ${entry.fileName}`);
			},
		},
	};
}
