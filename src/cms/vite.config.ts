/**
 * The Vite build of /admin/'s script (`src/cms/admin.ts`), apart from the site's: bundled with the
 * site, the CMS would share chunks with the public pages' scripts (Vite's preload helper), adding
 * to the search page's budget; on its own, nothing of it reaches a public page. The integration
 * (src/cms/integration.ts) gives `base` and `build.outDir`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bundledCmsFonts } from './vite-fonts.ts';

export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	logLevel: 'warn',
	// The site's public/ files are the site's; the CMS build only adds its own.
	publicDir: false,
	plugins: [bundledCmsFonts()],
	build: {
		emptyOutDir: true,
		assetsDir: '',
		sourcemap: false,
		// The CMS is one large module by design; its size is budgeted by the browser test.
		chunkSizeWarningLimit: 4000,
		rollupOptions: { input: fileURLToPath(new URL('admin.ts', import.meta.url)), output: { entryFileNames: 'cms-[hash].js' } },
	},
});
