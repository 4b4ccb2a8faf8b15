// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// A sub-path deploy sets SITE_BASE (e.g. /plan/); every URL goes through src/lib/urls.ts.
export default defineConfig({
	// The public address is set where the site is deployed; nothing here assumes one.
	site: process.env.SITE_URL,
	base: process.env.SITE_BASE ?? '/',
	// Tests build into their own folder so that they never touch the dist/ being served.
	outDir: process.env.SITE_OUT_DIR ?? './dist',
	trailingSlash: 'always',
	integrations: [mdx()],
	build: { format: 'directory' },
	// Reading pages carry no client JavaScript, so nothing is prefetched.
	prefetch: false,
});
