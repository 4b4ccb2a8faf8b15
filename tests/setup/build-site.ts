// Vitest global setup: builds the real site once into .test-dist/ for the tests that read the output.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const testDist = join(import.meta.dirname, '..', '..', '.test-dist');

export default function buildSite() {
	execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
		env: { ...process.env, SITE_OUT_DIR: testDist },
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}
