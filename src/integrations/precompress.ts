/**
 * Writes `x.gz` and `x.br` next to every text file of the build, for servers that send a stored
 * compressed copy instead of compressing each response: nginx's `gzip_static` (and
 * `brotli_static` where the module is installed), and `npm run preview`. A copy that would not be
 * smaller (Pagefind's index files are compressed already) is not written.
 *
 * Two passes, each on a worker thread (./precompress-worker.mjs). The first starts as soon as the
 * pages are written (astro:build:generated) and runs in the background while the other
 * integrations' build:done steps do: at the lowest priority, it fills the core that Pagefind
 * leaves idle (at 5,000 entries, builds took 61–62 s against 78–89 s with the pass at normal
 * priority on zlib's thread pool, alternating on one machine). The second, listed last in
 * astro.config.mjs, compresses what those steps wrote or changed since (Pagefind's bundle,
 * /admin/'s script and page) and removes the copies of files they deleted.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { startWorker } from './worker-answer';

/** The files a pass compressed, each with the version (modification time and size) it read. */
export type Compressed = ReadonlyMap<string, string>;

/**
 * Compresses every text file under `dir` that `done` does not hold in its current version, and
 * removes the copies of files that are gone. Returns what it compressed, with `done`.
 */
export function precompress(dir: string, { done = new Map(), background = false }: { done?: Compressed | undefined; background?: boolean } = {}) {
	// Not the build's Node options: the worker is plain JavaScript.
	return startWorker<{ compressed: Compressed; written: number }>(new URL('precompress-worker.mjs', import.meta.url), {
		workerData: { dir, done, background },
		execArgv: [],
	}).answer;
}

export default function precompressBuild(): AstroIntegration {
	let pages: ReturnType<typeof precompress> | undefined;
	return {
		name: 'precompress',
		hooks: {
			'astro:build:generated': ({ dir }) => {
				pages = precompress(fileURLToPath(dir), { background: true });
				// Awaited in astro:build:done; a build that fails before then ends without it.
				pages.catch(() => {});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const first = await pages;
				const second = await precompress(fileURLToPath(dir), { done: first?.compressed });
				logger.info(`${(first?.written ?? 0) + second.written} compressed copies (.gz, .br) written`);
			},
		},
	};
}
