/**
 * `npm run build`: check the content, build the site into a staging folder next to dist/, and
 * only when everything succeeded put it in dist/'s place. A failed check or build leaves the
 * previous dist/ exactly as it was, so a broken file never publishes a half-built site.
 *
 * The check runs on a thread of its own while Astro builds: at thousands of entries it takes
 * seconds, and Astro leaves the second core idle. Astro's output is held back until the check has
 * passed; a failed check stops the build and prints only its own list, in Chinese.
 *
 *   DIST_DIR      where the finished site goes (default: SITE_OUT_DIR or ./dist)
 *   CONTENT_DIR   the content folder (default ./content), as src/content.config.ts reads it
 *   Extra arguments go to `astro build` (e.g. `npm run build -- --config other.mjs`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { startWorker } from '../src/integrations/worker-answer';
import { formatProblem, summarize, type Problem } from '../src/tooling/problems';

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
removeLeftovers();

/** The content check's problems, from its thread (which loads TypeScript the way this script does). */
const { answer: checked } = startWorker<Problem[]>(new URL('./check-worker.ts', import.meta.url), {
	workerData: contentRoot,
	execArgv: [...process.execArgv, '--import', import.meta.resolve('tsx')],
});

const astro = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
	cwd: process.cwd(),
	// Through a pipe Astro would drop its colours; a terminal still gets them.
	env: { ...process.env, SITE_OUT_DIR: staging, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) },
	stdio: ['ignore', 'pipe', 'pipe'],
});
const held: [NodeJS.WriteStream, Buffer][] = [];
let showAstro = false;
for (const [from, to] of [[astro.stdout, process.stdout], [astro.stderr, process.stderr]] as const) {
	from.on('data', (chunk: Buffer) => (showAstro ? to.write(chunk) : held.push([to, chunk])));
}
const exited = new Promise<number>((done) => astro.once('close', (code) => done(code ?? 1)));

const problems = await checked.catch(async (error: unknown) => {
	astro.kill();
	await exited;
	return fail(`内容检查没能运行完：${error instanceof Error ? error.message : String(error)}\n网站没有生成，${label} 保持原样。`);
});
if (problems.length) {
	astro.kill();
	await exited;
	for (const problem of problems) console.error(formatProblem(problem));
	fail(`${summarize(problems)}\n网站没有生成，${label} 保持原样。`);
}
showAstro = true;
for (const [to, chunk] of held.splice(0)) to.write(chunk);

const status = await exited;
if (status !== 0 || !existsSync(join(staging, 'index.html'))) {
	fail(`网站生成失败（见上面的信息），${label} 保持原样。`, status || 1);
}

// Two renames: dist/ is missing only between them, and is never half old, half new.
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`网站已生成到 ${label}`);
