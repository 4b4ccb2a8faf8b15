// Vitest global setup: builds the real site once into .test-dist/ for the tests that read the output,
// then the same content once more into .test-dist-govsite/ as a bureau would deploy it: every item of
// a fixture site.yaml set, a public address, and a 专栏 sub-path (/fzjs/).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const project = join(import.meta.dirname, '..', '..');
export const testDist = join(project, '.test-dist');
export const govsiteDist = join(project, '.test-dist-govsite');
export const govsiteBuild = {
	SITE_INFO: join(project, 'tests/fixtures/site/site.yaml'),
	SITE_BASE: '/fzjs/',
	SITE_URL: 'https://fzjs.example.test',
};

// Vite's own variables in Vitest's environment (BASE_URL above all) would override the build's.
const { BASE_URL, MODE, DEV, PROD, SSR, ...inherited } = process.env;

const build = (outDir: string, env: Record<string, string> = {}) =>
	execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
		cwd: project,
		env: { ...inherited, ...env, SITE_OUT_DIR: outDir },
		stdio: ['ignore', 'ignore', 'inherit'],
	});

export default function buildSite() {
	build(testDist);
	build(govsiteDist, govsiteBuild);
}
