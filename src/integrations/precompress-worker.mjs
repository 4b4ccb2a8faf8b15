// One pass of src/integrations/precompress.ts on a thread of its own. Plain JavaScript: a worker
// thread has no TypeScript loader. Synchronous zlib on this thread rather than zlib's thread
// pool, which the build's own file reads and writes wait on.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @type {{ dir: string; done: Map<string, string>; background: boolean }} */
const { dir, done, background } = workerData;

// In the background, this thread takes only what the build leaves idle: the first pass runs while
// Pagefind indexes the pages, and would otherwise slow it down as much as it gains. (On Linux the
// priority is the calling thread's own.)
if (background) setPriority(19);

/** The files worth compressing: text. */
const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.xml', '.txt', '.svg']);

/**
 * gzip at level 6, brotli at quality 7. Measured on the 5,000-entry pages (53 MiB of HTML):
 * gzip 9 makes them 0.2% smaller than 6 but takes 1.7 times as long; brotli 11 makes them 9%
 * smaller than 7 but takes 40 times as long, which added a minute to every build.
 */
const encodings = [
	{ suffix: '.gz', compress: (/** @type {Buffer} */ bytes) => gzipSync(bytes, { level: 6 }) },
	{ suffix: '.br', compress: (/** @type {Buffer} */ bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 7 } }) },
];

/** Where Astro keeps its server chunks inside the output folder while it builds. */
const astroBuildFolder = '.prerender';

/** The file's version (modification time and size), or undefined when it is gone: other steps delete files meanwhile. */
const version = (/** @type {string} */ file) => {
	const stats = statSync(file, { throwIfNoEntry: false });
	return stats && `${stats.mtimeMs}:${stats.size}`;
};

// Listed at once, before anything else runs: Astro removes its .prerender/ folder from the output
// while the first pass works, and that folder's server chunks are not the site's.
const files = new Set(
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.filter((file) => !relative(dir, file).split(sep).includes(astroBuildFolder)),
);
for (const file of files) {
	if (encodings.some(({ suffix }) => file.endsWith(suffix) && !files.has(file.slice(0, -suffix.length)))) rmSync(file, { force: true });
}

const compressed = new Map(done);
let written = 0;
for (const file of files) {
	if (!compressible.has(extname(file))) continue;
	const current = version(file);
	if (current === undefined || done.get(file) === current) continue;
	let bytes;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') continue;
		throw error;
	}
	for (const { suffix, compress } of encodings) {
		const packed = compress(bytes);
		// A copy that would not be smaller (Pagefind's index files are compressed already) is not kept.
		if (packed.byteLength >= bytes.byteLength) rmSync(file + suffix, { force: true });
		else {
			writeFileSync(file + suffix, packed);
			written++;
		}
	}
	compressed.set(file, current);
}

parentPort?.postMessage({ compressed, written });
