/**
 * Writes `x.gz` and `x.br` next to every text file of the build, for servers that send a stored
 * compressed copy instead of compressing each response: nginx's `gzip_static` (and
 * `brotli_static` where the module is installed), and `npm run preview`. A copy that would not be
 * smaller (Pagefind's index files are compressed already) is not written.
 *
 * Two passes, each on worker threads (./precompress-worker.mjs). The first starts as soon as the
 * pages are written (astro:build:generated) and runs in the background while the other
 * integrations' build:done steps do: at the lowest priority, it fills the core that Pagefind
 * leaves idle (at 5,000 entries, builds took 61–62 s against 78–89 s with the pass at normal
 * priority on zlib's thread pool, alternating on one machine). The second, listed last in
 * astro.config.mjs, compresses what those steps wrote or changed since (Pagefind's bundle,
 * /admin/'s script and page) and removes the copies of files they deleted.
 */
import { readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { startWorker } from './worker-answer';

/** The files worth compressing: text. */
export const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.xml', '.txt', '.svg']);

/**
 * gzip at level 6, brotli at quality 7. Measured on the 5,000-entry pages (53 MiB of HTML):
 * gzip 9 makes them 0.2% smaller than 6 but takes 1.7 times as long; brotli 11 makes them 9%
 * smaller than 7 but takes 40 times as long, which added a minute to every build.
 */
const encodings = [
	{ suffix: '.gz', format: 'gzip', level: 6 },
	{ suffix: '.br', format: 'brotli', level: 7 },
] as const;

/** Where Astro keeps its server chunks inside the output folder while it builds. */
const astroBuildFolder = '.prerender';

/** Files per worker below which another worker costs more than it saves. */
const filesPerWorker = 200;

/** The files a pass compressed, each with the version (modification time and size) it read. */
export type Compressed = ReadonlyMap<string, string>;

/**
 * Compresses every text file under `dir` that `done` does not hold in its current version, and
 * removes the copies of files that are gone. Returns what it compressed, with `done`.
 */
export async function precompress(dir: string, { done = new Map(), background = false }: { done?: Compressed | undefined; background?: boolean } = {}) {
	// Listed at once, before anything else runs: Astro removes its .prerender/ folder from the
	// output while the first pass works, and that folder's server chunks are not the site's.
	const files = new Set(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name))
			.filter((file) => !relative(dir, file).split(sep).includes(astroBuildFolder)),
	);
	for (const file of files) {
		if (encodings.some(({ suffix }) => file.endsWith(suffix) && !files.has(file.slice(0, -suffix.length)))) rmSync(file, { force: true });
	}
	const text = [...files].filter((file) => compressible.has(extname(file)));
	// One worker per core: in the background they share whatever the build leaves idle.
	const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(text.length / filesPerWorker)));
	const answers = await Promise.all(
		Array.from(
			{ length: workers },
			// Not the build's Node options: the worker is plain JavaScript.
			(_, share) =>
				startWorker<{ compressed: Compressed; written: number }>(new URL('precompress-worker.mjs', import.meta.url), {
					workerData: { files: text.filter((_, i) => i % workers === share), done, background, encodings },
					execArgv: [],
				}).answer,
		),
	);
	return {
		compressed: new Map([...done, ...answers.flatMap(({ compressed }) => [...compressed])]),
		written: answers.reduce((sum, { written }) => sum + written, 0),
	};
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
