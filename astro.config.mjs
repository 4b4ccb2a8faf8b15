// @ts-check
import { execFileSync } from 'node:child_process';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import searchIndex from './src/integrations/pagefind.ts';
import safeLinks from './src/markdown/safe-links.ts';
import { resolveRepository } from './src/lib/repository.ts';
import precompress from './src/integrations/precompress.ts';
import { siteQuality } from './src/quality/integration';
import { cmsAdmin } from './src/cms/integration.ts';

/** @type {import('./src/lib/repository.ts').Git} */
function git(args) {
	try {
		return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
	} catch {
		return undefined;
	}
}

// A sub-path deploy sets SITE_BASE (e.g. /plan/); every URL goes through src/lib/urls.ts.
export default defineConfig({
	// The public address is set where the site is deployed; nothing here assumes one.
	...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
	base: process.env.SITE_BASE ?? '/',
	// Tests build into their own folder so that they never touch the dist/ being served.
	outDir: process.env.SITE_OUT_DIR ?? './dist',
	trailingSlash: 'always',
	// cmsAdmin builds /admin/'s script apart from the site's (src/cms/integration.ts).
	// searchIndex runs Pagefind on the output of every build (src/integrations/pagefind.ts);
	// SEARCH_SEGMENT=off leaves Chinese to Pagefind's own segmentation, for the benchmark only.
	// precompress comes last: it writes .gz/.br copies of every text file, Pagefind's included.
	integrations: [mdx(), siteQuality(), cmsAdmin(), searchIndex({ segment: process.env.SEARCH_SEGMENT !== 'off' }), precompress()],
	// Four pages at a time: with one, page rendering waited on each file write for a third of its
	// time at 5,000 entries (profiled); the site's data is read once and shared by every page.
	build: { format: 'directory', concurrency: 4 },
	// Bodies are rendered as Markdown (src/loaders/report-entries.ts); MDX extends this config, so
	// an unsafe link is dropped on either path. No smartypants: bodies quote the report verbatim,
	// and it would turn a typed " or -- into other characters (it also took 1.3 s of every
	// 5,000-entry build, on text that is Chinese punctuation already).
	markdown: { processor: unified({ smartypants: false, rehypePlugins: [safeLinks] }) },
	// The edit links' repository, from PUBLIC_REPOSITORY_* or `origin` (src/lib/repository.ts).
	vite: { define: { __SITE_REPOSITORY__: JSON.stringify(resolveRepository(process.env, git) ?? null) } },
	// Reading pages carry no client JavaScript, so nothing is prefetched.
	prefetch: false,
});
