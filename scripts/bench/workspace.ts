/**
 * A private copy of the project for one benchmark size. Astro writes content-dependent files into
 * the project (`.astro/content-modules.mjs`, the content-layer cache, `.prerender/` chunks when
 * the output folder is outside the working directory), so a benchmark build in the real project
 * would clobber the builds and dev servers of people working on the real content. The copy shares
 * only node_modules (by a symlink) and reads its content from its own `content/`.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What an Astro build of the site needs; the rest of the project (tests, docs, content) stays behind. */
const projectFiles = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** The name the search integration registers (src/integrations/pagefind.ts), which the bench can leave out. */
export const searchIntegrationName = 'search-index';

export interface Workspace {
	root: string;
	content: string;
	dist: string;
	/** Astro's content-layer cache; deleting it makes the next build a cold one. */
	cache: string;
	remove(): void;
}

export function createWorkspace(projectRoot: string, label: string): Workspace {
	const root = mkdtempSync(join(tmpdir(), `suzhou-bench-${label}-`));
	for (const file of projectFiles) if (existsSync(join(projectRoot, file))) cpSync(join(projectRoot, file), join(root, file), { recursive: true });
	symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
	// The site's own config with a cache of the copy's own (the default lives in the shared node_modules)
	// and, when BENCH_SEARCH=off, without the Pagefind integration, to time the build with and without it.
	writeFileSync(
		join(root, 'astro.bench.config.mjs'),
		`import config from './astro.config.mjs';
const withoutSearch = process.env.BENCH_SEARCH === 'off';
export default {
	...config,
	cacheDir: './.bench-cache/',
	integrations: config.integrations.flat(Infinity).filter((i) => !(withoutSearch && i.name === ${JSON.stringify(searchIntegrationName)})),
};
`,
	);
	return {
		root,
		content: join(root, 'content'),
		dist: join(root, 'dist'),
		cache: join(root, '.bench-cache'),
		remove: () => rmSync(root, { recursive: true, force: true }),
	};
}
