// Builds the site from other content, in a child process, without touching the project's own build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateContent } from '../../scripts/bench/generate';

const project = join(import.meta.dirname, '..', '..');

/**
 * A folder for one test file's builds, inside the project: Astro keeps a build's server chunks
 * next to its output only when that is inside the working directory (else in the shared .astro/).
 */
export function scratchFolder(name: string): string {
	mkdirSync(join(project, name), { recursive: true });
	return mkdtempSync(join(project, name, 'run-'));
}

let builds = 0;

/**
 * Builds the site with only the environment given: a Vitest worker's own variables (BASE_URL,
 * MODE, NODE_ENV=test) would otherwise leak into the site's `import.meta.env`. Each build gets a
 * root of its own under `scratch`, with the project's config, src/ and public/: Astro writes
 * generated modules and its content cache under the root, so a build of the real content running
 * at the same time cannot mix its entries into this one's.
 */
export function isolatedBuild(scratch: string, env: Record<string, string>) {
	const root = join(scratch, `root-${(builds += 1)}`);
	mkdirSync(root);
	const options = {
		logLevel: 'error',
		root,
		configFile: relative(root, join(project, 'astro.config.mjs')),
		srcDir: join(project, 'src'),
		publicDir: join(project, 'public'),
	};
	const script = `const { build } = await import('astro'); await build(${JSON.stringify(options)});`;
	const { PATH = '', HOME = '' } = process.env;
	const result = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
		cwd: project,
		env: { PATH, HOME, ...env },
		encoding: 'utf8',
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Builds the site into `dist` from 1,000 entries of the scale benchmark's generated content: the
 * size at which every list that grows with the content is paged.
 */
export function buildGeneratedSite(scratch: string, dist: string) {
	const content = generateContent({ entries: 1000, outDir: join(scratch, 'content'), seed: 11 });
	const { status, output } = isolatedBuild(scratch, { CONTENT_DIR: content.root, SITE_OUT_DIR: dist, PROGRESS_TODAY: '2026-01-01' });
	if (status !== 0) throw new Error(`build of 1,000 generated entries failed:\n${output}`);
}
