// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import searchIndex from './src/integrations/pagefind.ts';
import precompress from './src/integrations/precompress.ts';
import { siteQuality } from './src/quality/integration';

// A sub-path deploy sets SITE_BASE (e.g. /plan/); every URL goes through src/lib/urls.ts.
export default defineConfig({
	// The public address is set where the site is deployed; nothing here assumes one.
	...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
	base: process.env.SITE_BASE ?? '/',
	// Tests build into their own folder so that they never touch the dist/ being served.
	outDir: process.env.SITE_OUT_DIR ?? './dist',
	trailingSlash: 'always',
	// searchIndex runs Pagefind on the output of every build (src/integrations/pagefind.ts);
	// SEARCH_SEGMENT=off leaves Chinese to Pagefind's own segmentation, for the benchmark only.
	// precompress comes last: it writes .gz/.br copies of every text file, Pagefind's included.
	integrations: [mdx(), siteQuality(), searchIndex({ segment: process.env.SEARCH_SEGMENT !== 'off' }), precompress()],
	build: { format: 'directory' },
	// Reading pages carry no client JavaScript, so nothing is prefetched.
	prefetch: false,
});
