/**
 * Writes `x.gz` and `x.br` next to every text file of the build, for servers that send a stored
 * compressed copy instead of compressing each response: nginx's `gzip_static` (and
 * `brotli_static` where the module is installed), and `npm run preview`. A copy that would not be
 * smaller (Pagefind's index files are compressed already) is not written.
 *
 * Two passes. The first starts as soon as the pages are written (astro:build:generated) and runs
 * while the other integrations' build:done steps do, mostly on the core Pagefind leaves idle. The
 * second, listed last in astro.config.mjs, compresses what those steps wrote or changed since
 * (Pagefind's bundle, /admin/'s script and page) and removes the copies of files they deleted.
 */
import { readdirSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { eachAtOnce } from './each-at-once';

/** The files worth compressing: text. */
export const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.xml', '.txt', '.svg']);

/**
 * gzip at level 6, brotli at quality 7. Measured on the 5,000-entry pages (53 MiB of HTML):
 * gzip 9 makes them 0.2% smaller than 6 but takes 1.7 times as long; brotli 11 makes them 9%
 * smaller than 7 but takes 40 times as long, which added a minute to every build.
 */
const encodings = [
	{ suffix: '.gz', compress: promisify(gzip), options: { level: 6 } },
	{ suffix: '.br', compress: promisify(brotliCompress), options: { params: { [constants.BROTLI_PARAM_QUALITY]: 7 } } },
] as const;

const suffixes = encodings.map((e) => e.suffix);

/** Where Astro keeps its server chunks inside the output folder while it builds. */
const astroBuildFolder = '.prerender';

/** The files a pass compressed, each with the version (modification time and size) it read. */
export type Compressed = ReadonlyMap<string, string>;

const version = async (file: string) => {
	const { mtimeMs, size } = await stat(file);
	return `${mtimeMs}:${size}`;
};

/** `read(file)`, or undefined when the file is gone: the first pass runs while other steps delete files. */
async function unlessGone<T>(read: () => Promise<T>): Promise<T | undefined> {
	try {
		return await read();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/**
 * Compresses every text file under `dir` that `done` does not hold in its current version, and
 * removes the copies of files that are gone. Returns what it compressed, with `done`.
 */
export async function precompress(dir: string, done: Compressed = new Map()): Promise<{ compressed: Compressed; written: number }> {
	// Listed at once, before anything else runs: Astro removes its .prerender/ folder from the
	// output while the first pass works, and that folder's server chunks are not the site's.
	const files = new Set(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name))
			.filter((file) => !relative(dir, file).split(sep).includes(astroBuildFolder)),
	);
	const compressed = new Map(done);
	let written = 0;
	const orphans = [...files].filter((file) => suffixes.some((suffix) => file.endsWith(suffix) && !files.has(file.slice(0, -suffix.length))));
	await Promise.all(orphans.map((file) => rm(file, { force: true })));
	// A few at a time: zlib's thread pool does the work, and the machine may have two cores.
	await eachAtOnce(
		[...files].filter((file) => compressible.has(extname(file))),
		4,
		async (file) => {
			const current = await unlessGone(() => version(file));
			if (current === undefined || done.get(file) === current) return;
			const bytes = await unlessGone(() => readFile(file));
			if (!bytes) return;
			for (const { suffix, compress, options } of encodings) {
				const packed = await compress(bytes, options);
				if (packed.byteLength >= bytes.byteLength) {
					await rm(file + suffix, { force: true });
					continue;
				}
				await writeFile(file + suffix, packed);
				written++;
			}
			compressed.set(file, current);
		},
	);
	return { compressed, written };
}

export default function precompressBuild(): AstroIntegration {
	let pages: ReturnType<typeof precompress> | undefined;
	return {
		name: 'precompress',
		hooks: {
			'astro:build:generated': ({ dir }) => {
				pages = precompress(fileURLToPath(dir));
				// Awaited in astro:build:done; a build that fails before then ends without it.
				pages.catch(() => {});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const first = await pages;
				const second = await precompress(fileURLToPath(dir), first?.compressed);
				logger.info(`${(first?.written ?? 0) + second.written} compressed copies (.gz, .br) written`);
			},
		},
	};
}
