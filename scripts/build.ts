/**
 * `npm run build`: check the content, build the site into a staging folder next to dist/, and
 * only when everything succeeded put it in dist/'s place. A failed check or build leaves the
 * previous dist/ exactly as it was, so a broken file never publishes a half-built site.
 *
 *   DIST_DIR      where the finished site goes (default: SITE_OUT_DIR or ./dist)
 *   CONTENT_DIR   the content folder (default ./content), as src/content.config.ts reads it
 *   Extra arguments go to `astro build` (e.g. `npm run build -- --config other.mjs`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatProblem, summarize } from '../src/tooling/problems';
import { validateContent } from '../src/tooling/validate';

const projectRoot = join(import.meta.dirname, '..');
const dist = resolve(process.env['DIST_DIR'] ?? process.env['SITE_OUT_DIR'] ?? 'dist');
const distName = basename(dist);
const label = distName === 'dist' ? 'dist/' : dist;
// Same parent as dist/, so that the final move is a rename on one file system.
const staging = join(dirname(dist), `.${distName}.building-${process.pid}`);
const previous = join(dirname(dist), `.${distName}.previous-${process.pid}`);

function fail(message: string, code = 1): never {
	rmSync(staging, { recursive: true, force: true });
	console.error(message);
	process.exit(code);
}

/** Folders left by builds that were killed mid-way; a running build's folders are left alone. */
function removeLeftovers() {
	if (!existsSync(dirname(dist))) return;
	const leftover = new RegExp(`^\\.${distName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:building|previous)-(\\d+)$`);
	for (const name of readdirSync(dirname(dist))) {
		const pid = Number(leftover.exec(name)?.[1]);
		if (!pid || pid === process.pid) continue;
		try {
			process.kill(pid, 0);
		} catch {
			rmSync(join(dirname(dist), name), { recursive: true, force: true });
		}
	}
}

const contentRoot = resolve(process.env['CONTENT_DIR'] ?? join(projectRoot, 'content'));
const problems = validateContent(contentRoot);
if (problems.length) {
	for (const problem of problems) console.error(formatProblem(problem));
	fail(`${summarize(problems)}\n网站没有生成，${label} 保持原样。`);
}

removeLeftovers();
const build = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
	cwd: process.cwd(),
	env: { ...process.env, SITE_OUT_DIR: staging },
	stdio: 'inherit',
});
if (build.status !== 0 || !existsSync(join(staging, 'index.html'))) {
	fail(`网站生成失败（见上面的信息），${label} 保持原样。`, build.status || 1);
}

// Two renames: dist/ is missing only between them, and is never half old, half new.
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`网站已生成到 ${label}`);
